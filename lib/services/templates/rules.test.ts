import { describe, expect, it } from "vitest";
import type { TemplateComponentInput } from "@/lib/api/contracts/templates";
import { checkTemplate, templateVariables, variablesOf } from "./rules";

const body = (text: string, example?: string[]): TemplateComponentInput => ({ type: "BODY", text, ...(example ? { example: { body_text: [example] } } : {}) });

describe("template rules", () => {
  it("reads numbered variables and flags named ones", () => {
    expect(variablesOf("Hola {{1}}, tu código {{ 2 }} vence {{1}}")).toEqual({ numbers: [1, 2, 1], named: [], max: 2 });
    expect(variablesOf("Hola {{name}}").named).toEqual(["{{name}}"]);
  });

  it("counts what a send must supply", () => {
    expect(
      templateVariables([
        { type: "HEADER", format: "TEXT", text: "Pedido {{1}}" },
        { type: "BODY", text: "Hola {{1}} y {{2}}." },
        { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Ok" }, { type: "URL", text: "Ver", url: "https://a.example/{{1}}" }] },
      ]),
    ).toEqual({ header: 1, body: 2, buttons: [1] });
  });

  it("lets drafts be unfinished but not impossible", () => {
    const draft = [body("Hola {{1}}")];
    expect(checkTemplate({ category: "MARKETING", components: draft }, "draft")).toEqual([]);
    expect(checkTemplate({ category: "MARKETING", components: [] }, "draft")).toEqual([]);
    expect(checkTemplate({ category: "MARKETING", components: draft }, "submit").map((d) => d.message)).toEqual([
      "must not start or end with a variable",
      "needs 1 example value, one per variable",
    ]);
    expect(checkTemplate({ category: "MARKETING", components: [body("x".repeat(1025))] }, "draft")).toHaveLength(1);
  });

  it("accepts a complete template with examples", () => {
    expect(checkTemplate({ category: "UTILITY", components: [body("Hola {{1}}, llega el {{2}}.", ["Ana", "lunes"])] }, "submit")).toEqual([]);
    expect(checkTemplate({ category: "UTILITY", components: [body("Hola {{1}}, llega el {{2}}.", ["Ana", ""])] }, "submit")).toEqual([
      { path: "components.0.example.body_text", message: "needs 2 example values, one per variable" },
    ]);
  });

  it("keeps OTP buttons to authentication templates, whose body is Meta's", () => {
    const otp: TemplateComponentInput = { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE" }] };
    expect(checkTemplate({ category: "AUTHENTICATION", components: [{ type: "BODY", add_security_recommendation: true }, otp] }, "submit")).toEqual([]);
    expect(checkTemplate({ category: "MARKETING", components: [body("Tu código."), otp] }, "submit")).toEqual([
      { path: "components.1.buttons.0.type", message: "OTP buttons are only for AUTHENTICATION templates" },
    ]);
    expect(
      checkTemplate({ category: "AUTHENTICATION", components: [{ type: "BODY" }, { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Ok" }] }] }, "submit"),
    ).toEqual([{ path: "components.1.buttons.0.type", message: "authentication templates take a single OTP button" }]);
  });

  it("checks URL and phone buttons like Meta", () => {
    const buttons = (b: Record<string, unknown>): TemplateComponentInput[] => [body("Hola."), { type: "BUTTONS", buttons: [b as never] }];
    const messages = (b: Record<string, unknown>) => checkTemplate({ category: "UTILITY", components: buttons(b) }, "submit").map((d) => `${d.path}: ${d.message}`);
    expect(messages({ type: "URL", text: "Ver", url: "ftp://a.example" })).toEqual(["components.1.buttons.0.url: must be an http(s) URL"]);
    expect(messages({ type: "URL", text: "Ver", url: "https://a.example/{{1}}" })).toEqual(["components.1.buttons.0.example: needs one example URL for the variable"]);
    expect(messages({ type: "URL", text: "Ver", url: "https://a.example/{{1}}", example: ["https://a.example/1"] })).toEqual([]);
    expect(messages({ type: "PHONE_NUMBER", text: "Llamar" })).toEqual(["components.1.buttons.0.phone_number: is required"]);
    expect(messages({ type: "QUICK_REPLY", text: "Hola {{1}}" })).toEqual(["components.1.buttons.0.text: must not contain variables"]);
  });
});
