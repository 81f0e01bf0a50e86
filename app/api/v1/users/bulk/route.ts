import { bulkUsers } from "@/lib/api/contracts/users";
import { route } from "@/lib/api/route";
import { bulkUsers as bulkUsersService } from "@/lib/services/users/bulk-users";

export const POST = route(bulkUsers, ({ ctx, body }) => bulkUsersService(ctx, body));
