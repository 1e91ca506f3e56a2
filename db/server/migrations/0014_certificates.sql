CREATE TABLE "certificate_purchases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"receipt_number" bigserial NOT NULL,
	"device_id" uuid NOT NULL,
	"purchase_key" text NOT NULL,
	"doc_type" text NOT NULL,
	"doc_number" text NOT NULL,
	"matricula_number" text NOT NULL,
	"certificate_code" text NOT NULL,
	"copies" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	"hold_transfer_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificate_purchases_receipt_number_unique" UNIQUE("receipt_number"),
	CONSTRAINT "certificate_purchases_device_key" UNIQUE("device_id","purchase_key"),
	CONSTRAINT "certificate_purchases_copies_check" CHECK ("certificate_purchases"."copies" between 1 and 10),
	CONSTRAINT "certificate_purchases_price_check" CHECK ("certificate_purchases"."unit_price" > 0)
);
--> statement-breakpoint
CREATE TABLE "issued_certificate_pdfs" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"pdf" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issued_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purchase_id" uuid NOT NULL,
	"copy" integer NOT NULL,
	"verification_code" text NOT NULL,
	"certificate_code" text NOT NULL,
	"title" text NOT NULL,
	"matricula_number" text NOT NULL,
	"business_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"outcome_detail" text,
	"outcome_at" timestamp with time zone,
	"resolved_by" text,
	"outcome_transfer_id" uuid,
	"pdf_sha256" text NOT NULL,
	CONSTRAINT "issued_certificates_verification_code_unique" UNIQUE("verification_code"),
	CONSTRAINT "issued_certificates_purchase_copy" UNIQUE("purchase_id","copy"),
	CONSTRAINT "issued_certificates_state_check" CHECK ("issued_certificates"."state" in ('held', 'delivered', 'refunded', 'unknown'))
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_kind_check";--> statement-breakpoint
ALTER TABLE "certificate_purchases" ADD CONSTRAINT "certificate_purchases_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_purchases" ADD CONSTRAINT "certificate_purchases_hold_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("hold_transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_certificate_pdfs" ADD CONSTRAINT "issued_certificate_pdfs_certificate_id_issued_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."issued_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_certificates" ADD CONSTRAINT "issued_certificates_purchase_id_certificate_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."certificate_purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_certificates" ADD CONSTRAINT "issued_certificates_outcome_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("outcome_transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_purchases_identification_idx" ON "certificate_purchases" USING btree ("doc_type","doc_number");--> statement-breakpoint
CREATE INDEX "issued_certificates_open_idx" ON "issued_certificates" USING btree ("state","issued_at");--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_kind_check" CHECK ("ledger_accounts"."kind" in ('wallet', 'gateway-clearing', 'bank-clearing', 'cash-session', 'certificate-holds', 'certificate-revenue', 'refunds'));--> statement-breakpoint
-- A purchase and the PDF of each copy are records of money and of what was certified: never
-- changed or removed. A copy changes only in how its delivery ended, and never back.
CREATE TRIGGER certificate_purchases_immutable BEFORE UPDATE OR DELETE ON certificate_purchases
  FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
--> statement-breakpoint
CREATE TRIGGER issued_certificate_pdfs_immutable BEFORE UPDATE OR DELETE ON issued_certificate_pdfs
  FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
--> statement-breakpoint
CREATE FUNCTION issued_certificate_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'los certificados expedidos no se borran' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.purchase_id, NEW.copy, NEW.verification_code, NEW.certificate_code, NEW.title,
      NEW.matricula_number, NEW.business_name, NEW.issued_at, NEW.pdf_sha256)
     IS DISTINCT FROM
     (OLD.id, OLD.purchase_id, OLD.copy, OLD.verification_code, OLD.certificate_code, OLD.title,
      OLD.matricula_number, OLD.business_name, OLD.issued_at, OLD.pdf_sha256) THEN
    RAISE EXCEPTION 'lo que dice un certificado expedido no cambia' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.state IN ('delivered', 'refunded') AND NEW.state IS DISTINCT FROM OLD.state THEN
    RAISE EXCEPTION 'un certificado % no cambia de estado', OLD.state USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER issued_certificates_guard BEFORE UPDATE OR DELETE ON issued_certificates
  FOR EACH ROW EXECUTE FUNCTION issued_certificate_guard();
