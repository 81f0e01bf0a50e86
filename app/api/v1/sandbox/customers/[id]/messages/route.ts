import { sendSandboxCustomerMessage } from "@/lib/api/contracts/sandbox";
import { route } from "@/lib/api/route";
import { sendCustomerMessage } from "@/lib/services/sandbox/customer-message";

export const POST = route(sendSandboxCustomerMessage, ({ ctx, params, body }) => sendCustomerMessage(ctx, params.id, body));
