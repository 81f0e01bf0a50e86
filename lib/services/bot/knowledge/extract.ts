import mammoth from "mammoth";
import { DOCUMENT_KINDS, DOCUMENT_TYPES, type DocumentKind } from "./formats";

/** A piece of a document's text and where it sits ("page 3", "row 12", a heading). */
export type Section = { text: string; location: string | null };
export type Extracted = { sections: Section[]; pageCount: number | null };

const EXTENSIONS: Record<string, DocumentKind> = { pdf: "pdf", docx: "docx", txt: "txt", text: "txt", md: "md", markdown: "md", csv: "csv", html: "html", htm: "html" };

/** The kind of a stored document from its type (what we stored) or, failing that, its file name. */
export function kindOf(mimeType: string, filename?: string | null): DocumentKind | null {
  const byMime = DOCUMENT_KINDS.find((k) => DOCUMENT_TYPES[k].mime === mimeType);
  if (byMime) return byMime;
  const ext = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return (ext && EXTENSIONS[ext]) || null;
}

/**
 * The kind of an upload, trusting the bytes over the client: PDF and DOCX by magic bytes (a ZIP holding
 * word/document.xml), the text formats by extension (or declared type) when the content is text.
 */
export function detectKind(buffer: Buffer, filename: string | null, declared: string): DocumentKind | null {
  if (buffer.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (buffer[0] === 0x50 && buffer[1] === 0x4b) return buffer.includes("word/document.xml") ? "docx" : null;
  if (buffer.subarray(0, 1024).includes(0)) return null;
  const ext = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const byExt = ext ? EXTENSIONS[ext] : undefined;
  if (byExt && byExt !== "pdf" && byExt !== "docx") return byExt;
  const byDeclared = DOCUMENT_KINDS.find((k) => (DOCUMENT_TYPES[k].declared as readonly string[]).includes(declared));
  return byDeclared && byDeclared !== "pdf" && byDeclared !== "docx" ? byDeclared : null;
}

/** UTF-8, or Windows-1252 for files that are not valid UTF-8 (spreadsheets exported on Windows). */
export function decodeText(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder("windows-1252").decode(buffer);
  }
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export async function extract(kind: DocumentKind, buffer: Buffer): Promise<Extracted> {
  switch (kind) {
    case "pdf":
      return extractPdf(buffer);
    case "docx": {
      const { value } = await mammoth.extractRawText({ buffer });
      return { sections: [{ text: value, location: null }], pageCount: null };
    }
    case "txt":
      return { sections: [{ text: decodeText(buffer), location: null }], pageCount: null };
    case "md":
      return { sections: markdownSections(decodeText(buffer)), pageCount: null };
    case "csv":
      return { sections: csvSections(decodeText(buffer)), pageCount: null };
    case "html":
      return { sections: markdownSections(htmlToText(decodeText(buffer))), pageCount: null };
  }
}

async function extractPdf(buffer: Buffer): Promise<Extracted> {
  const { getDocumentProxy, extractText } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(buffer), { verbosity: 0 });
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    return { sections: text.map((t, i) => ({ text: t, location: `page ${i + 1}` })), pageCount: totalPages };
  } finally {
    await pdf.loadingTask.destroy(); // frees the worker-side document (the job runs many PDFs in one process)
  }
}

/** Sections by heading (the heading's text is the location); inline markup removed, the words kept. */
export function markdownSections(md: string): Section[] {
  const sections: Section[] = [];
  let location: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join("\n").trim();
    if (text) sections.push({ text, location });
    lines = [];
  };
  for (const line of md.split("\n")) {
    const heading = line.match(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/);
    if (heading) {
      flush();
      location = stripInline(heading[1]).slice(0, 120) || null;
      lines.push(stripInline(heading[1]));
    } else if (!/^\s*(```|~~~|---+\s*$|\*\*\*+\s*$)/.test(line)) {
      lines.push(stripInline(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "- ").replace(/^\s*>\s?/, "")));
    }
  }
  flush();
  return sections;
}

const stripInline = (s: string) =>
  s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/^\s*\|(.*)\|\s*$/, (_, row: string) => row.split("|").map((c) => c.trim()).join(" · "));

/** RFC 4180 rows (quoted fields, doubled quotes, newlines inside quotes); the delimiter is guessed from the header. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const delimiter = [",", ";", "\t"].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ",");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === "\n") endRow();
    else field += ch;
  }
  if (field !== "" || row.length) endRow();
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

/** One section per data row, written "header: value" line by line so each fact keeps its label. */
export function csvSections(text: string): Section[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h, i) => h.trim() || `column ${i + 1}`);
  return rows.flatMap((row, i) => {
    const lines = row.flatMap((value, c) => (value.trim() ? [`${names[c] ?? `column ${c + 1}`}: ${value.trim()}`] : []));
    return lines.length ? [{ text: lines.join("\n"), location: `row ${i + 2}` }] : [];
  });
}

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", copy: "©", reg: "®", euro: "€", iexcl: "¡", iquest: "¿",
  aacute: "á", eacute: "é", iacute: "í", oacute: "ó", uacute: "ú", ntilde: "ñ", uuml: "ü",
  Aacute: "Á", Eacute: "É", Iacute: "Í", Oacute: "Ó", Uacute: "Ú", Ntilde: "Ñ", Uuml: "Ü",
  ndash: "–", mdash: "—", hellip: "…", laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", middot: "·", deg: "°",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** Visible text of an HTML page: scripts, styles and comments dropped, blocks on their own lines, h1–h3 as "# " headings. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_, _level, inner: string) => `\n\n# ${inner.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim()}\n\n`)
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/?(p|div|section|article|header|footer|main|aside|nav|ul|ol|table|thead|tbody|blockquote|pre|h[4-6])\b[^>]*>/gi, "\n\n")
      .replace(/<li\b[^>]*>/gi, "\n- ")
      .replace(/<\/tr\s*>/gi, "\n")
      .replace(/<\/t[dh]\s*>/gi, " · ")
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
