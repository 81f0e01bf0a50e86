import type { Principal } from "@/lib/auth/principal";

export type RequestMeta = { requestId: string; ip: string; userAgent?: string };

/** What every service receives: who acts, in which org, and where the request came from (for the audit log). */
export type Ctx = Principal & RequestMeta;

export function clientIp(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0].trim();
  return req.headers.get("x-real-ip") ?? "127.0.0.1";
}

export function actorUserId(ctx: Ctx): number | null {
  return ctx.user?.id ?? null;
}
