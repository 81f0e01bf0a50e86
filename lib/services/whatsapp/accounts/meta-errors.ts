import { AppError } from "@/lib/api/errors";
import { GraphError } from "@/lib/whatsapp/graph";

/** fetch failures (DNS, refused connection, timeout) as opposed to an answer from Meta. */
export const isNetworkError = (e: unknown) =>
  e instanceof TypeError || (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError"));

/** Meta's refusal, in our error envelope: 422 META_REJECTED with Meta's own message and its codes in details. */
export function metaRejected(e: GraphError) {
  const codes = `code ${e.code}${e.subcode ? `, subcode ${e.subcode}` : ""}`;
  const details = [{ path: "meta", message: `${e.message} (${codes})` }];
  if (e.details) details.push({ path: "meta.details", message: e.details });
  return new AppError("META_REJECTED", 422, e.message, details);
}

export const metaUnreachable = () => new AppError("META_UNREACHABLE", 502, "Could not reach the WhatsApp Business API; try again in a moment");

/** Runs a Graph call and turns its failures into API errors; anything else propagates untouched. */
export async function metaCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GraphError) throw metaRejected(e);
    if (isNetworkError(e)) throw metaUnreachable();
    throw e;
  }
}
