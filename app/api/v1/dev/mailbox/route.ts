import { devMailbox } from "@/lib/api/contracts/dev";
import { route } from "@/lib/api/route";
import { readDevMailbox } from "@/lib/services/mail/dev-mailbox";

export const GET = route(devMailbox, ({ ctx, query }) => readDevMailbox(ctx, query));
