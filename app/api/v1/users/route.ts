import { createUser, listUsers } from "@/lib/api/contracts/users";
import { route } from "@/lib/api/route";
import { createUser as createUserService } from "@/lib/services/users/create-user";
import { listUsers as listUsersService } from "@/lib/services/users/list-users";

export const GET = route(listUsers, ({ ctx, query }) => listUsersService(ctx, query));
export const POST = route(createUser, ({ ctx, body }) => createUserService(ctx, body));
