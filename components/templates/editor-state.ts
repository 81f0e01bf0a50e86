import type { Template, TemplateBody } from "@/lib/client/templates";

/** The editor's form, and its translation to and from Meta's component list. */

export type Category = "MARKETING" | "UTILITY" | "AUTHENTICATION";
export type HeaderFormat = "NONE" | "TEXT" | "IMAGE" | "VIDEO" | "DOCUMENT";
export type ButtonType = "QUICK_REPLY" | "URL" | "PHONE_NUMBER";
export type ButtonDraft = { key: string; type: ButtonType; text: string; url: string; urlExample: string; phone: string };

export type EditorState = {
  name: string;
  language: string;
  category: Category;
  headerFormat: HeaderFormat;
  headerText: string;
  headerExample: string;
  headerHandle: string;
  headerFileId: string | null;
  headerPreviewUrl: string | null;
  headerFileName: string | null;
  body: string;
  bodyExamples: string[];
  footer: string;
  buttons: ButtonDraft[];
};

export const LIMITS = { header: 60, body: 1024, footer: 60, button: 25, buttons: 10, url: 2, phone: 1 } as const;
export const LANGUAGES = ["es_MX", "es", "es_ES", "es_AR", "en_US", "en", "en_GB", "pt_BR", "fr", "de", "it"] as const;
export const CATEGORIES: Category[] = ["MARKETING", "UTILITY", "AUTHENTICATION"];

let keySeq = 0;
export const newButton = (type: ButtonType): ButtonDraft => ({ key: `b${++keySeq}`, type, text: "", url: "", urlExample: "", phone: "" });

export function emptyState(): EditorState {
  return {
    name: "",
    language: "es_MX",
    category: "MARKETING",
    headerFormat: "NONE",
    headerText: "",
    headerExample: "",
    headerHandle: "",
    headerFileId: null,
    headerPreviewUrl: null,
    headerFileName: null,
    body: "",
    bodyExamples: [],
    footer: "",
    buttons: [],
  };
}

/** The highest {{n}} of a text: how many sample values it needs. */
export function variableCount(text: string) {
  let max = 0;
  for (const m of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

type Comp = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");

export function stateFromTemplate(t: Template): EditorState {
  const s = { ...emptyState(), name: t.name, language: t.language, category: t.category };
  for (const c of t.components as Comp[]) {
    const example = (c.example ?? {}) as Record<string, unknown>;
    if (c.type === "HEADER") {
      const format = str(c.format).toUpperCase();
      s.headerFormat = (["TEXT", "IMAGE", "VIDEO", "DOCUMENT"].includes(format) ? format : "NONE") as HeaderFormat;
      s.headerText = str(c.text);
      s.headerExample = str((example.header_text as unknown[] | undefined)?.[0]);
      s.headerHandle = str((example.header_handle as unknown[] | undefined)?.[0]);
      s.headerFileId = t.headerMediaFileId;
      s.headerPreviewUrl = t.headerMediaUrl;
    } else if (c.type === "BODY") {
      s.body = str(c.text);
      s.bodyExamples = (((example.body_text as unknown[][] | undefined)?.[0] ?? []) as unknown[]).map(str);
    } else if (c.type === "FOOTER") {
      s.footer = str(c.text);
    } else if (c.type === "BUTTONS") {
      s.buttons = ((c.buttons ?? []) as Comp[])
        .filter((b) => ["QUICK_REPLY", "URL", "PHONE_NUMBER"].includes(str(b.type)))
        .map((b) => ({
          ...newButton(str(b.type) as ButtonType),
          text: str(b.text),
          url: str(b.url),
          urlExample: str(Array.isArray(b.example) ? b.example[0] : b.example),
          phone: str(b.phone_number),
        }));
    }
  }
  return s;
}

/** Meta's components, in Meta's order. Empty optional parts are left out; examples only where variables exist. */
export function componentsOf(s: EditorState): TemplateBody["components"] {
  const out: TemplateBody["components"] = [];
  if (s.headerFormat === "TEXT") {
    out.push({ type: "HEADER", format: "TEXT", text: s.headerText, ...(variableCount(s.headerText) ? { example: { header_text: [s.headerExample] } } : {}) });
  } else if (s.headerFormat !== "NONE") {
    out.push({ type: "HEADER", format: s.headerFormat, ...(s.headerHandle ? { example: { header_handle: [s.headerHandle] } } : {}) });
  }
  const vars = variableCount(s.body);
  if (s.category === "AUTHENTICATION") out.push({ type: "BODY", add_security_recommendation: true });
  else if (s.body || vars) out.push({ type: "BODY", text: s.body, ...(vars ? { example: { body_text: [Array.from({ length: vars }, (_, i) => s.bodyExamples[i] ?? "")] } } : {}) });
  if (s.footer.trim()) out.push({ type: "FOOTER", text: s.footer });
  if (s.buttons.length) {
    out.push({
      type: "BUTTONS",
      buttons: s.buttons.map((b) =>
        b.type === "URL"
          ? { type: "URL", text: b.text, url: b.url, ...(variableCount(b.url) ? { example: [b.urlExample] } : {}) }
          : b.type === "PHONE_NUMBER"
            ? { type: "PHONE_NUMBER", text: b.text, phone_number: b.phone }
            : { type: "QUICK_REPLY", text: b.text },
      ),
    });
  }
  return out;
}

export function bodyOf(s: EditorState): TemplateBody {
  return {
    name: s.name.trim(),
    language: s.language,
    category: s.category,
    components: componentsOf(s),
    ...(s.headerFormat !== "NONE" && s.headerFormat !== "TEXT" && s.headerFileId ? { headerMediaFileId: s.headerFileId } : {}),
  };
}

/** Which part of the form an API detail path ("components.2.buttons.0.text") is about, for the problem list. */
export function sectionOf(path: string, components: TemplateBody["components"]): "name" | "language" | "category" | "header" | "body" | "footer" | "buttons" | "other" {
  const [first, index] = path.split(".");
  if (first === "name" || first === "language" || first === "category") return first;
  if (first === "headerMediaFileId") return "header";
  if (first !== "components" || index === undefined) return "other";
  const type = components[Number(index)]?.type;
  return type ? (type.toLowerCase() as "header" | "body" | "footer" | "buttons") : "other";
}
