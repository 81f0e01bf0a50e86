/** Bare liveness probe for load balancers: no auth, no database, no JSON. Also the baseline of `npm run bench`. */
export function GET() {
  return new Response("ok", { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
