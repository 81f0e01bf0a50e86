import { z } from "zod";
import { defineContract, idParams, idString } from "../contract";

export const retryMedia = defineContract({
  method: "POST",
  path: "/messages/{id}/retry-media",
  summary: "Retry media download for a message with failed/missing media",
  description:
    "Queues the download of a customer's photo, video, audio, document or sticker from WhatsApp again. 422 MEDIA_NOT_APPLICABLE " +
    "when the message carries no media sent by the customer. Media that is already stored is left as it is.",
  tags: ["Messages"],
  access: "member",
  permission: "messages.send",
  params: idParams,
  tenantResource: "message",
  response: z.object({ id: idString, mediaStatus: z.enum(["PENDING", "READY", "FAILED"]) }),
  status: 202,
});
