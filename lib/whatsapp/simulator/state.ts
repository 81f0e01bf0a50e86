import { createHash, randomBytes, randomInt } from "node:crypto";

/** What the simulator remembers. In memory: Meta's side of the world is not ours to persist. */

export type SimMedia = {
  id: string;
  /** The phone number that uploaded it: only that number's token may read it. */
  ownerPhoneNumberId?: string;
  bytes: Buffer;
  mimeType: string;
  sha256: string;
  filename?: string;
  createdAt: number;
};

export type SimTemplate = {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: string;
  status: "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED";
  components: unknown[];
  rejectedReason: string | null;
  qualityScore: string;
};

export type SimSend = {
  wamid: string;
  phoneNumberId: string;
  to: string;
  waId: string;
  type: string;
  /** The message object as the product sent it (without messaging_product). */
  message: Record<string, unknown>;
  outcome: "delivered" | "failed";
  at: number;
};

export type SimRead = { phoneNumberId: string; messageId: string; typing: boolean; at: number };

export type SimUpload = { id: string; fileName: string; fileLength: number; fileType: string; handle?: string };

export type SimRequest = { method: string; path: string; query: Record<string, string>; body: unknown; status: number; at: number };

const MEDIA_BYTES_CAP = 200 * 1024 * 1024;
const LIST_CAP = 2000;

/** Meta's object ids are numbers; 15 digits keeps them exact as JavaScript numbers (webhooks carry template ids as numbers). */
export const graphId = () => String(randomInt(100_000, 999_999)) + String(randomInt(100_000_000, 999_999_999));
export const newWamid = (prefix = "SIM") => `wamid.${prefix}${randomBytes(18).toString("base64url")}`;
export const sha256Hex = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function capped<T>(list: T[], item: T) {
  list.push(item);
  if (list.length > LIST_CAP) list.splice(0, list.length - LIST_CAP);
}

export class SimState {
  readonly media = new Map<string, SimMedia>();
  readonly templates = new Map<string, SimTemplate>();
  readonly uploads = new Map<string, SimUpload>();
  /** Accepted sends, oldest first. */
  readonly sends: SimSend[] = [];
  /** Mark-read calls by the wamid of the customer's message. */
  readonly reads = new Map<string, SimRead>();
  /** Every call, oldest first (tests assert on them). */
  readonly requests: SimRequest[] = [];
  private mediaBytes = 0;

  record(r: SimRequest) {
    capped(this.requests, r);
  }

  recordSend(s: SimSend) {
    capped(this.sends, s);
  }

  recordRead(r: SimRead) {
    this.reads.set(r.messageId, r);
    if (this.reads.size > LIST_CAP) this.reads.delete(this.reads.keys().next().value!);
  }

  putMedia(input: { bytes: Buffer; mimeType: string; filename?: string; ownerPhoneNumberId?: string }): SimMedia {
    const media: SimMedia = { id: graphId(), sha256: sha256Hex(input.bytes), createdAt: Date.now(), ...input };
    this.media.set(media.id, media);
    this.mediaBytes += media.bytes.length;
    // A long-running sandbox must not grow without bound: the oldest media go first, like Meta's 30-day expiry.
    for (const [id, m] of this.media) {
      if (this.mediaBytes <= MEDIA_BYTES_CAP || id === media.id) break;
      this.media.delete(id);
      this.mediaBytes -= m.bytes.length;
    }
    return media;
  }

  deleteMedia(id: string) {
    const m = this.media.get(id);
    if (!m) return false;
    this.media.delete(id);
    this.mediaBytes -= m.bytes.length;
    return true;
  }

  templatesOf(wabaId: string) {
    return [...this.templates.values()].filter((t) => t.wabaId === wabaId);
  }
}
