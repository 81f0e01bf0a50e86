CREATE TYPE "public"."ai_provider" AS ENUM('OPENAI', 'ANTHROPIC', 'GOOGLE', 'DEEPSEEK', 'KIMI', 'LOCAL');--> statement-breakpoint
CREATE TYPE "public"."bot_media_kind" AS ENUM('IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT');--> statement-breakpoint
CREATE TYPE "public"."connection_auth" AS ENUM('NONE', 'BEARER', 'BASIC', 'API_KEY');--> statement-breakpoint
CREATE TYPE "public"."bot_document_status" AS ENUM('PENDING', 'PROCESSING', 'READY', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."bot_intent_action" AS ENUM('REPLY', 'ASK', 'TOOL', 'HANDOFF', 'END');--> statement-breakpoint
CREATE TYPE "public"."bot_session_closure" AS ENUM('RESOLVED_CONFIRMED', 'ABANDONED', 'ESCALATED');--> statement-breakpoint
CREATE TYPE "public"."bot_trace_outcome" AS ENUM('ANSWERED', 'INTENT', 'HANDOFF', 'FALLBACK', 'SKIPPED', 'ERROR');--> statement-breakpoint
CREATE TYPE "public"."bot_trace_source" AS ENUM('WHATSAPP', 'SANDBOX', 'TEST');--> statement-breakpoint
ALTER TYPE "public"."notification_type" ADD VALUE 'HANDOFF';--> statement-breakpoint
CREATE TABLE "bot_chunks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_chunks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"document_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"content" text NOT NULL,
	"location" text,
	"token_count" integer DEFAULT 0 NOT NULL,
	"embedding" real[],
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('spanish', content) || to_tsvector('english', content)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_configs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_configs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"preset_id" bigint,
	"provider" "ai_provider",
	"model" text,
	"base_url" text,
	"api_key_enc" text,
	"embedding_model" text,
	"temperature" real DEFAULT 0.3 NOT NULL,
	"max_tokens" integer DEFAULT 500 NOT NULL,
	"system_prompt" text DEFAULT '' NOT NULL,
	"prompt_version" integer DEFAULT 1 NOT NULL,
	"welcome_message" text,
	"fallback_message" text,
	"handoff_message" text,
	"confidence_threshold" real DEFAULT 0.5 NOT NULL,
	"language" text DEFAULT 'es' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"activated_at" timestamp with time zone,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"file_id" bigint,
	"filename" text,
	"mime_type" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"status" "bot_document_status" DEFAULT 'PENDING' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"error" text,
	"page_count" integer,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"embedding_model" text,
	"created_by_id" bigint,
	"processed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_feedback" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"message_id" bigint NOT NULL,
	"conversation_id" bigint NOT NULL,
	"user_id" bigint,
	"rating" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_intents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_intents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"config_id" bigint NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"patterns" text[] DEFAULT '{}'::text[] NOT NULL,
	"examples" text[] DEFAULT '{}'::text[] NOT NULL,
	"action" "bot_intent_action" DEFAULT 'REPLY' NOT NULL,
	"response" text,
	"media_id" bigint,
	"tool_id" bigint,
	"team_id" bigint,
	"action_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_media" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_media_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" "bot_media_kind" NOT NULL,
	"file_id" bigint NOT NULL,
	"thumbnail_file_id" bigint,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_presets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_presets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"provider" "ai_provider" NOT NULL,
	"model" text NOT NULL,
	"base_url" text,
	"api_key_enc" text,
	"embedding_model" text,
	"temperature" real,
	"max_tokens" integer,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_prompt_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_prompt_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"config_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"system_prompt" text NOT NULL,
	"note" text,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_sessions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"conversation_id" bigint NOT NULL,
	"config_id" bigint,
	"turns" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_turn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"closure_type" "bot_session_closure"
);
--> statement-breakpoint
CREATE TABLE "bot_settings" (
	"org_id" bigint PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"mode" jsonb NOT NULL,
	"writing_assist" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"config_id" bigint,
	"name" text NOT NULL,
	"note" text,
	"payload" jsonb NOT NULL,
	"size" integer NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_templates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text,
	"category" text,
	"is_published" boolean DEFAULT false NOT NULL,
	"payload" jsonb NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_tools" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_tools_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"method" text DEFAULT 'GET' NOT NULL,
	"url" text NOT NULL,
	"connection_id" bigint,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"query" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body_template" text,
	"parameters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"response_path" text,
	"timeout_ms" integer DEFAULT 10000 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"available_to_agents" boolean DEFAULT false NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_traces" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bot_traces_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"trace_id" text NOT NULL,
	"org_id" bigint NOT NULL,
	"config_id" bigint,
	"conversation_id" bigint,
	"message_id" bigint,
	"source" "bot_trace_source" NOT NULL,
	"input" text NOT NULL,
	"output" text,
	"outcome" "bot_trace_outcome" NOT NULL,
	"intent_id" bigint,
	"confidence" real,
	"provider" text,
	"model" text,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"passages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tool_calls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"input_tokens" integer DEFAULT 0 NOT NULL,
	"output_tokens" integer DEFAULT 0 NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_usage" (
	"org_id" bigint NOT NULL,
	"month" text NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"cost_micros" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_usage_org_id_month_pk" PRIMARY KEY("org_id","month")
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "connections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"base_url" text NOT NULL,
	"auth_type" "connection_auth" DEFAULT 'NONE' NOT NULL,
	"secrets_enc" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_tested_at" timestamp with time zone,
	"last_test_ok" boolean,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_chunks" ADD CONSTRAINT "bot_chunks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_chunks" ADD CONSTRAINT "bot_chunks_document_id_bot_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."bot_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_configs" ADD CONSTRAINT "bot_configs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_configs" ADD CONSTRAINT "bot_configs_preset_id_bot_presets_id_fk" FOREIGN KEY ("preset_id") REFERENCES "public"."bot_presets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_configs" ADD CONSTRAINT "bot_configs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_documents" ADD CONSTRAINT "bot_documents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_documents" ADD CONSTRAINT "bot_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_documents" ADD CONSTRAINT "bot_documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_feedback" ADD CONSTRAINT "bot_feedback_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_feedback" ADD CONSTRAINT "bot_feedback_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_feedback" ADD CONSTRAINT "bot_feedback_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_feedback" ADD CONSTRAINT "bot_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_intents" ADD CONSTRAINT "bot_intents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_intents" ADD CONSTRAINT "bot_intents_config_id_bot_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."bot_configs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_intents" ADD CONSTRAINT "bot_intents_media_id_bot_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."bot_media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_intents" ADD CONSTRAINT "bot_intents_tool_id_bot_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."bot_tools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_intents" ADD CONSTRAINT "bot_intents_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_media" ADD CONSTRAINT "bot_media_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_media" ADD CONSTRAINT "bot_media_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_media" ADD CONSTRAINT "bot_media_thumbnail_file_id_stored_files_id_fk" FOREIGN KEY ("thumbnail_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_media" ADD CONSTRAINT "bot_media_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_presets" ADD CONSTRAINT "bot_presets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_presets" ADD CONSTRAINT "bot_presets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_prompt_versions" ADD CONSTRAINT "bot_prompt_versions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_prompt_versions" ADD CONSTRAINT "bot_prompt_versions_config_id_bot_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."bot_configs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_prompt_versions" ADD CONSTRAINT "bot_prompt_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_sessions" ADD CONSTRAINT "bot_sessions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_sessions" ADD CONSTRAINT "bot_sessions_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_sessions" ADD CONSTRAINT "bot_sessions_config_id_bot_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."bot_configs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_settings" ADD CONSTRAINT "bot_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_snapshots" ADD CONSTRAINT "bot_snapshots_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_snapshots" ADD CONSTRAINT "bot_snapshots_config_id_bot_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."bot_configs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_snapshots" ADD CONSTRAINT "bot_snapshots_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_templates" ADD CONSTRAINT "bot_templates_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_tools" ADD CONSTRAINT "bot_tools_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_tools" ADD CONSTRAINT "bot_tools_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_tools" ADD CONSTRAINT "bot_tools_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_traces" ADD CONSTRAINT "bot_traces_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_traces" ADD CONSTRAINT "bot_traces_config_id_bot_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."bot_configs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_traces" ADD CONSTRAINT "bot_traces_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_traces" ADD CONSTRAINT "bot_traces_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_traces" ADD CONSTRAINT "bot_traces_intent_id_bot_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."bot_intents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_usage" ADD CONSTRAINT "bot_usage_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_chunks_document_idx" ON "bot_chunks" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "bot_chunks_org_idx" ON "bot_chunks" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "bot_chunks_search_idx" ON "bot_chunks" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "bot_configs_one_active" ON "bot_configs" USING btree ("org_id") WHERE "bot_configs"."is_active";--> statement-breakpoint
CREATE INDEX "bot_configs_org_idx" ON "bot_configs" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "bot_documents_org_idx" ON "bot_documents" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bot_feedback_message_user_key" ON "bot_feedback" USING btree ("message_id","user_id");--> statement-breakpoint
CREATE INDEX "bot_feedback_org_idx" ON "bot_feedback" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "bot_intents_config_position_idx" ON "bot_intents" USING btree ("config_id","position");--> statement-breakpoint
CREATE INDEX "bot_media_org_idx" ON "bot_media" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bot_presets_org_name_key" ON "bot_presets" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "bot_prompt_versions_config_version_key" ON "bot_prompt_versions" USING btree ("config_id","version");--> statement-breakpoint
CREATE INDEX "bot_sessions_org_started_idx" ON "bot_sessions" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bot_sessions_one_open" ON "bot_sessions" USING btree ("conversation_id") WHERE "bot_sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "bot_snapshots_org_idx" ON "bot_snapshots" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bot_templates_slug_key" ON "bot_templates" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "bot_tools_org_name_key" ON "bot_tools" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "bot_traces_trace_id_key" ON "bot_traces" USING btree ("trace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bot_traces_message_key" ON "bot_traces" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "bot_traces_org_created_idx" ON "bot_traces" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "bot_traces_conversation_idx" ON "bot_traces" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "connections_org_name_key" ON "connections" USING btree ("org_id",lower("name"));