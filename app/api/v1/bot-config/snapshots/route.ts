import { createSnapshot, listSnapshots } from "@/lib/api/contracts/bot-library";
import { route } from "@/lib/api/route";
import { createSnapshot as create, listSnapshotsOf } from "@/lib/services/bot/snapshots";

export const GET = route(listSnapshots, ({ ctx, query }) => listSnapshotsOf(ctx, query.configId));
export const POST = route(createSnapshot, ({ ctx, body }) => create(ctx, body));
