/** The knowledge base's file types (no dependencies: the API contract reads them too). */

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Extension → accepted declared types (browsers vary) and the stored type. */
export const DOCUMENT_TYPES = {
  pdf: { mime: "application/pdf", declared: ["application/pdf"] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    declared: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  },
  txt: { mime: "text/plain", declared: ["text/plain"] },
  md: { mime: "text/markdown", declared: ["text/markdown", "text/x-markdown", "text/plain"] },
  csv: { mime: "text/csv", declared: ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"] },
  html: { mime: "text/html", declared: ["text/html", "application/xhtml+xml"] },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_TYPES) as DocumentKind[];
/** The stored types of the six formats (PDF, DOCX, TXT, Markdown, CSV, HTML). */
export const DOCUMENT_MIME_TYPES = DOCUMENT_KINDS.map((k) => DOCUMENT_TYPES[k].mime);
