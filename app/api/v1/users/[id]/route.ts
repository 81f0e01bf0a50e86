import { deleteUser, updateUser } from "@/lib/api/contracts/users";
import { route } from "@/lib/api/route";
import { deleteUser as deleteUserService } from "@/lib/services/users/delete-user";
import { updateUser as updateUserService } from "@/lib/services/users/update-user";

export const PATCH = route(updateUser, ({ ctx, params, body }) => updateUserService(ctx, params.id, body));
export const DELETE = route(deleteUser, ({ ctx, params }) => deleteUserService(ctx, params.id));
