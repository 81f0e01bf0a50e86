import type { ToolParameter } from "@/db/schema";

/**
 * {{param}} placeholders of HTTP tools: which ones a template uses, and filling them with the encoding each part of a
 * request needs (URL component, JSON string or value, raw header text). Pure: the builder UI may use it too.
 */

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER.source, "y");

export type ParamValue = string | number | boolean;
export type ParamValues = Record<string, ParamValue>;

export function placeholdersIn(template: string | null | undefined): string[] {
  if (!template) return [];
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

function fill(template: string, values: ParamValues, encode: (v: ParamValue) => string) {
  return template.replace(PLACEHOLDER, (_, name: string) => (Object.hasOwn(values, name) ? encode(values[name]) : ""));
}

/** For paths and whole URLs: each value is one URL component (a "/" in a value cannot change the path). */
export const fillUrl = (template: string, values: ParamValues) => fill(template, values, (v) => encodeURIComponent(String(v)));

/** For query values and headers, whose encoding the caller applies (URLSearchParams) or that are plain text; CR/LF are dropped. */
export const fillText = (template: string, values: ParamValues) => fill(template, values, (v) => String(v).replace(/[\r\n]+/g, " "));

/**
 * For a JSON body template: inside a string literal a value is JSON-escaped ("{{q}}" stays one string whatever q
 * holds); outside one it becomes a JSON value ({{n}} → 5, {{s}} → "text", a missing one → null).
 */
export function fillJson(template: string, values: ParamValues): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < template.length; ) {
    const ch = template[i];
    if (ch === "{" && template[i + 1] === "{") {
      PLACEHOLDER_AT.lastIndex = i;
      const m = PLACEHOLDER_AT.exec(template);
      if (m) {
        const v = Object.hasOwn(values, m[1]) ? values[m[1]] : undefined;
        out += inString ? (v === undefined ? "" : JSON.stringify(String(v)).slice(1, -1)) : v === undefined ? "null" : JSON.stringify(v);
        i += m[0].length;
        continue;
      }
    }
    if (inString && ch === "\\") {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '"') inString = !inString;
    out += ch;
    i++;
  }
  return out;
}

/** A form-encoded or plain body: form bodies get URL-encoded values, anything else raw text. */
export const fillBody = (template: string, values: ParamValues, contentType: string) =>
  /json/i.test(contentType) ? fillJson(template, values) : /x-www-form-urlencoded/i.test(contentType) ? fillUrl(template, values) : fillText(template, values);

/** Placeholders of the tool's templates that name no declared parameter. */
export function undeclaredPlaceholders(parts: { url: string; query?: Record<string, string>; headers?: Record<string, string>; bodyTemplate?: string | null }, parameters: Pick<ToolParameter, "name">[]) {
  const declared = new Set(parameters.map((p) => p.name));
  const where: { path: string; name: string }[] = [];
  const check = (path: string, t: string | null | undefined) => placeholdersIn(t).forEach((name) => declared.has(name) || where.push({ path, name }));
  check("url", parts.url);
  for (const [k, v] of Object.entries(parts.query ?? {})) check(`query.${k}`, v);
  for (const [k, v] of Object.entries(parts.headers ?? {})) check(`headers.${k}`, v);
  check("bodyTemplate", parts.bodyTemplate);
  return where;
}

/**
 * Checks values against the declared parameters: required ones present, types coerced from strings when that is
 * unambiguous ("42" → 42, "true" → true), enums respected. Undeclared values are dropped (the LLM may invent some).
 */
export function validateParams(parameters: ToolParameter[], input: Record<string, unknown>): { ok: true; values: ParamValues } | { ok: false; error: string; problems: { path: string; message: string }[] } {
  const values: ParamValues = {};
  const problems: { path: string; message: string }[] = [];
  for (const p of parameters) {
    const raw = input[p.name];
    if (raw === undefined || raw === null || raw === "") {
      if (p.required) problems.push({ path: p.name, message: "is required" });
      continue;
    }
    const v = coerce(p.type, raw);
    if (v === undefined) {
      problems.push({ path: p.name, message: `must be a ${p.type}` });
      continue;
    }
    if (p.enum?.length && !p.enum.includes(String(v))) {
      problems.push({ path: p.name, message: `must be one of: ${p.enum.join(", ")}` });
      continue;
    }
    values[p.name] = v;
  }
  if (problems.length) return { ok: false, error: `Invalid parameters: ${problems.map((x) => `${x.path} ${x.message}`).join("; ")}`, problems };
  return { ok: true, values };
}

/** A value in the parameter's type, or undefined when it cannot be read as one. */
export function coerce(type: ToolParameter["type"], raw: unknown): ParamValue | undefined {
  if (type === "string") return typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" ? String(raw) : undefined;
  if (type === "number") {
    if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
    if (typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
    return undefined;
  }
  if (typeof raw === "boolean") return raw;
  if (raw === "true" || raw === "1" || raw === 1) return true;
  if (raw === "false" || raw === "0" || raw === 0) return false;
  return undefined;
}
