import type { Metadata } from "next";
import { SchemaView } from "@/components/docs/schema-view";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "CX Inbox API reference" };

type Op = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: unknown[];
  "x-permission"?: string;
  parameters: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { content: Record<string, { schema: object; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
};

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-500/15 text-sky-700 dark:text-sky-300",
  post: "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300",
  put: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  patch: "bg-violet-500/15 text-violet-700 dark:text-violet-300",
  delete: "bg-rose-500/15 text-rose-700 dark:text-rose-300",
};

const errorCodes = (op: Op) => Object.keys(op.responses).filter((c) => !c.startsWith("2"));

/** The API reference, rendered on the server from the generated OpenAPI document. */
export default function ApiReferencePage() {
  const doc = openApiDocument() as { info: { title: string; description: string }; paths: Record<string, Record<string, Op>> };
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const tags = [...new Set(ops.map((o) => o.op.tags[0]))];

  return (
    <div className="mx-auto flex max-w-7xl gap-8 px-6 py-8">
      <nav className="sticky top-8 hidden max-h-[calc(100vh-4rem)] w-60 shrink-0 overflow-y-auto lg:block">
        <a href="/api/v1/openapi.json" className="mb-4 block text-sm text-primary underline">openapi.json</a>
        {tags.map((tag) => (
          <div key={tag} className="mb-3">
            <div className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{tag}</div>
            {ops
              .filter((o) => o.op.tags[0] === tag)
              .map((o) => (
                <a key={o.op.operationId} href={`#${o.op.operationId}`} className="block truncate py-0.5 text-sm hover:text-primary">
                  <span className="inline-block w-12 font-mono text-[10px] uppercase">{o.method}</span>
                  {o.path}
                </a>
              ))}
          </div>
        ))}
      </nav>
      <main className="min-w-0 flex-1">
        <h1 className="text-2xl font-semibold">{doc.info.title}</h1>
        <p className="mt-2 max-w-3xl text-sm text-muted-foreground">{doc.info.description}</p>
        <p className="mt-1 text-sm text-muted-foreground">Base URL: <code>/api/v1</code> · {ops.length} operations</p>
        {tags.map((tag) => (
          <section key={tag} className="mt-10">
            <h2 className="border-b pb-2 text-lg font-semibold">{tag}</h2>
            {ops
              .filter((o) => o.op.tags[0] === tag)
              .map(({ path, method, op }) => {
                const success = Object.entries(op.responses).find(([code]) => code.startsWith("2"));
                const json = op.requestBody?.content["application/json"];
                const form = op.requestBody?.content["multipart/form-data"];
                return (
                  <article key={op.operationId} id={op.operationId} className="scroll-mt-6 border-b py-6">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLE[method]}`}>{method}</span>
                      <code className="text-sm font-semibold">{path}</code>
                      <span className="rounded bg-muted px-2 py-0.5 text-xs text-muted-foreground">
                        {op.security.length ? `auth${op["x-permission"] ? ` · ${op["x-permission"]}` : ""}` : "public"}
                      </span>
                    </div>
                    <p className="mt-2 text-sm">{op.summary}</p>
                    {op.description && <p className="mt-1 text-sm text-muted-foreground">{op.description}</p>}
                    {op.parameters.length > 0 && (
                      <div className="mt-3">
                        <h3 className="text-xs font-semibold uppercase text-muted-foreground">Parameters</h3>
                        <ul>
                          {op.parameters.map((p) => (
                            <li key={`${p.in}-${p.name}`} className="py-0.5 text-sm">
                              <code className="font-semibold">{p.name}</code>
                              {p.required && <span className="ml-1 text-destructive">*</span>}
                              <span className="ml-2 text-xs text-muted-foreground">in {p.in}</span>
                              <span className="ml-2"><SchemaView schema={p.schema} /></span>
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                    {(json || form) && (
                      <div className="mt-3">
                        <h3 className="text-xs font-semibold uppercase text-muted-foreground">Body {form ? "(multipart/form-data)" : "(application/json)"}</h3>
                        <SchemaView schema={(json ?? form)!.schema} />
                        {json?.example !== undefined && (
                          <pre className="mt-2 overflow-x-auto rounded-md bg-muted p-3 text-xs">{JSON.stringify(json.example, null, 2)}</pre>
                        )}
                      </div>
                    )}
                    {success && (
                      <div className="mt-3">
                        <h3 className="text-xs font-semibold uppercase text-muted-foreground">Response {success[0]}</h3>
                        {success[1].content ? <SchemaView schema={success[1].content["application/json"].schema} /> : <span className="text-sm">No content</span>}
                      </div>
                    )}
                    {errorCodes(op).length > 0 && (
                      <div className="mt-3 text-xs text-muted-foreground">
                        Errors: {errorCodes(op).join(", ")} — as {`{"error":{"code","message","details"}}`}
                      </div>
                    )}
                  </article>
                );
              })}
          </section>
        ))}
      </main>
    </div>
  );
}
