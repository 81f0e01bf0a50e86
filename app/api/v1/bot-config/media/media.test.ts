import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { botIntents, botMedia, getDb, storedFiles } from "@/lib/testing/db";
import { createBotConfig } from "@/lib/testing/bot-factories";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { GET as fileRoute } from "./[id]/file/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "./[id]/route";
import { GET as thumbnailRoute } from "./[id]/thumbnail/route";
import { GET as listRoute, POST as uploadRoute } from "./route";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 2)]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(100, 3)]);

function form(files: Record<string, [Uint8Array, string, string]>, fields: Record<string, string> = {}) {
  const f = new FormData();
  for (const [k, [bytes, type, name]] of Object.entries(files)) f.set(k, new Blob([new Uint8Array(bytes)], { type }), name);
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("bot media", () => {
  it("uploads within WhatsApp's limits, lists, updates, serves and deletes", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    expect((await call(uploadRoute, { token: agentToken, form: form({ file: [PNG, "image/png", "a.png"] }) })).status).toBe(403);

    const img = await call(uploadRoute, { token: adminToken, form: form({ file: [PNG, "image/png", "Carta del día.png"] }, { tags: '["menu","food"]', description: "Menu" }) });
    expect(img.status, JSON.stringify(img.json)).toBe(201);
    expect(img.json).toMatchObject({ name: "Carta del día", kind: "IMAGE", mimeType: "image/png", size: PNG.length, tags: ["menu", "food"], description: "Menu" });
    expect(img.json.url).toBe(`/api/v1/bot-config/media/${img.json.id}/file`);

    // Same default name → a suffix; the same explicit name → 409.
    const again = await call(uploadRoute, { token: adminToken, form: form({ file: [PNG, "image/png", "Carta del día.png"] }) });
    expect(again.json.name).toBe("Carta del día (2)");
    const taken = await call(uploadRoute, { token: adminToken, form: form({ file: [PNG, "image/png", "x.png"] }, { name: "carta del día" }) });
    expect(taken.status).toBe(409);

    // Types and sizes.
    const html = await call(uploadRoute, { token: adminToken, form: form({ file: [Buffer.from("<script>alert(1)</script>"), "image/png", "evil.png"] }) });
    expect(html.status).toBe(415);
    const exe = await call(uploadRoute, { token: adminToken, form: form({ file: [Buffer.from("MZ..."), "application/x-msdownload", "a.exe"] }) });
    expect(exe.status).toBe(415);
    expect(exe.json.error.message).toMatch(/allowed/);
    const bigImage = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await call(uploadRoute, { token: adminToken, form: form({ file: [bigImage, "image/png", "big.png"] }) })).status).toBe(413);
    const pdf = await call(uploadRoute, { token: adminToken, form: form({ file: [Buffer.from("%PDF-1.4 x"), "application/pdf", "price list.pdf"] }, { tags: "prices, 2025" }) });
    expect(pdf.json).toMatchObject({ kind: "DOCUMENT", tags: ["prices", "2025"], thumbnailUrl: null });
    expect((await call(uploadRoute, { token: adminToken, form: form({}, { name: "x" }) })).status).toBe(400);

    const list = await call(listRoute, { token: agentToken });
    expect(list.json.data).toHaveLength(3);

    const patched = await call(patchRoute, { token: adminToken, params: { id: img.json.id }, body: { name: "Menú", tags: ["x"], description: null } });
    expect(patched.json).toMatchObject({ name: "Menú", tags: ["x"], description: null });
    expect((await call(patchRoute, { token: adminToken, params: { id: pdf.json.id }, body: { name: "menú" } })).status).toBe(409);

    const file = await call(fileRoute, { token: agentToken, params: { id: img.json.id } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toMatch(/^inline/);
    expect((await call(fileRoute, { token: agentToken, params: { id: pdf.json.id } })).headers.get("content-disposition")).toMatch(/^attachment/);
    // An image is its own thumbnail; a document has none.
    expect((await call(thumbnailRoute, { token: agentToken, params: { id: img.json.id } })).headers.get("content-type")).toBe("image/png");
    expect((await call(thumbnailRoute, { token: agentToken, params: { id: pdf.json.id } })).status).toBe(404);

    const fileId = (await getDb().select().from(botMedia).where(eq(botMedia.id, Number(img.json.id))))[0].fileId;
    expect((await call(deleteRoute, { token: adminToken, params: { id: img.json.id } })).status).toBe(204);
    expect(await getDb().select().from(storedFiles).where(eq(storedFiles.id, fileId))).toEqual([]);
    expect((await call(fileRoute, { token: adminToken, params: { id: img.json.id } })).status).toBe(404);
    expect(org.id).toBeGreaterThan(0);
  });

  it("serves a video's uploaded thumbnail, and says why there is none otherwise", async () => {
    const { adminToken } = await createTeam();
    const withThumb = await call(uploadRoute, { token: adminToken, form: form({ file: [MP4, "video/mp4", "tour.mp4"], thumbnail: [JPEG, "image/jpeg", "tour.jpg"] }) });
    expect(withThumb.status, JSON.stringify(withThumb.json)).toBe(201);
    expect(withThumb.json).toMatchObject({ kind: "VIDEO", thumbnailUrl: `/api/v1/bot-config/media/${withThumb.json.id}/thumbnail` });
    const thumb = await call(thumbnailRoute, { token: adminToken, params: { id: withThumb.json.id } });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/jpeg");

    const bare = await call(uploadRoute, { token: adminToken, form: form({ file: [MP4, "video/mp4", "clip.mp4"] }) });
    expect(bare.json.thumbnailUrl).toBeNull();
    const none = await call(thumbnailRoute, { token: adminToken, params: { id: bare.json.id } });
    expect(none.status).toBe(404);
    expect(none.json.error.message).toMatch(/thumbnail/);

    const badThumb = await call(uploadRoute, { token: adminToken, form: form({ file: [MP4, "video/mp4", "c.mp4"], thumbnail: [Buffer.from("nope"), "image/jpeg", "t.jpg"] }) });
    expect(badThumb.status).toBe(415);
  });

  it("refuses to delete media an intent sends (422 MEDIA_IN_USE)", async () => {
    const { org, adminToken } = await createTeam();
    const img = await call(uploadRoute, { token: adminToken, form: form({ file: [PNG, "image/png", "menu.png"] }) });
    const config = await createBotConfig(org, { name: "Main" });
    await getDb().insert(botIntents).values({ orgId: org.id, configId: config.id, name: "Menu", mediaId: Number(img.json.id) });
    const res = await call(deleteRoute, { token: adminToken, params: { id: img.json.id } });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("MEDIA_IN_USE");
    expect(res.json.error.details[0].message).toBe("Main → Menu");
  });
});
