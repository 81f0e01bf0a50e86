import { findStoredFile } from "@/db/queries/files";
import { errors } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";
import { storage } from "@/lib/storage";

/**
 * A stored file with its bytes, for members of the org that owns it. Anyone else — signed out, another org, a
 * malformed id — gets the same 404, so file ids reveal nothing.
 */
export async function readFileForMember(principal: Principal | null, fileId: string) {
  if (!principal || !principal.permissions.has("files.read") || !/^\d{1,15}$/.test(fileId)) throw errors.notFound("File");
  const file = await findStoredFile(principal.orgId, Number(fileId));
  const body = file ? await storage().get(file.storageKey) : null;
  if (!file || !body) throw errors.notFound("File");
  return { file, body };
}
