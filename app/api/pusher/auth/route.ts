import { randomUUID } from "node:crypto";
import { errors } from "@/lib/api/errors";
import { errorResponse, jsonResponse } from "@/lib/api/route";
import { authenticate } from "@/lib/auth/principal";
import { authorizeRealtime } from "@/lib/services/realtime/authorize";

/** pusher-js posts socket_id and channel_name form-encoded (or JSON); only members of the org get a signature. */
export async function POST(req: Request) {
  const requestId = randomUUID();
  try {
    const principal = await authenticate(req);
    if (!principal) throw errors.unauthenticated();
    const type = req.headers.get("content-type") ?? "";
    const input = type.includes("json") ? await req.json() : Object.fromEntries(new URLSearchParams(await req.text()));
    return jsonResponse(await authorizeRealtime(principal, input));
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
