/** The parts of Meta's WhatsApp webhook payload the product reads. Meta's shape, so names are snake_case. */

export type WaMedia = { id: string; mime_type?: string; sha256?: string; caption?: string; filename?: string; voice?: boolean };

export type WaInboundMessage = {
  from: string;
  id: string;
  timestamp: string;
  type: string;
  context?: { from?: string; id?: string; forwarded?: boolean; referred_product?: Record<string, unknown> };
  referral?: Record<string, unknown>;
  text?: { body: string };
  image?: WaMedia;
  audio?: WaMedia;
  video?: WaMedia;
  document?: WaMedia;
  sticker?: WaMedia & { animated?: boolean };
  location?: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
  contacts?: Record<string, unknown>[];
  interactive?: {
    type: "button_reply" | "list_reply" | "nfm_reply";
    button_reply?: { id: string; title: string };
    list_reply?: { id: string; title: string; description?: string };
  };
  button?: { payload?: string; text: string };
  reaction?: { message_id: string; emoji?: string };
  order?: Record<string, unknown>;
  errors?: { code: number; title: string; message?: string }[];
};

export type WaStatus = {
  id: string;
  status: "sent" | "delivered" | "read" | "failed" | "deleted";
  timestamp: string;
  recipient_id: string;
  conversation?: { id: string; origin?: { type: string }; expiration_timestamp?: string };
  pricing?: { billable?: boolean; pricing_model?: string; category?: string; type?: string };
  errors?: { code: number; title: string; message?: string; error_data?: { details?: string } }[];
};

export type WaMessagesValue = {
  messaging_product: "whatsapp";
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: { profile?: { name?: string }; wa_id: string }[];
  messages?: WaInboundMessage[];
  statuses?: WaStatus[];
  errors?: { code: number; title: string; message?: string }[];
};

export type WaChange =
  | { field: "messages"; value: WaMessagesValue }
  | { field: "message_template_status_update"; value: { event: string; message_template_id: number | string; message_template_name: string; message_template_language: string; reason?: string | null } }
  | { field: "message_template_quality_update"; value: { previous_quality_score?: string; new_quality_score: string; message_template_id: number | string; message_template_name: string; message_template_language: string } }
  | { field: "phone_number_quality_update"; value: { display_phone_number: string; event: string; current_limit?: string } }
  | { field: "account_alerts" | string; value: Record<string, unknown> };

export type WaWebhookPayload = { object: "whatsapp_business_account"; entry: { id: string; changes: WaChange[] }[] };
