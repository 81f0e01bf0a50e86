import type { TemplateComponent } from "@/db/schema";
import type { TemplateParameters } from "@/lib/api/contracts/message-input";
import { errors, type ErrorDetail } from "@/lib/api/errors";

/**
 * Turns a stored template (Meta's component list) and the caller's values into the `template` object of a Cloud API
 * send, checking the values against the template's placeholders first: Meta would otherwise answer 132000 from the
 * worker, long after the caller could have fixed the request.
 */

export type HeaderMedia = { type: "image" | "video" | "document"; fileId?: number; link?: string; filename?: string };
export type ResolvedTemplate = {
  template: { name: string; language: { code: string }; components: Record<string, unknown>[] };
  /** What the inbox shows: the template with the values filled in. */
  rendered: { header: string | null; body: string; footer: string | null; buttons: { type: string; text: string }[] };
  headerMedia: HeaderMedia | null;
};

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;
const placeholders = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
const fill = (text: string, values: Map<string, string>) => text.replace(PLACEHOLDER, (all, key: string) => values.get(key) ?? all);
const isPositional = (names: string[]) => names.every((n) => /^\d+$/.test(n));

/** Meta refuses parameter text with new lines, tabs or more than four spaces in a row. */
const badParamText = (v: string) => /[\n\t]| {5,}/.test(v);

function textParams(names: string[], values: Map<string, string>, path: string, problems: ErrorDetail[]) {
  const positional = isPositional(names);
  const ordered = positional ? [...names].sort((a, b) => Number(a) - Number(b)) : names;
  for (const n of ordered) {
    const v = values.get(n);
    if (v === undefined || v === "") problems.push({ path: `${path}.${positional ? Number(n) - 1 : n}`, message: `is required: the template uses {{${n}}}` });
    else if (badParamText(v)) problems.push({ path: `${path}.${positional ? Number(n) - 1 : n}`, message: "cannot contain new lines, tabs or more than 4 spaces in a row" });
  }
  for (const k of values.keys()) {
    if (!names.includes(k)) problems.push({ path: `${path}.${positional && /^\d+$/.test(k) ? Number(k) - 1 : k}`, message: `the template has no {{${k}}}` });
  }
  return ordered.map((n) => ({ type: "text", ...(positional ? {} : { parameter_name: n }), text: values.get(n) ?? "" }));
}

const asValues = (v: string[] | Record<string, string> | undefined) =>
  new Map<string, string>(Array.isArray(v) ? v.map((x, i) => [String(i + 1), x]) : Object.entries(v ?? {}));

export function resolveTemplate(
  t: { name: string; language: string; components: TemplateComponent[]; headerMediaFileId: number | null },
  p: TemplateParameters = {},
): ResolvedTemplate {
  const problems: ErrorDetail[] = [];
  const byType = (type: string) => t.components.find((c) => String(c.type).toUpperCase() === type);
  const components: Record<string, unknown>[] = [];
  const rendered: ResolvedTemplate["rendered"] = { header: null, body: "", footer: null, buttons: [] };
  let headerMedia: HeaderMedia | null = null;

  const header = byType("HEADER");
  const format = String(header?.format ?? "TEXT").toUpperCase();
  if (header && format === "TEXT") {
    const text = String(header.text ?? "");
    const names = placeholders(text);
    const values = new Map<string, string>(p.header?.text !== undefined ? [[names[0] ?? "1", p.header.text]] : []);
    if (names.length) components.push({ type: "header", parameters: textParams(names, values, "parameters.header.text", problems) });
    else if (p.header?.text !== undefined) problems.push({ path: "parameters.header.text", message: "the template's header has no variable" });
    rendered.header = fill(text, values);
  } else if (header && ["IMAGE", "VIDEO", "DOCUMENT"].includes(format)) {
    const type = format.toLowerCase() as HeaderMedia["type"];
    const fileId = p.header?.fileId ?? t.headerMediaFileId ?? undefined;
    const filename = type === "document" ? p.header?.filename : undefined;
    if (p.header?.link) headerMedia = { type, link: p.header.link, filename };
    else if (fileId) headerMedia = { type, fileId, filename };
    else problems.push({ path: "parameters.header", message: `the template has a ${format} header: give header.fileId or header.link` });
    // The media object is completed by the worker (Meta's media id after upload, or the link).
    components.push({ type: "header", parameters: [{ type, [type]: {} }] });
  } else if (header) {
    problems.push({ path: "parameters.header", message: `${format} headers are not supported for sending` });
  }

  const bodyText = String(byType("BODY")?.text ?? "");
  const bodyNames = placeholders(bodyText);
  const bodyValues = asValues(p.body);
  if (bodyNames.length || bodyValues.size) {
    const params = textParams(bodyNames, bodyValues, "parameters.body", problems);
    if (bodyNames.length) components.push({ type: "body", parameters: params });
  }
  rendered.body = fill(bodyText, bodyValues);
  rendered.footer = byType("FOOTER")?.text ? String(byType("FOOTER")!.text) : null;

  const buttons = (byType("BUTTONS")?.buttons ?? []) as { type?: string; text?: string; url?: string }[];
  rendered.buttons = buttons.map((b) => ({ type: String(b.type ?? ""), text: String(b.text ?? "") }));
  const given = new Map((p.buttons ?? []).map((b) => [b.index, b]));
  buttons.forEach((b, index) => {
    const type = String(b.type ?? "").toUpperCase();
    const v = given.get(index);
    given.delete(index);
    const at = `parameters.buttons.${index}`;
    if (type === "URL" && placeholders(String(b.url ?? "")).length) {
      if (!v?.text) problems.push({ path: at, message: "is required: the URL button has a variable ({{1}}); give its text" });
      else components.push({ type: "button", sub_type: "url", index: String(index), parameters: [{ type: "text", text: v.text }] });
    } else if (type === "COPY_CODE") {
      if (!v?.couponCode) problems.push({ path: at, message: "is required: give couponCode for the COPY_CODE button" });
      else components.push({ type: "button", sub_type: "copy_code", index: String(index), parameters: [{ type: "coupon_code", coupon_code: v.couponCode }] });
    } else if (type === "QUICK_REPLY" && v?.payload) {
      components.push({ type: "button", sub_type: "quick_reply", index: String(index), parameters: [{ type: "payload", payload: v.payload }] });
    } else if (v && (v.text || v.couponCode || v.payload)) {
      problems.push({ path: at, message: `the ${type || "button"} button takes no parameter` });
    }
  });
  for (const index of given.keys()) problems.push({ path: `parameters.buttons.${index}`, message: "the template has no button at this index" });

  if (problems.length) throw errors.validation(`The values do not fit template "${t.name}"`, problems);
  return { template: { name: t.name, language: { code: t.language }, components }, rendered, headerMedia };
}
