import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/api/route";
import { authenticate } from "@/lib/auth/principal";
import { readFileForMember } from "@/lib/services/files/read";

/** Serves a stored file (avatars, logos, attachments) to members of the org that owns it. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
  try {
    const { file, body } = await readFileForMember(await authenticate(req), (await params).id);
    // Only images render inline; anything else downloads, so an uploaded document never runs in our origin.
    const disposition = file.contentType.startsWith("image/") ? "inline" : "attachment";
    const filename = file.originalName ? `; filename*=UTF-8''${encodeURIComponent(file.originalName)}` : "";
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(body.length),
        "cache-control": "private, max-age=300",
        "x-content-type-options": "nosniff",
        "content-disposition": `${disposition}${filename}`,
        "x-request-id": requestId,
      },
    });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
