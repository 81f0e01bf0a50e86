import { getSandboxThread } from "@/lib/api/contracts/sandbox";
import { route } from "@/lib/api/route";
import * as thread from "@/lib/services/sandbox/thread";

export const GET = route(getSandboxThread, ({ ctx, params }) => thread.getSandboxThread(ctx, params.id));
