import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import type { UseQueryResult } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import messages from "@/lib/i18n/messages/en.json";
import { QueryState } from "./query-state";

type Query = UseQueryResult<unknown, Error>;
const query = (state: Partial<Query>) => ({ isPending: false, isError: false, data: undefined, error: null, refetch: async () => ({}), ...state }) as unknown as Query;
const render = (q: Query, props: Record<string, unknown> = {}) =>
  renderToStaticMarkup(
    h(NextIntlClientProvider, {
      locale: "en",
      messages,
      timeZone: "UTC",
      children: h(QueryState<unknown, Error>, { query: q, skeleton: { rows: 1, columns: 2 }, empty: h("p", null, "EMPTY"), children: (d: unknown) => h("p", null, `ROWS ${JSON.stringify(d)}`), ...props }),
    }),
  );

describe("QueryState", () => {
  it("shows placeholder rows, or the given placeholder, while loading", () => {
    expect(render(query({ isPending: true }))).toContain('data-slot="skeleton"');
    expect(render(query({ isPending: true }), { skeleton: h("i", null, "SK") })).toBe("<i>SK</i>");
  });

  it("shows the error with a retry", () => {
    const html = render(query({ isError: true, error: new Error("boom") }));
    expect(html).toContain('role="alert"');
    expect(html).toContain("Retry");
  });

  it("tells an empty list or page from one with items", () => {
    expect(render(query({ data: [] }))).toBe("<p>EMPTY</p>");
    expect(render(query({ data: { data: [], total: 0 } }))).toBe("<p>EMPTY</p>");
    expect(render(query({ data: [1] }))).toBe("<p>ROWS [1]</p>");
    expect(render(query({ data: { data: [1], total: 1 } }))).toContain("ROWS");
    expect(render(query({ data: [1] }), { isEmpty: () => true })).toBe("<p>EMPTY</p>");
  });
});
