import { health } from "@/lib/api/contracts/system";
import { route } from "@/lib/api/route";

export const GET = route(health, async () => ({ status: "ok" as const, time: new Date().toISOString() }));
