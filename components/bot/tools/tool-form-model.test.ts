import { describe, expect, it } from "vitest";
import { NAME_RE, pairsOf, paramsOf, recordOf, rowsOf, TOOL_NAME_RE } from "./tool-form-model";

describe("tool form model", () => {
  it("round-trips parameters, trimming and dropping empty rows", () => {
    const params = [
      { name: "orderId", type: "string" as const, required: true, description: "Order number" },
      { name: "status", type: "string" as const, required: false, enum: ["open", "closed"] },
    ];
    const rows = rowsOf(params);
    expect(rows[1].enumText).toBe("open, closed");
    expect(paramsOf([...rows, { name: "  ", type: "number", required: false, description: "", enumText: "" }])).toEqual(params);
  });

  it("never sends an enum for a boolean or a blank description", () => {
    expect(paramsOf([{ name: " flag ", type: "boolean", required: false, description: " ", enumText: "a, b" }])).toEqual([{ name: "flag", type: "boolean", required: false }]);
  });

  it("turns key/value rows into a record, skipping blank keys", () => {
    expect(recordOf([{ key: " X-Id ", value: "{{id}}" }, { key: "", value: "lost" }])).toEqual({ "X-Id": "{{id}}" });
    expect(pairsOf({ a: "1" })).toEqual([{ key: "a", value: "1" }]);
  });

  it("knows the name rules of the API", () => {
    expect(NAME_RE.test("_private")).toBe(true);
    expect(TOOL_NAME_RE.test("_private")).toBe(false);
    expect(TOOL_NAME_RE.test("order_status")).toBe(true);
    expect(NAME_RE.test("9lives")).toBe(false);
  });
});
