import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { settleEvents } from "@/lib/events/emit";
import { LISTENERS } from "@/lib/events/listeners";
import { storage } from "@/lib/storage";
import { getDb, storedFiles } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { DELETE as removeMediaRoute, POST as uploadMediaRoute } from "./[id]/media/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "./[id]/route";
import { GET as listAllRoute } from "./all/route";
import { POST as bulkRoute } from "./bulk/route";
import { GET as listRoute, POST as createRoute } from "./route";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
const PDF = Buffer.from("%PDF-1.4\n% test\n");

function fileForm(bytes: Buffer, type: string, name = "file.bin") {
  const f = new FormData();
  f.set("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return f;
}

const reply = (shortcut: string, extra: Record<string, unknown> = {}) => ({ shortcut, title: `Title ${shortcut}`, body: `Hola {{first_name}} (${shortcut})`, ...extra });
const fileRow = async (id: number) => (await getDb().select().from(storedFiles).where(eq(storedFiles.id, id)))[0];
const fileIdOf = (url: string) => Number(url.split("/").pop());
const shortcuts = (res: { json: { data: { shortcut: string }[] } }) => res.json.data.map((q) => q.shortcut);

describe("quick replies", () => {
  it("creates, lists active ones for agents and all for admins, updates and deletes", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: reply("/Hola", { category: "Saludos" }) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ shortcut: "hola", title: "Title /Hola", category: "Saludos", isActive: true, media: null, usageCount: 0 });
    await call(createRoute, { token: adminToken, body: reply("adios", { isActive: false }) });
    await call(createRoute, { token: adminToken, body: reply("envio", { category: "", body: "Tu pedido va en camino" }) });

    expect(shortcuts(await call(listRoute, { token: agentToken }))).toEqual(["envio", "hola"]);
    expect(shortcuts(await call(listRoute, { token: agentToken, query: { search: "PEDIDO" } }))).toEqual(["envio"]);
    expect(shortcuts(await call(listRoute, { token: agentToken, query: { category: "saludos" } }))).toEqual(["hola"]);
    expect(shortcuts(await call(listAllRoute, { token: adminToken }))).toEqual(["adios", "envio", "hola"]);
    expect(shortcuts(await call(listAllRoute, { token: adminToken, query: { isActive: "false" } }))).toEqual(["adios"]);
    expect((await call(listAllRoute, { token: agentToken })).status).toBe(403);

    const patched = await call(patchRoute, { token: adminToken, params: { id: created.json.id }, body: { title: "Saludo", category: null, isActive: false } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ shortcut: "hola", title: "Saludo", category: null, isActive: false });
    expect(shortcuts(await call(listRoute, { token: agentToken }))).toEqual(["envio"]);

    expect((await call(deleteRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(204);
    expect((await call(deleteRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(404);
    expect(await auditOf(org.id, "quick_reply.created")).toHaveLength(3);
    expect(await auditOf(org.id, "quick_reply.deleted")).toHaveLength(1);
  });

  it("validates shortcuts and bodies, and keeps shortcuts unique per organization", async () => {
    const { adminToken, agentToken } = await createTeam();
    const other = await createTeam();
    for (const shortcut of ["with space", "ñandú", "x".repeat(33), ""]) {
      const res = await call(createRoute, { token: adminToken, body: reply(shortcut) });
      expect(res.status, shortcut).toBe(400);
      expect(res.json.error.details[0].path).toBe("shortcut");
    }
    expect((await call(createRoute, { token: adminToken, body: reply("long", { body: "x".repeat(4097) }) })).status).toBe(400);
    expect((await call(createRoute, { token: adminToken, body: reply("max", { body: "x".repeat(4096) }) })).status).toBe(201);

    const first = await call(createRoute, { token: adminToken, body: reply("price_list-2") });
    expect(first.status).toBe(201);
    const dup = await call(createRoute, { token: adminToken, body: reply("PRICE_LIST-2") });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe("CONFLICT");
    expect((await call(patchRoute, { token: adminToken, params: { id: first.json.id }, body: { shortcut: "max" } })).status).toBe(409);
    expect((await call(createRoute, { token: other.adminToken, body: reply("price_list-2") })).status).toBe(201);
    expect((await call(createRoute, { token: agentToken, body: reply("agent") })).status).toBe(403);
    expect((await call(patchRoute, { token: adminToken, params: { id: first.json.id }, body: {} })).status).toBe(400);
  });

  it("bulk deletes, activates and deactivates by ids or all, within the organization", async () => {
    const { adminToken } = await createTeam();
    const other = await createTeam();
    const ids: string[] = [];
    for (const s of ["a1", "a2", "a3"]) ids.push((await call(createRoute, { token: adminToken, body: reply(s) })).json.id);
    const foreign = (await call(createRoute, { token: other.adminToken, body: reply("z9") })).json.id;

    await settleEvents();
    const changed: number[] = [];
    (LISTENERS["quick_reply.changed"] ??= []).push((e) => void changed.push(e.quickReplyId));

    const off = await call(bulkRoute, { token: adminToken, body: { action: "deactivate", selection: { mode: "ids", ids: [ids[0], ids[1], foreign] } } });
    expect(off.json).toEqual({ matched: 2, succeeded: 2 });
    const offAgain = await call(bulkRoute, { token: adminToken, body: { action: "deactivate", selection: { mode: "all" } } });
    expect(offAgain.json).toEqual({ matched: 3, succeeded: 1 });
    const on = await call(bulkRoute, { token: adminToken, body: { action: "activate", selection: { mode: "all", excludeIds: [ids[2]] } } });
    expect(on.json).toEqual({ matched: 2, succeeded: 2 });
    const del = await call(bulkRoute, { token: adminToken, body: { action: "delete", selection: { mode: "ids", ids: [Number(ids[0])] } } });
    expect(del.json).toEqual({ matched: 1, succeeded: 1 });
    await settleEvents();
    expect(changed).toHaveLength(6);

    expect((await call(listAllRoute, { token: adminToken })).json.data.map((q: { shortcut: string; isActive: boolean }) => [q.shortcut, q.isActive])).toEqual([
      ["a2", true],
      ["a3", false],
    ]);
    expect((await call(listAllRoute, { token: other.adminToken })).json.data).toHaveLength(1);
    expect((await call(bulkRoute, { token: adminToken, body: { action: "archive", selection: { mode: "all" } } })).status).toBe(400);
    expect((await call(bulkRoute, { token: adminToken, body: { action: "delete", selection: { mode: "ids", ids: [] } } })).status).toBe(400);
  });
});

describe("quick reply media", () => {
  it("attaches, replaces and removes media, deleting the stored files", async () => {
    const { adminToken, agentToken } = await createTeam();
    const { json: qr } = await call(createRoute, { token: adminToken, body: reply("catalogo") });
    const params = { id: qr.id };

    const first = await call(uploadMediaRoute, { token: adminToken, params, form: fileForm(PNG, "image/png", "menu.png") });
    expect(first.status).toBe(200);
    expect(first.json.media).toMatchObject({ mimeType: "image/png", filename: "menu.png", size: PNG.length });
    const firstFile = await fileRow(fileIdOf(first.json.media.url));
    expect(firstFile).toMatchObject({ purpose: "quick-reply", contentType: "image/png" });

    const second = await call(uploadMediaRoute, { token: adminToken, params, form: fileForm(PDF, "application/pdf", "catalogo.pdf") });
    expect(second.json.media).toMatchObject({ mimeType: "application/pdf", filename: "catalogo.pdf" });
    expect(await fileRow(firstFile.id)).toBeUndefined();
    expect(await storage().get(firstFile.storageKey)).toBeNull();
    const secondFile = await fileRow(fileIdOf(second.json.media.url));

    expect((await call(listRoute, { token: agentToken })).json.data[0].media.url).toBe(second.json.media.url);

    const removed = await call(removeMediaRoute, { token: adminToken, params });
    expect(removed.status).toBe(200);
    expect(removed.json.media).toBeNull();
    expect(await fileRow(secondFile.id)).toBeUndefined();
    expect((await call(removeMediaRoute, { token: adminToken, params })).json.media).toBeNull();

    // Deleting the quick reply deletes its attachment.
    const third = await call(uploadMediaRoute, { token: adminToken, params, form: fileForm(PNG, "image/png") });
    const thirdFile = await fileRow(fileIdOf(third.json.media.url));
    expect((await call(deleteRoute, { token: adminToken, params })).status).toBe(204);
    expect(await fileRow(thirdFile.id)).toBeUndefined();
  });

  it("applies WhatsApp's media limits (415 with the allowed types, 413) and stores nothing then", async () => {
    const { org, adminToken } = await createTeam();
    const { json: qr } = await call(createRoute, { token: adminToken, body: reply("media") });
    const params = { id: qr.id };
    const before = (await getDb().select().from(storedFiles).where(eq(storedFiles.orgId, org.id))).length;

    const html = await call(uploadMediaRoute, { token: adminToken, params, form: fileForm(Buffer.from("<html></html>"), "text/html") });
    expect(html.status).toBe(415);
    expect(html.json.error.message).toContain("image/jpeg");
    // The bytes decide for images: a GIF renamed to PNG is still a GIF, which WhatsApp does not take.
    const gif = await call(uploadMediaRoute, { token: adminToken, params, form: fileForm(Buffer.from("GIF89a......"), "image/png") });
    expect(gif.status).toBe(415);
    const bigImage = await call(uploadMediaRoute, { token: adminToken, params, form: fileForm(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), "image/png") });
    expect(bigImage.status).toBe(413);
    expect((await call(uploadMediaRoute, { token: adminToken, params, form: new FormData() })).status).toBe(400);
    expect((await call(uploadMediaRoute, { token: adminToken, params: { id: "999999" }, form: fileForm(PNG, "image/png") })).status).toBe(404);
    expect((await getDb().select().from(storedFiles).where(eq(storedFiles.orgId, org.id))).length).toBe(before);
  });
});
