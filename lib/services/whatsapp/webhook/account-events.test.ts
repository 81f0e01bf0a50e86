import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createOrg } from "@/lib/testing/factories";
import { accountAlerts, getDb, templates, webhookEvents, whatsappAccounts } from "@/lib/testing/db";
import { createWaAccount, deliver, payload } from "./test-fixtures";

type Org = Awaited<ReturnType<typeof createOrg>>;
type Account = Awaited<ReturnType<typeof createWaAccount>>;
let org: Org;
let account: Account;

beforeAll(async () => {
  org = await createOrg();
  account = await createWaAccount(org, { displayPhoneNumber: "+52 55 1000 2000", messagingLimitTier: "TIER_1K" });
});

let seq = 0;
async function template(values: Partial<typeof templates.$inferInsert> = {}) {
  seq++;
  const [row] = await getDb()
    .insert(templates)
    .values({ orgId: org.id, whatsappAccountId: account.id, name: `pedido_${seq}`, language: "es_MX", category: "UTILITY", status: "PENDING", metaTemplateId: `${9000 + seq}`, ...values })
    .returning();
  return row;
}

const reload = async (id: number) => (await getDb().select().from(templates).where(eq(templates.id, id)))[0];
const alertsOf = (type: string) =>
  getDb()
    .select()
    .from(accountAlerts)
    .where(and(eq(accountAlerts.orgId, org.id), eq(accountAlerts.type, type)));

const statusUpdate = (t: { metaTemplateId: string | null; name: string; language: string }, event: string, reason: string | null = "NONE") =>
  payload(account.wabaId, [
    {
      field: "message_template_status_update",
      value: { event, message_template_id: Number(t.metaTemplateId ?? 0), message_template_name: t.name, message_template_language: t.language, reason },
    },
  ]);

describe("template webhooks", () => {
  it("applies an approval without raising an alert", async () => {
    const t = await template();
    await deliver(statusUpdate(t, "APPROVED"));
    expect(await reload(t.id)).toMatchObject({ status: "APPROVED", rejectedReason: null });
    expect(await alertsOf("TEMPLATE_APPROVED")).toEqual([]);
  });

  it("a rejection updates the template and raises one alert, however often Meta repeats it", async () => {
    const t = await template();
    const body = statusUpdate(t, "REJECTED", "INVALID_FORMAT");
    const id = await deliver(body);
    await deliver(body);
    expect(await reload(t.id)).toMatchObject({ status: "REJECTED", rejectedReason: "INVALID_FORMAT" });
    const alerts = (await alertsOf("TEMPLATE_REJECTED")).filter((a) => a.metadata?.templateName === t.name);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ whatsappAccountId: account.id, severity: "warning", message: expect.stringContaining("INVALID_FORMAT") });
    const [event] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id));
    expect(event).toMatchObject({ status: "PROCESSED", orgId: org.id });
  });

  it("pauses and disables with alerts; finds a template not yet linked to Meta's id by name and language", async () => {
    const paused = await template({ status: "APPROVED" });
    await deliver(statusUpdate(paused, "PAUSED"));
    expect((await reload(paused.id)).status).toBe("PAUSED");
    expect((await alertsOf("TEMPLATE_PAUSED")).length).toBe(1);

    const unlinked = await template({ status: "APPROVED", metaTemplateId: null });
    await deliver(statusUpdate({ ...unlinked, metaTemplateId: "777123" }, "DISABLED"));
    expect(await reload(unlinked.id)).toMatchObject({ status: "DISABLED", metaTemplateId: "777123" });
    expect((await alertsOf("TEMPLATE_DISABLED"))[0]).toMatchObject({ severity: "critical" });
  });

  it("never touches another organization's template of the same name", async () => {
    const otherOrg = await createOrg();
    const [other] = await getDb()
      .insert(templates)
      .values({ orgId: otherOrg.id, name: "shared_name", language: "es_MX", category: "MARKETING", status: "APPROVED" })
      .returning();
    const mine = await template({ name: "shared_name", metaTemplateId: null, status: "APPROVED" });
    await deliver(statusUpdate({ ...mine, metaTemplateId: "555" }, "PAUSED"));
    expect((await reload(mine.id)).status).toBe("PAUSED");
    expect((await reload(other.id)).status).toBe("APPROVED");
  });

  it("records quality changes and warns when a template turns RED", async () => {
    const t = await template({ status: "APPROVED" });
    const quality = (score: string) =>
      payload(account.wabaId, [
        {
          field: "message_template_quality_update",
          value: { previous_quality_score: "GREEN", new_quality_score: score, message_template_id: Number(t.metaTemplateId), message_template_name: t.name, message_template_language: t.language },
        },
      ]);
    await deliver(quality("YELLOW"));
    expect((await reload(t.id)).qualityScore).toBe("YELLOW");
    expect(await alertsOf("TEMPLATE_QUALITY_LOW")).toEqual([]);
    await deliver(quality("RED"));
    expect((await reload(t.id)).qualityScore).toBe("RED");
    expect(await alertsOf("TEMPLATE_QUALITY_LOW")).toHaveLength(1);
  });

  it("an event for a WABA nobody here owns is UNROUTABLE", async () => {
    const id = await deliver({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "waba-of-nobody",
          changes: [{ field: "message_template_status_update", value: { event: "APPROVED", message_template_id: 1, message_template_name: "x", message_template_language: "en" } }],
        },
      ],
    });
    const [event] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id));
    expect(event.status).toBe("UNROUTABLE");
  });
});

describe("number and account webhooks", () => {
  it("a quality downgrade alerts the org and records the new messaging limit", async () => {
    await deliver(
      payload(account.wabaId, [{ field: "phone_number_quality_update", value: { display_phone_number: "525510002000", event: "DOWNGRADE", current_limit: "TIER_250" } }]),
    );
    const [row] = await getDb().select().from(whatsappAccounts).where(eq(whatsappAccounts.id, account.id));
    expect(row.messagingLimitTier).toBe("TIER_250");
    const [alert] = await alertsOf("QUALITY_DOWNGRADE");
    expect(alert).toMatchObject({ whatsappAccountId: account.id, severity: "warning", message: expect.stringContaining("TIER_250") });
  });

  it("relays Meta's account alerts", async () => {
    await deliver(
      payload(account.wabaId, [
        {
          field: "account_alerts",
          value: {
            entity_type: "PHONE_NUMBER",
            entity_id: account.phoneNumberId,
            alert_info: { alert_severity: "CRITICAL", alert_status: "ACTIVE", alert_type: "OBA_APPROVED", alert_description: "Your number got the blue badge" },
          },
        },
      ]),
    );
    const [alert] = await alertsOf("OBA_APPROVED");
    expect(alert).toMatchObject({ whatsappAccountId: account.id, severity: "critical", title: "Oba approved", message: "Your number got the blue badge" });
  });

  it("acknowledges fields it does not handle", async () => {
    const id = await deliver(payload(account.wabaId, [{ field: "business_capability_update", value: { max_daily_conversation_per_phone: 1000 } }]));
    const [event] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id));
    expect(event.status).toBe("PROCESSED");
  });
});
