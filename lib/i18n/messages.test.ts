import { createTranslator, type IntlError } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import es from "./messages/es.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

describe("messages", () => {
  it("English has exactly the keys of Spanish (the typed source)", () => {
    expect(leaves(en as Tree).sort()).toEqual(leaves(es as Tree).sort());
  });

  it("no message is empty", () => {
    for (const [name, tree] of Object.entries({ es, en })) {
      const empty = leaves(tree as Tree).filter((k) => !String(k.split(".").reduce<unknown>((t, p) => (t as Tree)[p], tree)).trim());
      expect(empty, name).toEqual([]);
    }
  });

  it("every message is valid ICU (a stray < or { breaks it only at run time)", () => {
    for (const [locale, tree] of [["es", es], ["en", en]] as const) {
      const invalid: string[] = [];
      const onError = (e: IntlError) => {
        if (e.code === "INVALID_MESSAGE") invalid.push(e.message);
      };
      const t = createTranslator({ locale, messages: tree as Tree, onError }) as unknown as (key: string, values?: object) => string;
      // Any argument name gets a number (plurals need one); tags get no function, which is not what is checked here.
      const values = new Proxy({}, { get: () => 1, has: () => true });
      for (const key of leaves(tree as Tree)) t(key, values);
      expect(invalid, locale).toEqual([]);
    }
  });
});
