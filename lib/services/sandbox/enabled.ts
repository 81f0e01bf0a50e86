import { errors } from "@/lib/api/errors";
import { env, isProduction } from "@/lib/env";

/** The sandbox page and /dev/simulate exist outside production, and in production only with DEV_TOOLS=true. */
export function devToolsEnabled() {
  return !isProduction() || env().DEV_TOOLS === "true";
}

/** Disabled tools answer 404, exactly like a route that does not exist. */
export function assertDevTools(what = "Resource") {
  if (!devToolsEnabled()) throw errors.notFound(what);
}
