import { describe, expect, it } from "vitest";
import { makeDocx, makePdf } from "@/lib/testing/make-docs";
import { csvSections, decodeEntities, decodeText, detectKind, extract, htmlToText, markdownSections, parseCsv } from "./extract";

describe("text formats", () => {
  it("reads TXT as UTF-8, or Windows-1252 when it is not valid UTF-8; BOM and CRLF removed", async () => {
    expect(decodeText(Buffer.from("\uFEFFHola\r\nmenú", "utf8"))).toBe("Hola\nmenú");
    expect(decodeText(Buffer.from("Atención: menú", "latin1"))).toBe("Atención: menú");
    const { sections } = await extract("txt", Buffer.from("Horario: 9 a 18 h"));
    expect(sections).toEqual([{ text: "Horario: 9 a 18 h", location: null }]);
  });

  it("splits Markdown by headings, keeps the words and drops the markup", () => {
    const sections = markdownSections("Intro **importante**.\n\n# Horario\nAbrimos de *9* a 18 h. Ver [la web](https://x.test).\n\n## Envíos\n- Gratis desde `50 €`\n```\ncode\n```");
    expect(sections).toEqual([
      { text: "Intro importante.", location: null },
      { text: "Horario\nAbrimos de 9 a 18 h. Ver la web.", location: "Horario" },
      { text: "Envíos\n- Gratis desde 50 €\ncode", location: "Envíos" },
    ]);
  });

  it("turns CSV rows into 'header: value' lines (quotes, embedded commas and newlines, ; delimiter)", () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n')).toEqual([["a", "b"], ["x, y", 'say "hi"\nthere']]);
    const sections = csvSections("Producto;Precio;Notas\nPizza;120;\nMenú del día;95;Incluye bebida\n");
    expect(sections).toEqual([
      { text: "Producto: Pizza\nPrecio: 120", location: "row 2" },
      { text: "Producto: Menú del día\nPrecio: 95\nNotas: Incluye bebida", location: "row 3" },
    ]);
  });

  it("strips HTML: scripts, styles and comments removed, entities decoded, headings kept as sections", async () => {
    const html =
      "<html><head><title>x</title><style>p{color:red}</style></head><body><script>alert('x')</script><!-- hidden -->" +
      "<h1>Men&uacute; &amp; precios</h1><p>Caf&eacute; &#8211; 30&nbsp;MXN &lt;promo&gt; &#x1F600;</p><ul><li>Uno</li><li>Dos</li></ul></body></html>";
    const text = htmlToText(html);
    expect(text).not.toMatch(/alert|color|hidden|title/);
    expect(text).toContain("# Menú & precios");
    expect(text).toContain("Café – 30 MXN <promo> 😀");
    expect(text).toContain("- Uno\n- Dos");
    const { sections } = await extract("html", Buffer.from(html));
    expect(sections[0].location).toBe("Menú & precios");
    expect(decodeEntities("&bogus; &#0;")).toBe("&bogus; &#0;");
  });
});

describe("binary formats made by make-docs", () => {
  it("reads back every page of a PDF, accents included", async () => {
    const pdf = makePdf(["El horario de atención es de 9 a 18 h (lunes a viernes).", "Página dos: el menú cambia cada semana \\ ok."]);
    const { sections, pageCount } = await extract("pdf", pdf);
    expect(pageCount).toBe(2);
    expect(sections[0]).toEqual({ text: "El horario de atención es de 9 a 18 h (lunes a viernes).", location: "page 1" });
    expect(sections[1].text).toBe("Página dos: el menú cambia cada semana \\ ok.");
  });

  it("reads back a DOCX's paragraphs", async () => {
    const { sections } = await extract("docx", makeDocx(["Política de devoluciones: 30 días.", "Envíos & <entregas> en 48 h."]));
    expect(sections[0].text).toContain("Política de devoluciones: 30 días.");
    expect(sections[0].text).toContain("Envíos & <entregas> en 48 h.");
  });

  it("detects the kind from the bytes, not the name", () => {
    expect(detectKind(makePdf(["x"]), "renamed.txt", "text/plain")).toBe("pdf");
    expect(detectKind(makeDocx(["x"]), "a.bin", "application/octet-stream")).toBe("docx");
    expect(detectKind(Buffer.from("PK\x03\x04 other zip"), "a.docx", "")).toBeNull();
    expect(detectKind(Buffer.from("a,b\n1,2"), "list.csv", "")).toBe("csv");
    expect(detectKind(Buffer.from("# T"), null, "text/markdown")).toBe("md");
    expect(detectKind(Buffer.from("# T"), null, "text/x-markdown")).toBe("md");
    expect(detectKind(Buffer.from("hola"), null, "text/plain")).toBe("txt");
    expect(detectKind(Buffer.from("hello"), "a.pdf", "application/pdf")).toBeNull();
    expect(detectKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), "a.txt", "text/plain")).toBeNull();
    expect(detectKind(Buffer.from("MZ binary"), "setup.exe", "application/octet-stream")).toBeNull();
  });
});
