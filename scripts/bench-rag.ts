/**
 * `npm run bench:rag` — the knowledge base at scale, in-process against a throwaway embedded PostgreSQL of its own
 * (never the dev one; a fresh temp data dir on port 54372 by default). Prints:
 *  - retrieval p50/p95 over 20,000 chunks (target p95 < 50 ms), text-only (no provider, the offline demo) and hybrid
 *    (full-text + exact cosine, with a deterministic fake embedding model of BENCH_DIMS dimensions, default 512 — what OpenAI embeddings are stored at);
 *  - the ingestion time of a 200-page PDF made by lib/testing/make-docs.ts, embedded with the fake model (target < 60 s).
 * Env: BENCH_CHUNKS (20000), BENCH_DIMS (512), BENCH_SAMPLES (300 per mode), BENCH_PAGES (200), BENCH_PG_PORT (54372).
 */
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { runMigrations } from "../db/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/embedded/postgres";
import { pct } from "./bench-server";

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20_000);
const DIMS = Number(process.env.BENCH_DIMS ?? 512);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PAGES = Number(process.env.BENCH_PAGES ?? 200);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54372);

const TOPICS = ["horario", "envíos", "devoluciones", "pagos", "reservas", "menú", "garantía", "facturación", "sucursales", "promociones", "tarjetas", "pedidos", "entregas", "mascotas", "estacionamiento", "alergias", "eventos", "suscripciones", "cupones", "reembolsos"];
const NOUNS = ["cliente", "tienda", "producto", "pedido", "precio", "política", "sucursal", "cuenta", "factura", "paquete", "mesa", "plato", "bebida", "servicio", "soporte", "semana", "domicilio", "ciudad", "correo", "teléfono", "order", "refund", "store", "delivery", "payment"];
const VERBS = ["incluye", "explica", "permite", "requiere", "cambia", "ofrece", "cubre", "limita", "detalla", "aclara"];
const QUERIES = [
  "¿Cuál es el horario de la sucursal?",
  "horarios de atención",
  "¿Hacen envíos a domicilio?",
  "quiero devolver un producto",
  "menu del dia",
  "¿Aceptan tarjetas de crédito?",
  "política de garantía del producto",
  "necesito mi factura",
  "reservar una mesa para eventos",
  "¿puedo llevar mascotas?",
  "cupones y promociones de la semana",
  "refund for my order",
  "store delivery payment",
  "estacionamiento gratis en la tienda",
  "alergias en el menú",
  "cancelar mi suscripción",
];

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];

