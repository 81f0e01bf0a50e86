import type { ToolParameter } from "@/lib/client/bot-tools";

/** The tool editor's form state and its conversion to and from the API's shapes (pure, tested). */

export type Pair = { key: string; value: string };

export const pairsOf = (record: Record<string, string> | undefined): Pair[] => Object.entries(record ?? {}).map(([key, value]) => ({ key, value }));
export const recordOf = (pairs: Pair[]): Record<string, string> => Object.fromEntries(pairs.filter((p) => p.key.trim()).map((p) => [p.key.trim(), p.value]));

/** Editing form of a parameter: the enum as the comma-separated text the admin types. */
export type ParamRow = { name: string; type: ToolParameter["type"]; required: boolean; description: string; enumText: string };

/** Parameter names (toolParameterSchema) and tool names (the tools contract: a letter first). */
export const NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/;
export const TOOL_NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
export const rowsOf = (params: ToolParameter[]): ParamRow[] =>
  params.map((p) => ({ name: p.name, type: p.type, required: Boolean(p.required), description: p.description ?? "", enumText: (p.enum ?? []).join(", ") }));
export const paramsOf = (rows: ParamRow[]): ToolParameter[] =>
  rows
    .filter((r) => r.name.trim())
    .map((r) => {
      const values = r.type === "boolean" ? [] : r.enumText.split(",").map((v) => v.trim()).filter(Boolean);
      return { name: r.name.trim(), type: r.type, required: r.required, ...(r.description.trim() ? { description: r.description.trim() } : {}), ...(values.length ? { enum: values } : {}) };
    });

