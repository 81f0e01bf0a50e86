import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findActiveConfig } from "@/db/queries/bot-settings";
import { seedDemo } from "@/db/seed";
import { getDb, organizations } from "@/lib/testing/db";
import { runTurn } from "./turn";

describe("the demo bot (db/seed.ts)", () => {
  it("answers offline: intents, the knowledge base, hand-off", async () => {
    expect(await seedDemo()).not.toBeNull();
    expect(await seedDemo()).toBeNull();
    const [org] = await getDb().select().from(organizations).where(eq(organizations.slug, "demo-cafe"));
    const config = (await findActiveConfig(org.id))!;
    expect(config).toMatchObject({ name: "Asistente Café", provider: null, language: "es" });
    const ask = (text: string) => runTurn({ orgId: org.id, config, text, history: [], source: "TEST" });

    expect(await ask("Hola!")).toMatchObject({ outcome: "INTENT", intent: { name: "Saludo" } });
    expect(await ask("¿A qué hora abren?")).toMatchObject({ intent: { name: "Horario" } });
    expect(await ask("me mandas el menú?")).toMatchObject({ intent: { name: "Menú" } });
    const delivery = await ask("¿Hacen envíos a domicilio a la Roma?");
    expect(delivery).toMatchObject({ outcome: "ANSWERED", reply: expect.stringMatching(/^Envíos a domicilio\nHacemos envíos .*El envío cuesta 30 pesos/s) });
    expect(delivery.reply).not.toContain("Formas de pago");
    expect(await ask("¿Aceptan tarjeta de crédito?")).toMatchObject({ outcome: "ANSWERED", reply: expect.stringContaining("Aceptamos efectivo") });
    expect(await ask("Quiero hablar con una persona")).toMatchObject({ outcome: "HANDOFF", handoff: { reason: "requested" } });
    expect(await ask("necesito un asesor")).toMatchObject({ outcome: "HANDOFF", handoff: { reason: "intent" } });
    expect(await ask("¿Venden boletos de avión?")).toMatchObject({ outcome: "FALLBACK", handoff: { reason: "no_answer" } });
  });
});
