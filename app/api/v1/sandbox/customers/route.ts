import { createSandboxCustomer, listSandboxCustomers } from "@/lib/api/contracts/sandbox";
import { route } from "@/lib/api/route";
import * as customers from "@/lib/services/sandbox/customers";

export const GET = route(listSandboxCustomers, ({ ctx }) => customers.listSandboxCustomers(ctx));
export const POST = route(createSandboxCustomer, ({ ctx, body }) => customers.createSandboxCustomer(ctx, body));
