import { uploadSandboxMedia } from "@/lib/api/contracts/sandbox";
import { route } from "@/lib/api/route";
import * as customerMessage from "@/lib/services/sandbox/customer-message";

export const POST = route(uploadSandboxMedia, ({ ctx, form }) => customerMessage.uploadSandboxMedia(ctx, form));
