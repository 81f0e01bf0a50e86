import { findStoredFile } from "@/db/queries/files";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { decryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { deleteStoredFile, storeFile } from "@/lib/services/files/store";
import { sniffContentType } from "@/lib/services/files/sniff";
import { fileUrl } from "@/lib/services/identity/dto";
import { metaCall } from "@/lib/services/whatsapp/accounts/meta-errors";
import { defaultSendingAccount } from "@/lib/services/whatsapp/accounts-core";
import { storage } from "@/lib/storage";
import { resumableUpload } from "@/lib/whatsapp/graph";
import { templateOr404 } from "./shared";

const MB = 1024 * 1024;

/** What WhatsApp accepts in a template header, and how big. */
export const HEADER_MEDIA = [
  { type: "image/jpeg", maxBytes: 5 * MB },
  { type: "image/png", maxBytes: 5 * MB },
  { type: "video/mp4", maxBytes: 16 * MB },
  { type: "application/pdf", maxBytes: 100 * MB },
] as const;

const ALLOWED = HEADER_MEDIA.map((m) => `${m.type} (${m.maxBytes / MB} MB)`).join(", ");

/** The real type from the first bytes: images by their signatures, MP4 by its "ftyp" box, PDF by "%PDF-". */
function sniffHeaderMedia(b: Buffer): string | null {
  if (b.subarray(4, 8).toString("latin1") === "ftyp") return "video/mp4";
  if (b.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  return sniffContentType(b);
}

async function takeHeaderFile(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw errors.validation('Attach the file in the "file" field', [{ path: "file", message: "is required" }]);
  const declared = file.type.split(";")[0].trim().toLowerCase();
  const generic = declared === "" || declared === "application/octet-stream";
  const kind = generic ? undefined : HEADER_MEDIA.find((m) => m.type === declared);
  if (!generic && !kind) throw errors.unsupportedMediaType(`Unsupported file type ${declared}; allowed: ${ALLOWED}`);
  if (kind && file.size > kind.maxBytes) throw errors.tooLarge(`A ${kind.type} header may be at most ${kind.maxBytes / MB} MB; allowed: ${ALLOWED}`);
  const buffer = Buffer.from(await file.arrayBuffer());
  const actual = sniffHeaderMedia(buffer);
  const real = HEADER_MEDIA.find((m) => m.type === actual);
  if (!real || (kind && real !== kind)) throw errors.unsupportedMediaType(`The file's content is not ${kind ? `a ${kind.type} file` : "an allowed type"}; allowed: ${ALLOWED}`);
  if (buffer.length > real.maxBytes) throw errors.tooLarge(`A ${real.type} header may be at most ${real.maxBytes / MB} MB; allowed: ${ALLOWED}`);
  const originalName = "name" in file && typeof file.name === "string" && file.name ? file.name.slice(0, 255) : `header.${real.type.split("/")[1]}`;
  return { buffer, contentType: real.type, originalName };
}

/**
 * Keeps our copy of the header media (previews, and sends that need a link) and hands it to Meta's Resumable Upload
 * API, whose handle goes in the template's header example. The sandbox's simulator takes uploads without a Meta app.
 */
export async function uploadTemplateMedia(ctx: Ctx, form: FormData) {
  const upload = await takeHeaderFile(form);
  const account = await defaultSendingAccount(ctx.orgId);
  const appId = env().META_APP_ID ?? (account.isSandbox ? "sandbox-app" : undefined);
  if (!appId) throw errors.notConfigured("Template media upload (META_APP_ID)");
  const stored = await storeFile(ctx, { ...upload, purpose: "template-header" });
  try {
    const handle = await metaCall(() =>
      resumableUpload({
        appId,
        accessToken: decryptSecret(account.accessTokenEncrypted),
        isSandbox: account.isSandbox,
        data: upload.buffer,
        mimeType: upload.contentType,
        filename: upload.originalName,
      }),
    );
    return { fileId: String(stored.id), handle, url: fileUrl(stored.id)!, contentType: stored.contentType, size: stored.size };
  } catch (e) {
    await deleteStoredFile(ctx.orgId, stored.id);
    throw e;
  }
}

/** The header media of a template, for members of its org. */
export async function templateHeaderMedia(ctx: Ctx, id: number) {
  const t = await templateOr404(ctx, id);
  const file = t.headerMediaFileId ? await findStoredFile(ctx.orgId, t.headerMediaFileId) : undefined;
  const body = file ? await storage().get(file.storageKey) : null;
  if (!file || !body) throw errors.notFound("Header media");
  return { body, contentType: file.contentType, originalName: file.originalName };
}
