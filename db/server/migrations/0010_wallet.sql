CREATE TABLE "bank_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"bank_code" text NOT NULL,
	"collected_on" text NOT NULL,
	"records" integer NOT NULL,
	"total_amount" bigint NOT NULL,
	"summary" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" text NOT NULL,
	CONSTRAINT "bank_files_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "bank_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"record_key" text NOT NULL,
	"reference" text NOT NULL,
	"amount" bigint NOT NULL,
	"raw_line" text NOT NULL,
	"outcome" text NOT NULL,
	"liquidation_id" uuid,
	CONSTRAINT "bank_records_record_key_unique" UNIQUE("record_key"),
	CONSTRAINT "bank_records_outcome_check" CHECK ("bank_records"."outcome" in ('applied', 'unknown-reference', 'amount-mismatch'))
);
--> statement-breakpoint
CREATE TABLE "gateway_events" (
	"event_key" text PRIMARY KEY NOT NULL,
	"transaction_id" text NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text NOT NULL,
	"source" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_transactions" (
	"reference" text PRIMARY KEY NOT NULL,
	"liquidation_id" uuid NOT NULL,
	"amount_in_cents" bigint NOT NULL,
	"currency" text DEFAULT 'COP' NOT NULL,
	"transaction_id" text,
	"status" text DEFAULT 'CREATED' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_transactions_transaction_id_unique" UNIQUE("transaction_id")
);
--> statement-breakpoint
CREATE TABLE "liquidation_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"liquidation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"source_key" text NOT NULL,
	"amount" bigint NOT NULL,
	"outcome" text NOT NULL,
	"transfer_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liquidation_payments_source_key_unique" UNIQUE("source_key"),
	CONSTRAINT "liquidation_payments_channel_check" CHECK ("liquidation_payments"."channel" in ('gateway', 'bank', 'counter')),
	CONSTRAINT "liquidation_payments_outcome_check" CHECK ("liquidation_payments"."outcome" in ('paid', 'late', 'extra')),
	CONSTRAINT "liquidation_payments_amount_check" CHECK ("liquidation_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "liquidations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"kind" text DEFAULT 'prepago' NOT NULL,
	"doc_type" text NOT NULL,
	"doc_number" text NOT NULL,
	"client" jsonb NOT NULL,
	"amount" bigint NOT NULL,
	"state" text DEFAULT 'pendiente' NOT NULL,
	"recovery_code" text NOT NULL,
	"terms_acceptance_id" uuid,
	"device_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_via" text,
	"annulled_at" timestamp with time zone,
	"annulled_by" text,
	CONSTRAINT "liquidations_number_unique" UNIQUE("number"),
	CONSTRAINT "liquidations_recovery_code_unique" UNIQUE("recovery_code"),
	CONSTRAINT "liquidations_kind_check" CHECK ("liquidations"."kind" in ('prepago')),
	CONSTRAINT "liquidations_state_check" CHECK ("liquidations"."state" in ('pendiente', 'pagada', 'vencida', 'anulada')),
	CONSTRAINT "liquidations_amount_check" CHECK ("liquidations"."amount" > 0),
	CONSTRAINT "liquidations_paid_via_check" CHECK ("liquidations"."paid_via" is null or "liquidations"."paid_via" in ('gateway', 'bank', 'counter'))
);
--> statement-breakpoint
CREATE TABLE "wallet_clave_resets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"holder_id" uuid NOT NULL,
	"token_sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "wallet_clave_resets_token_sha256_unique" UNIQUE("token_sha256")
);
--> statement-breakpoint
CREATE TABLE "wallet_holders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"doc_type" text NOT NULL,
	"doc_number" text NOT NULL,
	"person_kind" text NOT NULL,
	"identity" jsonb NOT NULL,
	"email" text NOT NULL,
	"mobile" text NOT NULL,
	"landline" text,
	"address" text NOT NULL,
	"municipality" text NOT NULL,
	"clave_hash" text,
	"clave_issued_at" timestamp with time zone,
	"clave_failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_holders_identification_key" UNIQUE("doc_type","doc_number"),
	CONSTRAINT "wallet_holders_person_kind_check" CHECK ("wallet_holders"."person_kind" in ('natural', 'juridica'))
);
--> statement-breakpoint
CREATE TABLE "wallet_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"source_key" text NOT NULL,
	"liquidation_id" uuid,
	"amount" bigint,
	"raw" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"resolution" text,
	"resolution_note" text,
	"resolution_transfer_id" uuid,
	CONSTRAINT "wallet_reviews_source_key" UNIQUE("kind","source_key"),
	CONSTRAINT "wallet_reviews_kind_check" CHECK ("wallet_reviews"."kind" in ('paid-after-expiry', 'paid-twice', 'unknown-reference', 'amount-mismatch', 'gateway-mismatch')),
	CONSTRAINT "wallet_reviews_channel_check" CHECK ("wallet_reviews"."channel" in ('gateway', 'bank', 'counter'))
);
--> statement-breakpoint
CREATE TABLE "wallet_support_mails" (
	"payment_id" uuid PRIMARY KEY NOT NULL,
	"mail_id" uuid,
	"clave_issued" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallet_terms_acceptances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"doc_type" text NOT NULL,
	"doc_number" text NOT NULL,
	"terms_version" text NOT NULL,
	"text_sha256" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"device_id" uuid
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "bank_records" ADD CONSTRAINT "bank_records_file_id_bank_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."bank_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_records" ADD CONSTRAINT "bank_records_liquidation_id_liquidations_id_fk" FOREIGN KEY ("liquidation_id") REFERENCES "public"."liquidations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_transactions" ADD CONSTRAINT "gateway_transactions_liquidation_id_liquidations_id_fk" FOREIGN KEY ("liquidation_id") REFERENCES "public"."liquidations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_payments" ADD CONSTRAINT "liquidation_payments_liquidation_id_liquidations_id_fk" FOREIGN KEY ("liquidation_id") REFERENCES "public"."liquidations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_payments" ADD CONSTRAINT "liquidation_payments_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidations" ADD CONSTRAINT "liquidations_terms_acceptance_id_wallet_terms_acceptances_id_fk" FOREIGN KEY ("terms_acceptance_id") REFERENCES "public"."wallet_terms_acceptances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidations" ADD CONSTRAINT "liquidations_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_clave_resets" ADD CONSTRAINT "wallet_clave_resets_holder_id_wallet_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."wallet_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_reviews" ADD CONSTRAINT "wallet_reviews_liquidation_id_liquidations_id_fk" FOREIGN KEY ("liquidation_id") REFERENCES "public"."liquidations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_reviews" ADD CONSTRAINT "wallet_reviews_resolution_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("resolution_transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_support_mails" ADD CONSTRAINT "wallet_support_mails_payment_id_liquidation_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."liquidation_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_terms_acceptances" ADD CONSTRAINT "wallet_terms_acceptances_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_records_file_idx" ON "bank_records" USING btree ("file_id","line_number");--> statement-breakpoint
CREATE INDEX "gateway_transactions_open_idx" ON "gateway_transactions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "liquidation_payments_liquidation_idx" ON "liquidation_payments" USING btree ("liquidation_id");--> statement-breakpoint
CREATE INDEX "liquidations_identification_idx" ON "liquidations" USING btree ("doc_type","doc_number");--> statement-breakpoint
CREATE INDEX "liquidations_pending_idx" ON "liquidations" USING btree ("state","expires_at");--> statement-breakpoint
CREATE INDEX "wallet_reviews_open_idx" ON "wallet_reviews" USING btree ("resolved_at","created_at");--> statement-breakpoint
CREATE INDEX "wallet_terms_acceptances_identification_idx" ON "wallet_terms_acceptances" USING btree ("doc_type","doc_number");--> statement-breakpoint
-- Liquidación numbers citizens read start at six digits.
ALTER SEQUENCE "liquidations_number_seq" RESTART WITH 100001;
--> statement-breakpoint
-- A payment that reached a liquidación is a record of money: never changed or removed (a
-- correction is a ledger transfer and a review's resolution).
CREATE FUNCTION wallet_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'los registros de % no se modifican ni se borran', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER liquidation_payments_immutable BEFORE UPDATE OR DELETE ON liquidation_payments
  FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_records_immutable BEFORE UPDATE OR DELETE ON bank_records
  FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
--> statement-breakpoint
CREATE TRIGGER wallet_reviews_kept BEFORE DELETE ON wallet_reviews
  FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
