import type { TemplateComponentInput } from "@/lib/api/contracts/templates";
import type { ErrorDetail } from "@/lib/api/errors";

/**
 * Meta's template rules, checked before anything is sent so an admin sees every problem at once, with the field it
 * concerns, instead of Meta's one-at-a-time rejection. Drafts may be unfinished: "draft" skips the completeness rules
 * (a body, examples for variables, media handles) but still refuses what could never be submitted.
 */
export type RuleMode = "draft" | "submit";
export type Category = "MARKETING" | "UTILITY" | "AUTHENTICATION";

export const LIMITS = {
  headerText: 60,
  bodyText: 1024,
  footerText: 60,
  buttonText: 25,
  buttons: 10,
  quickReply: 10,
  url: 2,
  phoneNumber: 1,
  copyCode: 1,
  urlLength: 2000,
  phoneLength: 20,
} as const;

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The {{n}} placeholders of a text, in order of appearance; `named` lists any that are not positive integers. */
export function variablesOf(text: string | undefined) {
  const numbers: number[] = [];
  const named: string[] = [];
  for (const m of (text ?? "").matchAll(VARIABLE)) {
    if (/^[1-9]\d*$/.test(m[1])) numbers.push(Number(m[1]));
    else named.push(m[0]);
  }
  return { numbers, named, max: numbers.length ? Math.max(...numbers) : 0 };
}

/** How many values a send must supply: header and body variables, and the URL buttons' suffixes (by button index). */
export function templateVariables(components: readonly Record<string, unknown>[]) {
  const text = (type: string) => components.find((c) => c.type === type)?.text as string | undefined;
  const buttons = (components.find((c) => c.type === "BUTTONS")?.buttons ?? []) as { type?: string; url?: string }[];
  return {
    header: variablesOf(text("HEADER")).max,
    body: variablesOf(text("BODY")).max,
    buttons: buttons.flatMap((b, index) => (b.type === "URL" && variablesOf(b.url).max > 0 ? [index] : [])),
  };
}

type Report = (path: string, message: string) => void;

function checkVariables(text: string, path: string, report: Report, opts: { max?: number; mode: RuleMode; edges?: boolean }) {
  const v = variablesOf(text);
  for (const n of v.named) report(path, `uses ${n}: variables must be numbered {{1}}, {{2}}…`);
  if (opts.max !== undefined && v.numbers.length > opts.max) {
    report(path, opts.max === 0 ? "must not contain variables" : `may contain at most ${opts.max} variable${opts.max > 1 ? "s" : ""}`);
  }
  const missing = Array.from({ length: v.max }, (_, i) => i + 1).filter((n) => !v.numbers.includes(n));
  if (missing.length) report(path, `variables must be consecutive starting at {{1}}; missing ${missing.map((n) => `{{${n}}}`).join(", ")}`);
  if (opts.edges && opts.mode === "submit" && v.numbers.length) {
    const trimmed = text.trim();
    if (/^\{\{[^{}]*\}\}/.test(trimmed) || /\{\{[^{}]*\}\}$/.test(trimmed)) report(path, "must not start or end with a variable");
  }
  return v.max;
}

function checkText(text: string | undefined, path: string, limit: number, report: Report, required: boolean) {
  if (text === undefined || text.trim() === "") {
    if (required) report(path, "is required");
    return false;
  }
  if (text.length > limit) report(path, `must be at most ${limit} characters (has ${text.length})`);
  return true;
}

function checkExamples(values: unknown, count: number, path: string, report: Report) {
  const list = Array.isArray(values) ? values : [];
  if (list.length !== count || list.some((v) => typeof v !== "string" || v.trim() === "")) {
    report(path, `needs ${count} example value${count > 1 ? "s" : ""}, one per variable`);
  }
}

type Header = Extract<TemplateComponentInput, { type: "HEADER" }>;
type Body = Extract<TemplateComponentInput, { type: "BODY" }>;
type Footer = Extract<TemplateComponentInput, { type: "FOOTER" }>;
type Buttons = Extract<TemplateComponentInput, { type: "BUTTONS" }>;

function checkHeader(h: Header, p: string, mode: RuleMode, report: Report) {
  if (h.format === "TEXT") {
    if (!checkText(h.text, `${p}.text`, LIMITS.headerText, report, true)) return;
    if (/[\n\r]/.test(h.text!)) report(`${p}.text`, "must be a single line");
    const vars = checkVariables(h.text!, `${p}.text`, report, { max: 1, mode });
    if (vars > 0 && mode === "submit") checkExamples(h.example?.header_text, vars, `${p}.example.header_text`, report);
    return;
  }
  if (h.text !== undefined) report(`${p}.text`, `is only allowed on TEXT headers, not ${h.format}`);
  if (h.format === "LOCATION") return;
  const handles = h.example?.header_handle ?? [];
  if (mode === "submit" && (handles.length !== 1 || !handles[0]?.trim())) {
    report(`${p}.example.header_handle`, `needs the handle of the uploaded ${h.format.toLowerCase()} (POST /templates/upload-media)`);
  }
}

