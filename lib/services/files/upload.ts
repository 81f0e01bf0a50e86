import type { Multipart } from "@/lib/api/contract";
import { errors } from "@/lib/api/errors";
import { sniffContentType } from "./sniff";

export type Upload = { buffer: Buffer; contentType: string; originalName: string | null };

/**
 * Takes the file of a multipart request and checks it against the contract's limits: missing → 400, too big → 413,
 * a type outside the allowed list (declared or actual, by magic bytes) → 415. The stored type is the sniffed one.
 */
export async function takeUpload(form: FormData, spec: Multipart): Promise<Upload> {
  const file = form.get(spec.field);
  if (!(file instanceof Blob) || file.size === 0) {
    throw errors.validation(`Attach the file in the "${spec.field}" field`, [{ path: spec.field, message: "is required" }]);
  }
  if (file.size > spec.maxBytes) throw errors.tooLarge(`File exceeds ${spec.maxBytes} bytes`);
  const allowed = `allowed types: ${spec.types.join(", ")}`;
  const declared = file.type.split(";")[0].trim().toLowerCase();
  if (declared && !spec.types.includes(declared)) throw errors.unsupportedMediaType(`Unsupported file type ${declared}; ${allowed}`);
  const buffer = Buffer.from(await file.arrayBuffer());
  const actual = sniffContentType(buffer);
  if (!actual || !spec.types.includes(actual)) throw errors.unsupportedMediaType(`File content is not of an allowed type; ${allowed}`);
  const originalName = "name" in file && typeof file.name === "string" && file.name ? file.name.slice(0, 255) : null;
  return { buffer, contentType: actual, originalName };
}
