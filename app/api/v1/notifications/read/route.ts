import { markNotificationsRead } from "@/lib/api/contracts/notifications";
import { route } from "@/lib/api/route";
import * as read from "@/lib/services/notifications/mark-read";

export const POST = route(markNotificationsRead, ({ ctx, body }) => read.markNotificationsRead(ctx, body));