function checkBody(b: Body, p: string, mode: RuleMode, category: Category, report: Report) {
  // Authentication templates get Meta's fixed wording; their body carries no text of ours.
  if (category === "AUTHENTICATION") return;
  if (!checkText(b.text, `${p}.text`, LIMITS.bodyText, report, mode === "submit")) return;
  const vars = checkVariables(b.text!, `${p}.text`, report, { mode, edges: true });
  if (vars > 0 && mode === "submit") checkExamples(b.example?.body_text?.[0], vars, `${p}.example.body_text`, report);
}

function checkFooter(f: Footer, p: string, category: Category, report: Report) {
  if (category === "AUTHENTICATION" && f.text === undefined) return;
  if (!checkText(f.text, `${p}.text`, LIMITS.footerText, report, true)) return;
  checkVariables(f.text!, `${p}.text`, report, { max: 0, mode: "draft" });
}

const BUTTON_MAX = { QUICK_REPLY: LIMITS.quickReply, URL: LIMITS.url, PHONE_NUMBER: LIMITS.phoneNumber, COPY_CODE: LIMITS.copyCode, OTP: 1 } as const;

function checkButtons(b: Buttons, p: string, mode: RuleMode, category: Category, report: Report) {
  if (b.buttons.length === 0) report(`${p}.buttons`, "must contain at least one button");
  const counts: Record<string, number> = {};
  for (const button of b.buttons) counts[button.type] = (counts[button.type] ?? 0) + 1;
  for (const [type, n] of Object.entries(counts)) {
    const max = BUTTON_MAX[type as keyof typeof BUTTON_MAX];
    if (n > max) report(`${p}.buttons`, `at most ${max} ${type} button${max > 1 ? "s" : ""} (has ${n})`);
  }
  // Meta shows quick replies and call-to-action buttons as two groups; interleaving them is refused.
  const groups = b.buttons.map((x) => x.type === "QUICK_REPLY").filter((q, i, all) => i === 0 || q !== all[i - 1]);
  if (groups.length > 2) report(`${p}.buttons`, "quick reply buttons must be grouped together, before or after the other buttons");

  b.buttons.forEach((button, i) => {
    const bp = `${p}.buttons.${i}`;
    if (category === "AUTHENTICATION" ? button.type !== "OTP" : button.type === "OTP") {
      report(`${bp}.type`, category === "AUTHENTICATION" ? "authentication templates take a single OTP button" : "OTP buttons are only for AUTHENTICATION templates");
    }
    if (button.type === "OTP" || button.type === "COPY_CODE") {
      if (button.type === "COPY_CODE" && mode === "submit" && !button.example) report(`${bp}.example`, "needs an example code");
      return;
    }
    if (checkText(button.text, `${bp}.text`, LIMITS.buttonText, report, true)) checkVariables(button.text!, `${bp}.text`, report, { max: 0, mode });
    if (button.type === "URL") checkUrlButton(button.url, button.example, bp, mode, report);
    if (button.type === "PHONE_NUMBER") {
      if (!button.phone_number?.trim()) report(`${bp}.phone_number`, "is required");
      else if (!/^\+?[0-9]{6,20}$/.test(button.phone_number.replace(/[\s-]/g, "")) || button.phone_number.length > LIMITS.phoneLength) {
        report(`${bp}.phone_number`, `must be a phone number in international format, at most ${LIMITS.phoneLength} characters`);
      }
    }
  });
}

function checkUrlButton(url: string | undefined, example: string | string[] | undefined, bp: string, mode: RuleMode, report: Report) {
  if (!url?.trim()) return report(`${bp}.url`, "is required");
  if (url.length > LIMITS.urlLength) report(`${bp}.url`, `must be at most ${LIMITS.urlLength} characters`);
  if (!/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(url)) report(`${bp}.url`, "must be an http(s) URL");
  const v = variablesOf(url);
  if (v.named.length || v.numbers.length > 1 || (v.numbers.length === 1 && (v.numbers[0] !== 1 || !/\{\{\s*1\s*\}\}$/.test(url)))) {
    report(`${bp}.url`, "may contain one variable, {{1}}, only at the end");
  } else if (v.numbers.length === 1 && mode === "submit") {
    const values = Array.isArray(example) ? example : example ? [example] : [];
    if (values.length !== 1 || !values[0]?.trim()) report(`${bp}.example`, "needs one example URL for the variable");
  }
}

export function checkTemplate(input: { category: Category; components: readonly TemplateComponentInput[] }, mode: RuleMode): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const report: Report = (path, message) => details.push({ path, message });
  const byType = (type: string) => input.components.filter((c) => c.type === type).length;
  for (const type of ["HEADER", "BODY", "FOOTER", "BUTTONS"]) if (byType(type) > 1) report("components", `must contain at most one ${type}`);
  if (mode === "submit" && byType("BODY") === 0) report("components", "must contain a BODY");

  input.components.forEach((c, i) => {
    const p = `components.${i}`;
    if (c.type === "HEADER") checkHeader(c, p, mode, report);
    else if (c.type === "BODY") checkBody(c, p, mode, input.category, report);
    else if (c.type === "FOOTER") checkFooter(c, p, input.category, report);
    else checkButtons(c, p, mode, input.category, report);
  });
  return details;
}
