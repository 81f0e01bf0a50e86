import type { Contract } from "./contract";
import * as apiKeys from "./contracts/api-keys";
import * as auth from "./contracts/auth";
import * as botConfig from "./contracts/bot-config";
import * as botIntents from "./contracts/bot-intents";
import * as botFeedback from "./contracts/bot-feedback";
import * as botKnowledge from "./contracts/bot-knowledge";
import * as botLibrary from "./contracts/bot-library";
import * as botMedia from "./contracts/bot-media";
import * as botMetrics from "./contracts/bot-metrics";
import * as botPresets from "./contracts/bot-presets";
import * as botRuntime from "./contracts/bot-runtime";
import * as botTemplates from "./contracts/bot-templates";
import * as botTools from "./contracts/bot-tools";
import * as connections from "./contracts/connections";
import * as contacts from "./contracts/contacts";
import * as conversationMessages from "./contracts/conversation-messages";
import * as conversations from "./contracts/conversations";
import * as dev from "./contracts/dev";
import * as devSimulate from "./contracts/dev-simulate";
import * as invitations from "./contracts/invitations";
import * as messages from "./contracts/messages";
import * as messagesMedia from "./contracts/messages-media";
import * as notifications from "./contracts/notifications";
import * as profile from "./contracts/profile";
import * as quickReplies from "./contracts/quick-replies";
import * as sandbox from "./contracts/sandbox";
import * as system from "./contracts/system";
import * as tags from "./contracts/tags";
import * as teams from "./contracts/teams";
import * as templateSend from "./contracts/template-send";
import * as templates from "./contracts/templates";
import * as users from "./contracts/users";
import * as whatsappAccounts from "./contracts/whatsapp-accounts";
import * as writingAssist from "./contracts/writing-assist";

const isContract = (v: unknown): v is Contract =>
  typeof v === "object" && v !== null && "method" in v && "path" in v && "access" in v && "summary" in v;

/** Every operation of the CX API: the source of the OpenAPI document, the parity test and the generated checks. */
export const CONTRACTS: Contract[] = [system, auth, profile, users, invitations, apiKeys, dev, messages, messagesMedia, whatsappAccounts, templates, templateSend, contacts, sandbox, devSimulate, conversations, conversationMessages, notifications, tags, quickReplies, teams, botRuntime, botKnowledge, botConfig, botPresets, botIntents, botLibrary, botMedia, botMetrics, botFeedback, botTemplates, botTools, connections, writingAssist].flatMap((m) => Object.values(m).filter(isContract));
