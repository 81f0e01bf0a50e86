import { findMetaConfig, upsertMetaConfig, type MetaConfigRow } from "@/db/queries/meta-config";
import type { Ctx } from "@/lib/api/context";
import { env } from "@/lib/env";
import { audit } from "@/lib/services/audit";

function metaConfigDto(row: MetaConfigRow | undefined) {
  const e = env();
  const serverConfigured = Boolean(e.META_APP_ID);
  return {
    appId: row?.appId ?? null,
    configId: row?.configId ?? null,
    serverConfigured,
    embeddedSignupAvailable: serverConfigured && Boolean(row?.appId && row.configId),
    graphVersion: e.META_GRAPH_VERSION,
  };
}

export async function getMetaConfig(ctx: Ctx) {
  return metaConfigDto(await findMetaConfig(ctx.orgId));
}

export async function putMetaConfig(ctx: Ctx, input: { appId: string; configId: string }) {
  const row = await upsertMetaConfig(ctx.orgId, input);
  await audit(ctx, "whatsapp.meta_config_updated", { type: "meta_app_config", id: ctx.orgId }, input);
  return metaConfigDto(row);
}
