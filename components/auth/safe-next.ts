/** Only same-site paths are followed after sign-in: `?next=https://evil.example` must not become an open redirect. */
export function safeNext(next: string | null | undefined, fallback = "/") {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
