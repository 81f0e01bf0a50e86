import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildZip, isZip, readZip, safeFileName } from "./zip";

describe("bot export archives", () => {
  it("round-trips files", () => {
    const zip = buildZip({ "bot.json": '{"a":1}', "media/1-menu.png": new Uint8Array([1, 2, 3]) });
    expect(isZip(zip)).toBe(true);
    const out = readZip(zip);
    expect(Buffer.from(out["bot.json"]).toString()).toBe('{"a":1}');
    expect([...out["media/1-menu.png"]]).toEqual([1, 2, 3]);
  });

  it("refuses archives that expand too far or hold too many files, and corrupt ones", () => {
    const bomb = zipSync({ "big.txt": [new Uint8Array(2 * 1024 * 1024), { level: 9 }] });
    expect(() => readZip(bomb, { maxEntries: 10, maxTotalBytes: 1024 * 1024 })).toThrow(/archive/);
    const many = zipSync(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.txt`, strToU8("x")])));
    expect(() => readZip(many, { maxEntries: 3, maxTotalBytes: 1024 })).toThrow(/more than 3 files/);
    expect(() => readZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]))).toThrow(/not a valid ZIP/);
  });

  it("makes safe file names", () => {
    expect(safeFileName("../../etc/passwd")).toBe("etc_passwd");
    expect(safeFileName("Menú del día.png")).toBe("Menu_del_dia.png");
    expect(safeFileName("")).toBe("file");
  });
});
