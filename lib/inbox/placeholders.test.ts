import { describe, expect, it } from "vitest";
import { fillPlaceholders, remainingPlaceholders } from "./placeholders";

const values = { contactName: "María José López", phone: "5215512345678", agentName: "Ana", orgName: "Demo Café" };

describe("fillPlaceholders", () => {
  it("fills every known placeholder", () => {
    expect(fillPlaceholders("Hola {{name}} ({{first_name}}), soy {{agent}} de {{org}}. Tu número: {{phone}}", values)).toBe(
      "Hola María José López (María), soy Ana de Demo Café. Tu número: +5215512345678",
    );
  });

  it("accepts any case and spaces inside the braces, and repeats", () => {
    expect(fillPlaceholders("{{ Name }} / {{FIRST_NAME}} / {{first_name}}", values)).toBe("María José López / María / María");
  });

  it("leaves unknown placeholders and text as typed", () => {
    expect(fillPlaceholders("{{order_id}} {{ unknown }} {name} {{}} {{na me}}", values)).toBe("{{order_id}} {{ unknown }} {name} {{}} {{na me}}");
  });

  it("keeps placeholders without a value so the agent can fill them", () => {
    const text = fillPlaceholders("Hola {{first_name}}, soy {{agent}}", { contactName: "  ", agentName: null });
    expect(text).toBe("Hola {{first_name}}, soy {{agent}}");
    expect(remainingPlaceholders(text)).toEqual(["{{first_name}}", "{{agent}}"]);
  });

  it("keeps a phone that is not bare digits as given", () => {
    expect(fillPlaceholders("{{phone}}", { phone: "+52 55 1234 5678" })).toBe("+52 55 1234 5678");
  });

  it("does not expand placeholders inside inserted values", () => {
    expect(fillPlaceholders("{{name}}", { contactName: "{{agent}}", agentName: "Ana" })).toBe("{{agent}}");
  });

  it("lists nothing when everything was filled", () => {
    expect(remainingPlaceholders(fillPlaceholders("Hi {{name}}", values))).toEqual([]);
  });
});
