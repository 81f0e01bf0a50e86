/**
 * Placeholders of quick replies, filled when an agent inserts one into the composer (client) or when a reply is sent
 * on the server. Pure: no imports, safe in both bundles.
 */
export type PlaceholderValues = {
  contactName?: string | null;
  phone?: string | null;
  agentName?: string | null;
  orgName?: string | null;
};

export const PLACEHOLDERS = ["name", "first_name", "phone", "agent", "org"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const blank = (v: string | null | undefined) => (v ?? "").trim() || null;

function valueOf(key: Placeholder, v: PlaceholderValues): string | null {
  switch (key) {
    case "name":
      return blank(v.contactName);
    case "first_name":
      return blank(v.contactName)?.split(/\s+/)[0] ?? null;
    case "phone": {
      const phone = blank(v.phone);
      // WhatsApp ids are bare digits; people read them with the leading "+".
      return phone && /^\d+$/.test(phone) ? `+${phone}` : phone;
    }
    case "agent":
      return blank(v.agentName);
    case "org":
      return blank(v.orgName);
  }
}

const PATTERN = /\{\{\s*([a-zA-Z_]+)\s*\}\}/g;
const isPlaceholder = (k: string): k is Placeholder => (PLACEHOLDERS as readonly string[]).includes(k);

/**
 * Replaces {{name}}, {{first_name}}, {{phone}}, {{agent}} and {{org}} (any case, spaces inside the braces allowed).
 * Unknown placeholders, and known ones without a value (a contact without a name), stay as typed so the agent sees
 * them in the composer and can fill them in by hand instead of sending "Hola ,".
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  return body.replace(PATTERN, (whole, raw: string) => {
    const key = raw.toLowerCase();
    return (isPlaceholder(key) && valueOf(key, values)) || whole;
  });
}

/** The placeholders still in a text (e.g. after filling): the composer can warn before sending them. */
export function remainingPlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PATTERN)].map((m) => m[0]))];
}
