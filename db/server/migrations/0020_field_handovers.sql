-- The entrega de recaudo of field laptops (docs/field-mode.md): a collector's days handed over at
-- the office, counted by a supervisor; and the index that reads a cash session's payments.
CREATE TABLE "field_handover_days" (
	"handover_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"payments" integer NOT NULL,
	"amount" integer NOT NULL,
	"cash" integer NOT NULL,
	"transfer" integer NOT NULL,
	"server_payments" integer NOT NULL,
	"server_amount" integer NOT NULL,
	CONSTRAINT "field_handover_days_handover_id_session_id_pk" PRIMARY KEY("handover_id","session_id"),
	CONSTRAINT "field_handover_days_session_id_unique" UNIQUE("session_id"),
	CONSTRAINT "field_handover_days_figures_check" CHECK ("field_handover_days"."payments" >= 0 AND "field_handover_days"."cash" >= 0 AND "field_handover_days"."transfer" >= 0)
);
--> statement-breakpoint
CREATE TABLE "field_handovers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"collector" text NOT NULL,
	"supervisor" text NOT NULL,
	"handed_at" timestamp with time zone NOT NULL,
	"expected_cash" integer NOT NULL,
	"expected_transfer" integer NOT NULL,
	"counted_cash" integer NOT NULL,
	"counted_transfer" integer NOT NULL,
	"difference" integer NOT NULL,
	"matches_server" boolean NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "field_handover_days" ADD CONSTRAINT "field_handover_days_handover_id_field_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."field_handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_handover_days" ADD CONSTRAINT "field_handover_days_session_id_cash_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cash_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_handovers" ADD CONSTRAINT "field_handovers_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_handovers_device_idx" ON "field_handovers" USING btree ("device_id","handed_at");--> statement-breakpoint
CREATE INDEX "payments_cash_session_idx" ON "payments" USING btree ("cash_session_id") WHERE "payments"."cash_session_id" is not null;