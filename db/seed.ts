import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, memberships, organizations, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

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
  await db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: "Demo Café", slug: "demo-cafe", plan: "PROFESSIONAL" }).returning();
    for (const login of DEMO_LOGINS) {
      const [user] = await tx.insert(users).values({ email: login.email, name: login.name, passwordHash, isSuperAdmin: login.role === "ADMIN" }).returning();
      await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: login.role });
    }
    await tx.insert(contacts).values(DEMO_CONTACTS.map((c) => ({ ...c, orgId: org.id, profileName: c.name })));
  });
  return DEMO_LOGINS.map((l) => ({ ...l, password: DEMO_PASSWORD }));
}
