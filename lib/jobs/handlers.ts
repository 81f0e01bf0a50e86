import { deliverMail, type MailMessage } from "@/lib/mail/transport";
import type { SendJob } from "@/lib/services/messages/send-message";
import { runBotReplyJob, type BotReplyJob } from "@/lib/services/bot/engine/job";
import { ingestDocument, type IngestJob } from "@/lib/services/bot/knowledge/ingest";
import { runHourlyMaintenance } from "@/lib/services/maintenance/hourly";
import { deliverMessage } from "@/lib/services/messages/send-worker";
import { runWebhookJob, type WebhookJob } from "@/lib/services/whatsapp/webhook/drain";
import { downloadInboundMedia } from "@/lib/services/whatsapp/webhook/media";
import type { QueueName } from "./boss";

/** What each queue's worker does with one job. */
export const HANDLERS: Record<QueueName, (data: never) => Promise<void>> = {
  "mail.send": (data: MailMessage) => deliverMail(data),
  "whatsapp.send": (data: SendJob) => deliverMessage(data.messageId),
  "whatsapp.webhook": (data: WebhookJob) => runWebhookJob(data),
  "whatsapp.media": (data: { messageId: number }) => downloadInboundMedia(data.messageId),
  "bot.reply": (data: BotReplyJob) => runBotReplyJob(data),
  "bot.ingest": (data: IngestJob) => ingestDocument(data.documentId),
  "maintenance.hourly": async () => {
    await runHourlyMaintenance();
  },
};
