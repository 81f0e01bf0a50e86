import { strToU8, zipSync } from "fflate";

/**
 * Real, minimal documents for tests and benchmarks — small enough to write by hand, valid enough for the real readers
 * (unpdf/pdf.js and mammoth) to read back.
 */

const LINE_CHARS = 90;
const LINES_PER_PAGE = 50;

/** Word-wraps a page's text; blank lines between paragraphs are kept. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > LINE_CHARS) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.slice(0, LINES_PER_PAGE);
}

/** A PDF string literal in WinAnsi (Latin-1): accents survive, anything outside Latin-1 becomes "?". */
const pdfString = (s: string) =>
  `(${s
    .replace(/[^\x20-\xff]/g, "?")
    .replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * A multi-page PDF with one text page per entry (Helvetica 11 pt, WinAnsiEncoding), a classic cross-reference table
 * with exact byte offsets, and nothing else. Text beyond ~50 lines of 90 characters per page is cut.
 */
export function makePdf(pages: string[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1; // returns the index; object number = index + 1
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const text of pages) {
    const ops = wrap(text)
      .map((line, i) => (i === 0 ? `${pdfString(line)} Tj` : `T* ${pdfString(line)} Tj`))
      .join("\n");
    const stream = `BT\n/F1 11 Tf\n14 TL\n50 742 Td\n${ops}\nET`;
    const content = add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj + 1} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font + 1} 0 R >> >> /Contents ${content + 1} 0 R >>`));
  }
  objects[catalog] = `<< /Type /Catalog /Pages ${pagesObj + 1} 0 R >>`;
  objects[pagesObj] = `<< /Type /Pages /Kids [${kids.map((k) => `${k + 1} 0 R`).join(" ")}] /Count ${kids.length} >>`;

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog + 1} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A DOCX (Office Open XML) with one paragraph per entry: [Content_Types].xml, _rels/.rels and word/document.xml. */
export function makeDocx(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlText(p)}</w:t></w:r></w:p>`).join("");
  const files = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        "</Types>",
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        "</Relationships>",
    ),
    "word/document.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  };
  return Buffer.from(zipSync(files));
}

/** Filler prose for page-count tests and benchmarks: varied Spanish sentences, deterministic per seed. */
export function samplePages(count: number, seed = 1): string[] {
  const topics = ["horario", "envíos", "devoluciones", "pagos", "reservas", "menú", "garantía", "facturación", "sucursales", "promociones"];
  const verbs = ["explica", "detalla", "resume", "aclara", "describe"];
  return Array.from({ length: count }, (_, p) => {
    const lines: string[] = [];
    for (let i = 0; i < 12; i++) {
      const topic = topics[(p * 7 + i * 3 + seed) % topics.length];
      lines.push(`Sección ${p + 1}.${i + 1}: este apartado ${verbs[(p + i) % verbs.length]} la política de ${topic} de la tienda, con ejemplos y condiciones para los clientes número ${p * 100 + i}.`);
      if (i % 4 === 3) lines.push("");
    }
    return lines.join("\n");
  });
}
