import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny OpenAI-compatible server on 127.0.0.1 (random port) so tests and e2e run the real AI SDK client code.
 *
 *   const ai = await startFakeOpenAI({ apiKey: "sk-test" });   // apiKey optional: when set, others get 401
 *   // provider settings: { provider: "LOCAL" (or OPENAI with baseUrl), model: "fake-model", baseUrl: ai.url }
 *   ai.script({ text: "Hola" }, { toolCalls: [{ name: "lookup", arguments: { id: 1 } }] }, { status: 500 });
 *   ...                                     // each chat completion consumes one scripted reply, in order
 *   ai.requests                             // every request received: { method, path, headers, body }
 *   ai.chatRequests()                       // only the POST /v1/chat/completions bodies
 *   ai.reset(); await ai.close();
 *
 * Endpoints: POST /v1/chat/completions (JSON, or SSE when `stream: true`), POST /v1/embeddings (deterministic
 * hashed bag-of-words vectors, dimension 64, unit length), GET /v1/models. With no scripted reply left, a chat
 * completion answers `defaultText` ("Respuesta de prueba." unless set). A reply may also be a function of the request.
 * Tool calls are answered with finish_reason "tool_calls"; the next scripted reply answers the follow-up request.
 */

export type FakeToolCall = { name: string; arguments: Record<string, unknown> };
export type FakeReply = {
  text?: string;
  toolCalls?: FakeToolCall[];
  /** Answer this HTTP status with an OpenAI-style error body instead. */
  status?: number;
  error?: string;
  usage?: { promptTokens: number; completionTokens: number };
  /** Wait before answering (timeouts). */
  delayMs?: number;
};
/** Parsed JSON bodies as the client sent them (tests read any field). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FakeBody = any;
export type FakeRequest = { method: string; path: string; headers: IncomingMessage["headers"]; body: FakeBody };
type Scripted = FakeReply | ((req: FakeRequest) => FakeReply);

export type FakeOpenAI = {
  /** Base URL including /v1, e.g. http://127.0.0.1:4321/v1 */
  url: string;
  port: number;
  requests: FakeRequest[];
  script: (...replies: Scripted[]) => void;
  chatRequests: () => FakeBody[];
  models: string[];
  defaultText: string;
  reset: () => void;
  close: () => Promise<void>;
};

export const FAKE_EMBEDDING_DIMENSIONS = 64;

/** Deterministic embedding: hashed bag of lowercase, accent-free words, normalized to unit length. */
export function fakeEmbedding(text: string, dims = FAKE_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dims).fill(0);
  const words = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    vector[(h >>> 0) % dims] += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });

const estimateTokens = (value: unknown) => Math.max(1, Math.ceil(JSON.stringify(value ?? "").length / 4));

export async function startFakeOpenAI(options: { apiKey?: string; models?: string[]; defaultText?: string } = {}): Promise<FakeOpenAI> {
  const queue: Scripted[] = [];
  let callSeq = 0;
  const fake = {
    requests: [] as FakeRequest[],
    models: options.models ?? ["fake-model", "fake-embedding"],
    defaultText: options.defaultText ?? "Respuesta de prueba.",
  } as FakeOpenAI;

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: FakeBody = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const path = (req.url ?? "/").split("?")[0];
    const request: FakeRequest = { method: req.method ?? "GET", path, headers: req.headers, body };
    fake.requests.push(request);

    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    const fail = (status: number, message: string, code = "server_error") =>
      json(status, { error: { message, type: status === 401 ? "invalid_request_error" : "server_error", code } });

    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return fail(401, "Incorrect API key provided.", "invalid_api_key");
    }

    if (req.method === "GET" && path === "/v1/models") {
      return json(200, { object: "list", data: fake.models.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })) });
    }

    if (req.method === "POST" && path === "/v1/embeddings") {
      const inputs: string[] = Array.isArray(body?.input) ? body.input : [String(body?.input ?? "")];
      return json(200, {
        object: "list",
        model: body?.model ?? "fake-embedding",
        data: inputs.map((input, index) => ({ object: "embedding", index, embedding: fakeEmbedding(String(input)) })),
        usage: { prompt_tokens: estimateTokens(inputs), total_tokens: estimateTokens(inputs) },
      });
    }

    if (req.method === "POST" && path === "/v1/chat/completions") {
      const next = queue.shift();
      const reply: FakeReply = (typeof next === "function" ? next(request) : next) ?? { text: fake.defaultText };
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (reply.status && reply.status >= 400) return fail(reply.status, reply.error ?? "Scripted failure");

      const id = `chatcmpl-${++callSeq}`;
      const model = body?.model ?? "fake-model";
      const usage = {
        prompt_tokens: reply.usage?.promptTokens ?? estimateTokens(body?.messages),
        completion_tokens: reply.usage?.completionTokens ?? estimateTokens(reply.text ?? reply.toolCalls),
      };
      const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({
        index,
        id: `call_${callSeq}_${index}`,
        type: "function",
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      }));
      const finishReason = toolCalls.length ? "tool_calls" : "stop";
      const content = reply.text ?? (toolCalls.length ? null : "");

      if (!body?.stream) {
        return json(200, {
          id,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model,
          choices: [
            {
              index: 0,
              message: { role: "assistant", content, ...(toolCalls.length ? { tool_calls: toolCalls.map(({ index: _i, ...c }) => c) } : {}) },
              finish_reason: finishReason,
            },
          ],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        });
      }

      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      const chunk = (delta: unknown, finish: string | null, extra: Record<string, unknown> = {}) =>
        res.write(
          `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`,
        );
      chunk({ role: "assistant", content: "" }, null);
      // Word-sized pieces so streaming consumers see several deltas.
      for (const piece of (reply.text ?? "").match(/\S+\s*/g) ?? []) chunk({ content: piece }, null);
      if (toolCalls.length) chunk({ tool_calls: toolCalls }, null);
      chunk({}, finishReason);
      res.write(
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 0, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`,
      );
      res.end("data: [DONE]\n\n");
      return;
    }

    fail(404, `Unknown route ${req.method} ${path}`, "not_found");
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  fake.port = port;
  fake.url = `http://127.0.0.1:${port}/v1`;
  fake.script = (...replies) => void queue.push(...replies);
  fake.chatRequests = () => fake.requests.filter((r) => r.path === "/v1/chat/completions").map((r) => r.body);
  fake.reset = () => {
    queue.length = 0;
    fake.requests.length = 0;
  };
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return fake;
}
