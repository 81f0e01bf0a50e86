import { z } from "zod";
import type { Contract } from "./contract";
import { CONTRACTS } from "./registry";

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: "input" | "output"): Json {
  const out = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete out.$schema;
  return out;
}

const errorRef = { $ref: "#/components/schemas/Error" };
const ERRORS: Record<string, string> = {
  "400": "Invalid input (VALIDATION_ERROR, with field details)",
  "401": "Missing or invalid credentials (UNAUTHENTICATED)",
  "403": "Not allowed (FORBIDDEN)",
  "404": "Not found, or owned by another organization (NOT_FOUND)",
  "409": "Conflicts with existing data (CONFLICT)",
  "413": "Payload too large (PAYLOAD_TOO_LARGE)",
  "415": "Unsupported media type (UNSUPPORTED_MEDIA_TYPE)",
  "422": "A business rule refused the change (its own code)",
  "429": "Rate limited (RATE_LIMITED, see Retry-After)",
};

export const operationId = (c: Contract) =>
  (c.method.toLowerCase() + c.path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^a-zA-Z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : "")));

function operation(c: Contract): Json {
  const parameters: Json[] = [];
  for (const name of Object.keys(c.params?.shape ?? {})) parameters.push({ name, in: "path", required: true, schema: { type: "string" } });
  for (const [name, s] of Object.entries(c.query?.shape ?? {})) {
    const schema = s as z.ZodType;
    parameters.push({ name, in: "query", required: !schema.safeParse(undefined).success, schema: schemaOf(schema, "input") });
  }
  const status = String(c.status ?? 200);
  const responses: Json = {
    [status]: c.response && status !== "204" ? { description: "Success", content: { "application/json": { schema: schemaOf(c.response, "output") } } } : { description: "Success" },
  };
  const mutation = c.method !== "GET";
  const possible = [
    ...(c.query || c.body || c.multipart ? ["400"] : []),
    ...(c.access === "public" ? [] : ["401", "403"]),
    ...(c.params ? ["404"] : []),
    ...(mutation ? ["409"] : []),
    ...(c.multipart ? ["413", "415"] : c.body ? ["415"] : []),
    ...(mutation ? ["422"] : []),
    ...(c.access === "public" && mutation ? ["429"] : []),
  ];
  for (const code of possible) responses[code] = { description: ERRORS[code], content: { "application/json": { schema: errorRef } } };
  const op: Json = {
    operationId: operationId(c),
    summary: c.summary,
    ...(c.description ? { description: c.description } : {}),
    tags: [...c.tags],
    security: c.access === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    ...(c.permission ? { "x-permission": c.permission } : {}),
    parameters,
    responses,
  };
  if (c.body) {
    const media: Json = { schema: schemaOf(c.body, "input") };
    if (c.example !== undefined) media.example = c.example;
    op.requestBody = { required: true, content: { "application/json": media } };
  }
  if (c.multipart) {
    op.requestBody = {
      required: true,
      content: {
        "multipart/form-data": {
          schema: { type: "object", required: [c.multipart.field], properties: { [c.multipart.field]: { type: "string", format: "binary", description: `${c.multipart.types.join(", ")}; at most ${c.multipart.maxBytes} bytes` } } },
        },
      },
    };
  }
  return op;
}

let cached: Json | undefined;

/** The OpenAPI 3.1 document, generated from the contracts: there is no hand-written spec to drift. */
export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const c of CONTRACTS) (paths[c.path] ??= {})[c.method.toLowerCase()] = operation(c);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "CX Inbox API",
      version: "1.0.0",
      description:
        "REST API of CX Inbox. Authenticate with the header Authorization: Bearer <token>, using an access token from /auth/login or an organization API key (cxk_…). JSON bodies, camelCase fields, ids as strings, ISO-8601 UTC timestamps. Every error answers {\"error\": {\"code\", \"message\", \"details\"}}.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Access token from /auth/login, or an API key (cxk_...)" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", examples: ["VALIDATION_ERROR"] },
                message: { type: "string" },
                details: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
              },
            },
          },
        },
      },
    },
    paths,
  };
  return cached;
}
