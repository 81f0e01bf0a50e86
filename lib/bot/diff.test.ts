import { describe, expect, it } from "vitest";
import { diffLines, diffStats } from "./diff";

const render = (old: string, next: string) => diffLines(old, next).map((l) => `${l.type === "same" ? " " : l.type === "add" ? "+" : "-"}${l.text}`);

describe("diffLines", () => {
  it("returns every line as kept when nothing changed", () => {
    const lines = diffLines("a\nb\nc", "a\nb\nc");
    expect(lines.every((l) => l.type === "same")).toBe(true);
    expect(lines.map((l) => [l.oldNo, l.newNo])).toEqual([[1, 1], [2, 2], [3, 3]]);
  });

  it("handles empty texts on either side", () => {
    expect(diffLines("", "")).toEqual([]);
    expect(render("", "a\nb")).toEqual(["+a", "+b"]);
    expect(render("a\nb", "")).toEqual(["-a", "-b"]);
  });

  it("shows a changed line as a removal followed by an addition", () => {
    expect(render("one\ntwo\nthree", "one\n2\nthree")).toEqual([" one", "-two", "+2", " three"]);
  });

  it("keeps the longest common subsequence", () => {
    expect(render("a\nb\nc\nd\ne", "a\nc\nd\nx\ne")).toEqual([" a", "-b", " c", " d", "+x", " e"]);
  });

  it("numbers lines of both texts", () => {
    const lines = diffLines("x\ny", "w\nx\ny\nz");
    expect(lines).toEqual([
      { type: "add", text: "w", oldNo: null, newNo: 1 },
      { type: "same", text: "x", oldNo: 1, newNo: 2 },
      { type: "same", text: "y", oldNo: 2, newNo: 3 },
      { type: "add", text: "z", oldNo: null, newNo: 4 },
    ]);
  });

  it("treats CRLF and LF alike", () => {
    expect(diffLines("a\r\nb", "a\nb").every((l) => l.type === "same")).toBe(true);
  });

  it("counts additions and removals", () => {
    expect(diffStats(diffLines("a\nb\nc", "a\nB\nc\nd"))).toEqual({ added: 2, removed: 1 });
  });

  it("stays fast on long prompts", () => {
    const old = Array.from({ length: 2000 }, (_, i) => `line ${i}`).join("\n");
    const next = old.replace("line 1000", "changed").replace("line 10\n", "");
    const t0 = performance.now();
    const stats = diffStats(diffLines(old, next));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(stats).toEqual({ added: 1, removed: 2 });
  });
});
