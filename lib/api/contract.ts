import { z } from "zod";
import type { Permission } from "./permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * public: anyone. member: a user of the org or an org API key. user: a signed-in person only (profile, password).
 */
export type Access = "public" | "member" | "user";

export type Multipart = { field: string; maxBytes: number; types: readonly string[] };

export interface Contract {
  method: HttpMethod;
  /** OpenAPI-style path under /api/v1, e.g. "/users/{id}". */
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  access: Access;
  permission?: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  multipart?: Multipart;
  response?: z.ZodType;
  status?: 200 | 201 | 202 | 204;
  /** The kind of tenant-owned row that `{id}` names: the generated checks create one in another org and expect 404. */
  tenantResource?: string;
  maxBodyBytes?: number;
  /** A valid request body: shown in the API reference and used by the generated checks to reach the tenant lookup. */
  example?: unknown;
}

export const defineContract = <const C extends Contract>(c: C): C => c;

/** Ids travel as strings of digits; anything else names no row, so the wrapper answers 404 for it. */
export const idParam = z
  .string()
  .regex(/^\d{1,15}$/, "must be a numeric id")
  .transform(Number);
export const idParams = z.object({ id: idParam });

/** Ids in bodies: accepted as "123" or 123 for convenience, always handed on as a number. */
export const idRef = z.union([z.string().regex(/^\d{1,15}$/, "must be a numeric id"), z.number().int().positive()]).transform(Number);

export const email = z.string().trim().toLowerCase().email("must be a valid email address").max(254);
export const password = z.string().min(8, "must be at least 8 characters").max(200);
export const name = z.string().trim().min(1, "is required").max(120);
/** Optional text input: empty reads as "not set" (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable();

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), page: z.number(), limit: z.number(), total: z.number() });

export const ok = z.object({ success: z.literal(true) });
export const iso = z.string().describe("ISO-8601 UTC timestamp");
export const idString = z.string().describe("numeric id as a string");
/** "true"/"false" (and 1/0) from a query string; z.coerce.boolean would read "false" as true. */
export const queryBoolean = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