function chunkText(i: number) {
  const topic = TOPICS[i % TOPICS.length];
  const sentences = Array.from({ length: 7 }, () => `La sección de ${topic} ${pick(VERBS)} el ${pick(NOUNS)} y el ${pick(NOUNS)} para cada ${pick(NOUNS)} de la ${pick(NOUNS)} número ${Math.floor(rand() * 1000)}.`);
  return sentences.join(" ");
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "cx-bench-rag-"));
  chmodSync(dir, 0o755);
  console.log(`starting a throwaway PostgreSQL on port ${PG_PORT} (${dir})…`);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: PG_PORT, log: () => {} });
  try {
    await ensureDatabase(pg.url("postgres"), "cx_bench_rag");
    const url = pg.url("cx_bench_rag");
    await runMigrations(url);
    Object.assign(process.env, {
      DATABASE_URL: url,
      DATA_DIR: path.join(dir, "files"),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      META_APP_SECRET: randomBytes(16).toString("hex"),
      META_VERIFY_TOKEN: randomBytes(8).toString("hex"),
      LOG_LEVEL: "error",
      WORKERS: "off",
    });
    await run(url);
  } finally {
    const { closeDb } = await import("../db/client");
    await closeDb();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(url: string) {
  const { overrideModels } = await import("../lib/ai/providers");
  const { fakeEmbeddingModel } = await import("../lib/services/bot/knowledge/fake-embedding");
  const { embedTexts } = await import("../lib/services/bot/knowledge/embed");
  const { retrieve } = await import("../lib/services/bot/knowledge/retrieve");
  const { ingestDocument } = await import("../lib/services/bot/knowledge/ingest");
  const { makePdf, samplePages } = await import("../lib/testing/make-docs");
  const { storage } = await import("../lib/storage");
  const provider = { provider: "OPENAI" as const, model: "gpt-4.1-mini", apiKey: "sk-bench" };
  overrideModels({ embedding: () => fakeEmbeddingModel({ dims: DIMS }) });

  const sql = postgres(url, { max: 4, onnotice: () => {} });
  const [org] = await sql`insert into organizations (name, slug, plan) values ('Bench RAG', 'bench-rag', 'ENTERPRISE') returning id`;
  const orgId = Number(org.id);

  // --- 20,000 chunks in 20 READY documents, embedded with the fake model ---
  let t0 = performance.now();
  const texts = Array.from({ length: CHUNKS }, (_, i) => chunkText(i));
  const embedded = (await embedTexts(provider, texts))!;
  const perDoc = 1000;
  for (let d = 0; d * perDoc < CHUNKS; d++) {
    const slice = texts.slice(d * perDoc, (d + 1) * perDoc);
    const [doc] = await sql`insert into bot_documents (org_id, title, mime_type, status, progress, chunk_count, embedding_model, processed_at)
      values (${orgId}, ${`Manual ${d + 1}`}, 'text/plain', 'READY', 100, ${slice.length}, ${embedded.model}, now()) returning id`;
    const rows = slice.map((content, i) => ({
      org_id: orgId,
      document_id: doc.id,
      position: i,
      content,
      location: `page ${Math.floor(i / 5) + 1}`,
      token_count: Math.ceil(content.length / 4),
      embedding: `{${embedded.vectors[d * perDoc + i].join(",")}}`,
    }));
    for (let i = 0; i < rows.length; i += 250) await sql`insert into bot_chunks ${sql(rows.slice(i, i + 250))}`;
  }
  await sql`vacuum analyze bot_chunks`;
  console.log(`seeded ${CHUNKS} chunks (${DIMS} dimensions) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // --- retrieval ---
  const measure = async (label: string, opts: { provider: typeof provider | null }) => {
    const first = performance.now();
    const r0 = await retrieve(orgId, QUERIES[0], { topK: 5, ...opts });
    const cold = performance.now() - first;
    for (let i = 0; i < 20; i++) await retrieve(orgId, QUERIES[i % QUERIES.length], { topK: 5, ...opts });
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      const r = await retrieve(orgId, QUERIES[i % QUERIES.length], { topK: 5, ...opts });
      times.push(performance.now() - start);
      if (r.passages.length) found++;
      if (r.mode !== r0.mode) throw new Error(`mode changed: ${r.mode}`);
    }
    times.sort((a, b) => a - b);
    const p95 = pct(times, 95);
    console.log(
      `${label.padEnd(34)} mode=${r0.mode.padEnd(6)} p50 ${pct(times, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms  ` +
        `(first call ${cold.toFixed(0)} ms, ${found}/${SAMPLES} with passages) ${p95 < 50 ? "OK" : "ABOVE TARGET"} (< 50 ms)`,
    );
  };
  console.log(`\nretrieval over ${CHUNKS} chunks, top 5, ${SAMPLES} queries per mode:`);
  await measure("text only (no provider)", { provider: null });
  await measure(`hybrid (fake ${DIMS}-d embeddings)`, { provider });

  // --- ingestion of a 200-page PDF ---
  const pdf = makePdf(samplePages(PAGES));
  const key = `${orgId}/bot-knowledge/bench.pdf`;
  await storage().put(key, pdf, "application/pdf");
  const [file] = await sql`insert into stored_files (org_id, storage_key, content_type, size, original_name, purpose)
    values (${orgId}, ${key}, 'application/pdf', ${pdf.length}, 'bench.pdf', 'bot-knowledge') returning id`;
  const [doc] = await sql`insert into bot_documents (org_id, title, file_id, filename, mime_type, size)
    values (${orgId}, 'Bench PDF', ${file.id}, 'bench.pdf', 'application/pdf', ${pdf.length}) returning id`;
  t0 = performance.now();
  await ingestDocument(Number(doc.id), { provider });
  const seconds = (performance.now() - t0) / 1000;
  const [done] = await sql`select status, chunk_count, page_count, embedding_model, error from bot_documents where id = ${doc.id}`;
  if (done.status !== "READY") throw new Error(`ingestion ended ${done.status}: ${done.error}`);
  console.log(
    `\ningestion of a ${PAGES}-page PDF (${(pdf.length / 1024).toFixed(0)} KB): ${seconds.toFixed(2)} s, ${done.chunk_count} chunks, ` +
      `${done.page_count} pages, model ${done.embedding_model} ${seconds < 60 ? "OK" : "ABOVE TARGET"} (< 60 s)`,
  );
  await sql.end();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
