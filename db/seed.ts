import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConfigs, botIntents, botPromptVersions, contacts, memberships, organizations, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createTextDocument } from "@/lib/services/bot/knowledge/ingest";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_LOGINS = [
  { email: "admin@demo.cx", name: "Andrea Admin", role: "ADMIN" as const },
  { email: "agent1@demo.cx", name: "Bruno Agente", role: "AGENT" as const },
  { email: "agent2@demo.cx", name: "Carla Agente", role: "AGENT" as const },
];

const DEMO_CONTACTS = [
  { waId: "5215512345678", name: "María López", category: "customer" },
  { waId: "5215587654321", name: "José Hernández", category: "lead" },
  { waId: "5213311122233", name: "Lucía Martínez", category: "customer" },
  { waId: "14155550123", name: "John Carter", category: "lead" },
];

/** Creates the demo organization on an empty database; returns the logins, or null when data already exists. */
export async function seedDemo() {
  const db = getDb();
  const [{ n }] = await db.select({ n: count() }).from(organizations);
  if (n > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { org, adminId } = await db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: "Demo Café", slug: "demo-cafe", plan: "PROFESSIONAL" }).returning();
    let adminId: number | null = null;
    for (const login of DEMO_LOGINS) {
      const [user] = await tx.insert(users).values({ email: login.email, name: login.name, passwordHash, isSuperAdmin: login.role === "ADMIN" }).returning();
      await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: login.role });
      adminId ??= login.role === "ADMIN" ? user.id : null;
    }
    await tx.insert(contacts).values(DEMO_CONTACTS.map((c) => ({ ...c, orgId: org.id, profileName: c.name })));
    return { org, adminId };
  });
  await seedDemoBot(org.id, adminId);
  return DEMO_LOGINS.map((l) => ({ ...l, password: DEMO_PASSWORD }));
}

const BOT_PROMPT =
  "Eres el asistente virtual de Demo Café, una cafetería de barrio en la Ciudad de México. Responde en español, con calidez y en mensajes cortos. " +
  "Usa solo la información del café; si no sabes algo o el cliente quiere hablar con alguien, pásalo con el equipo.";

const BOT_INTENTS: Omit<typeof botIntents.$inferInsert, "orgId" | "configId">[] = [
  {
    name: "Saludo",
    position: 0,
    keywords: ["hola|buenas|buenos dias|buenas tardes|buenas noches"],
    examples: ["hola, ¿cómo están?"],
    response: "¡Hola! 👋 Soy el asistente de Demo Café. Puedo contarte el horario, el menú, los envíos y las formas de pago. ¿En qué te ayudo?",
  },
  {
    name: "Horario",
    position: 1,
    keywords: ["horario|abren|cierran|abierto|abiertos"],
    examples: ["¿a qué hora abren?", "¿están abiertos el domingo?"],
    response: "Abrimos de lunes a viernes de 7:00 a 21:00, y sábados y domingos de 8:00 a 22:00. ☕",
  },
  {
    name: "Menú",
    position: 2,
    keywords: ["menú|menu|carta|precios"],
    examples: ["¿qué venden?", "¿cuánto cuesta un latte?"],
    response:
      "Nuestro menú: ☕ Americano $45 · Latte $60 · Capuchino $60 · Chocolate $55. 🥐 Croissant $40 · Pan de elote $45 · Sándwich de pavo $95. ¿Te gustaría pedir algo?",
  },
  {
    name: "Hablar con una persona",
    position: 3,
    keywords: ["hablar con una persona|agente|humano|asesor"],
    action: "HANDOFF",
    response: null,
  },
];

const BOT_KNOWLEDGE = `Horario
Demo Café abre de lunes a viernes de 7:00 a 21:00, y sábados y domingos de 8:00 a 22:00. Los días festivos abrimos de 9:00 a 18:00.

Dirección
Estamos en Calle Ámsterdam 123, colonia Condesa, Ciudad de México, a dos cuadras del Parque México. Hay lugares para bicicletas en la entrada y la cafetería es accesible en silla de ruedas.

Envíos a domicilio
Hacemos envíos a domicilio en las colonias Condesa, Roma, Hipódromo y Escandón de 8:00 a 20:00. El envío cuesta 30 pesos y es gratis en pedidos de más de 300 pesos. El tiempo de entrega es de 30 a 45 minutos.

Formas de pago
Aceptamos efectivo, tarjetas de crédito y débito (Visa, Mastercard y American Express) y transferencia bancaria. Los pedidos a domicilio se pueden pagar en línea o al recibirlos.`;

/**
 * The demo's bot: active, no AI provider (it works offline: intents, the knowledge base's best passage, hand-off).
 * Runs once, right after the demo organization is created.
 */
async function seedDemoBot(orgId: number, createdById: number | null) {
  await getDb().transaction(async (tx) => {
    const [config] = await tx
      .insert(botConfigs)
      .values({
        orgId,
        name: "Asistente Café",
        isActive: true,
        activatedAt: new Date(),
        language: "es",
        systemPrompt: BOT_PROMPT,
        welcomeMessage: "¡Hola! Soy el asistente de Demo Café. ¿En qué te ayudo?",
        fallbackMessage: "No estoy seguro de cómo ayudarte con eso. Te comunico con alguien del equipo 🙂",
        handoffMessage: "Te comunico con una persona del equipo; en un momento te atienden.",
        confidenceThreshold: 0.4,
        settings: { handoffKeywords: [], historyTurns: 10, ragTopK: 4, ragEnabled: true, toolIds: [], handoffTeamId: null },
        createdById,
      })
      .returning();
    await tx.insert(botPromptVersions).values({ orgId, configId: config.id, version: 1, systemPrompt: BOT_PROMPT, note: "Versión inicial", createdById });
    await tx.insert(botIntents).values(BOT_INTENTS.map((i) => ({ ...i, orgId, configId: config.id })));
  });
  await createTextDocument(orgId, { title: "Información de Demo Café", text: BOT_KNOWLEDGE, createdById }, { provider: null });
}
