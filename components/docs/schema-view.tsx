type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  additionalProperties?: Schema | boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

function typeLabel(s: Schema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return variants.map(typeLabel).join(" | ");
  if (s.type === "array" && s.items) return `${typeLabel(s.items)}[]`;
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${t} (${s.format})` : t;
}

function constraints(s: Schema) {
  const out: string[] = [];
  if (s.minLength !== undefined) out.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) out.push(`max length ${s.maxLength}`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out.join(", ");
}

/** A JSON Schema rendered as a nested field list: the readable half of the API reference. */
export function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  const objectLike = schema.properties ? schema : schema.type === "array" && schema.items?.properties ? schema.items : null;
  const variants = schema.anyOf ?? schema.oneOf;
  if (!objectLike && variants?.some((v) => v.properties)) {
    return (
      <div className="space-y-2">
        {variants.map((v, i) => (
          <div key={i} className="rounded-md border border-dashed p-2">
            <div className="mb-1 text-xs text-muted-foreground">variant {i + 1}</div>
            <SchemaView schema={v} depth={depth + 1} />
          </div>
        ))}
      </div>
    );
  }
  if (!objectLike?.properties) return <code className="text-xs text-muted-foreground">{typeLabel(schema)}</code>;
  const required = new Set(objectLike.required ?? []);
  return (
    <ul className={depth ? "ml-4 border-l pl-3" : ""}>
      {schema.type === "array" && <li className="text-xs text-muted-foreground">array of:</li>}
      {Object.entries(objectLike.properties).map(([name, prop]) => (
        <li key={name} className="py-1 text-sm">
          <code className="font-semibold">{name}</code>
          {required.has(name) && <span className="ml-1 text-destructive">*</span>}
          <code className="ml-2 text-xs text-muted-foreground">{typeLabel(prop)}</code>
          {constraints(prop) && <span className="ml-2 text-xs text-muted-foreground">{constraints(prop)}</span>}
          {prop.description && <div className="text-xs text-muted-foreground">{prop.description}</div>}
          {(prop.properties || prop.items?.properties || (prop.anyOf ?? prop.oneOf)?.some((v) => v.properties)) && (
            <SchemaView schema={prop} depth={depth + 1} />
          )}
        </li>
      ))}
    </ul>
  );
}
