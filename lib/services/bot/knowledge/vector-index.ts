import { embeddedChunks, knowledgeVersion } from "@/db/queries/bot-knowledge";
import { env } from "@/lib/env";
import { versionedCache } from "./org-cache";
import { TopK } from "./top-k";

/**
 * Exact cosine search without pgvector. Chunks are stored as unit vectors (embed.ts normalizes them), so cosine is a
 * dot product. Pulling 20,000 float arrays out of PostgreSQL on every query would take far longer than the search
 * itself, so each org's vectors live in memory as one contiguous Float32Array (see org-cache.ts for invalidation).
 * Memory: chunks × dimensions × 4 bytes (20,000 × 1536 ≈ 123 MB, × 256 ≈ 20 MB).
 */
type OrgIndex = { ids: Float64Array; dims: number; matrix: Float32Array };

/** Every org's vectors together stay under this budget (KNOWLEDGE_CACHE_MB); the least recently used go first. */
const cache = versionedCache<OrgIndex>("vectors", { maxBytes: () => env().KNOWLEDGE_CACHE_MB * 1024 * 1024, sizeOf: (i) => i.matrix.byteLength + i.ids.byteLength });

async function load(orgId: number, model: string): Promise<OrgIndex> {
  const rows = await embeddedChunks(orgId, model);
  const dims = rows.find((r) => r.embedding?.length)?.embedding?.length ?? 0;
  const usable = rows.filter((r) => r.embedding?.length === dims);
  const matrix = new Float32Array(usable.length * dims);
  const ids = new Float64Array(usable.length);
  usable.forEach((r, i) => {
    ids[i] = r.id;
    matrix.set(r.embedding!, i * dims);
  });
  return { ids, dims, matrix };
}

/** The org's vectors of `model`, rebuilt when the knowledge version moved. */
export async function orgIndex(orgId: number, model: string): Promise<OrgIndex> {
  return cache.get(`${orgId}:${model}`, await knowledgeVersion(orgId, model), () => load(orgId, model));
}

/** The `limit` best chunks by dot product with the unit `query`, best first; vectors of other sizes are skipped. */
export function nearest(index: OrgIndex, query: Float32Array, limit: number): { id: number; similarity: number }[] {
  const { dims, matrix, ids } = index;
  if (!dims || query.length !== dims) return [];
  const top = new TopK(limit);
  for (let row = 0, base = 0; row < ids.length; row++, base += dims) {
    let a = 0,
      b = 0,
      c = 0,
      d = 0,
      i = 0;
    for (; i + 3 < dims; i += 4) {
      a += matrix[base + i] * query[i];
      b += matrix[base + i + 1] * query[i + 1];
      c += matrix[base + i + 2] * query[i + 2];
      d += matrix[base + i + 3] * query[i + 3];
    }
    for (; i < dims; i++) a += matrix[base + i] * query[i];
    top.push(row, a + b + c + d);
  }
  return top.result().map(({ id: row, score }) => ({ id: ids[row], similarity: score }));
}
