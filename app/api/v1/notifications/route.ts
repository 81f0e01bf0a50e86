import { listNotifications } from "@/lib/api/contracts/notifications";
import { route } from "@/lib/api/route";
import * as list from "@/lib/services/notifications/list-notifications";

export const GET = route(listNotifications, ({ ctx, query }) => list.listNotifications(ctx, query));
