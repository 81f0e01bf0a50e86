import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { errors } from "@/lib/api/errors";

/** ZIP archives of bot exports (bot.json + media/… + documents/…), built and read in memory with fflate. */

const MB = 1024 * 1024;
export const ZIP_LIMITS = { maxEntries: 2000, maxTotalBytes: 300 * MB };

export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Already-compressed formats are stored as they are: deflating them again only costs time. */
const STORED = /\.(png|jpe?g|gif|webp|mp4|3gp|mp3|m4a|aac|ogg|amr|pdf|docx|xlsx|pptx|zip)$/i;

export function buildZip(files: Record<string, Uint8Array | string>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    entries[name] = [typeof data === "string" ? strToU8(data) : data, { level: STORED.test(name) ? 0 : 6 }];
  }
  return zipSync(entries);
}

/**
 * The files of an uploaded archive. Declared sizes are checked before inflating and real sizes after, so a
 * decompression bomb is refused (413) instead of filling the memory; a corrupt archive is a 400.
 */
export function readZip(bytes: Uint8Array, limits = ZIP_LIMITS): Record<string, Uint8Array> {
  let entries = 0;
  let declared = 0;
  let out: Record<string, Uint8Array>;
  try {
    out = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith("/")) return false;
        entries += 1;
        declared += f.originalSize;
        if (entries > limits.maxEntries || declared > limits.maxTotalBytes) throw errors.tooLarge(`The archive holds more than ${limits.maxEntries} files or ${limits.maxTotalBytes / MB} MB`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof Error && "status" in e) throw e;
    throw errors.validation("The file is not a valid ZIP archive", [{ path: "file", message: "is not a readable ZIP archive" }]);
  }
  const total = Object.values(out).reduce((n, f) => n + f.length, 0);
  if (total > limits.maxTotalBytes) throw errors.tooLarge(`The archive expands beyond ${limits.maxTotalBytes / MB} MB`);
  return out;
}

/** A name safe inside an archive and on any file system. */
export const safeFileName = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(0, 80) || "file";
