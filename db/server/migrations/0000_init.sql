CREATE TABLE "bills" (
	"bill_number" bigint PRIMARY KEY NOT NULL,
	"codigo_interno" integer NOT NULL,
	"period" text NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"suspension_on" date NOT NULL,
	"previous_reading" integer NOT NULL,
	"current_reading" integer NOT NULL,
	"consumption_m3" integer NOT NULL,
	"line_items" jsonb NOT NULL,
	"previous_balance" integer NOT NULL,
	"total" integer NOT NULL,
	"state" text NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "bills_state_check" CHECK ("bills"."state" in ('pagada', 'pendiente', 'vencida', 'anulada'))
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"mode" text NOT NULL,
	"scope" text,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "devices_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "devices_mode_check" CHECK ("devices"."mode" in ('kiosk', 'cashier', 'field'))
);
--> statement-breakpoint
CREATE TABLE "enrollment_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"device_name" text NOT NULL,
	"mode" text NOT NULL,
	"scope" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_device_id" uuid,
	CONSTRAINT "enrollment_codes_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "enrollment_codes_mode_check" CHECK ("enrollment_codes"."mode" in ('kiosk', 'cashier', 'field'))
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"codigo_interno" integer NOT NULL,
	"bill_number" bigint NOT NULL,
	"period" text NOT NULL,
	"amount" integer NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"reference" text NOT NULL,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_channel_check" CHECK ("payments"."channel" in ('banco', 'caja', 'en-linea', 'corresponsal'))
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"pin_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_username_unique" UNIQUE("username"),
	CONSTRAINT "staff_users_role_check" CHECK ("staff_users"."role" in ('cajero', 'supervisor', 'soporte', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"codigo_interno" integer PRIMARY KEY NOT NULL,
	"codigo_ruta" text NOT NULL,
	"holder_name" text NOT NULL,
	"estrato" smallint NOT NULL,
	"uso" text NOT NULL,
	"address" text NOT NULL,
	"neighborhood" text NOT NULL,
	"municipality" text NOT NULL,
	"meter_serial" text NOT NULL,
	CONSTRAINT "subscribers_estrato_check" CHECK ("subscribers"."estrato" between 1 and 6),
	CONSTRAINT "subscribers_uso_check" CHECK ("subscribers"."uso" in ('residencial', 'comercial', 'industrial', 'oficial'))
);
--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_codigo_interno_subscribers_codigo_interno_fk" FOREIGN KEY ("codigo_interno") REFERENCES "public"."subscribers"("codigo_interno") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_codes" ADD CONSTRAINT "enrollment_codes_used_by_device_id_devices_id_fk" FOREIGN KEY ("used_by_device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_codigo_interno_subscribers_codigo_interno_fk" FOREIGN KEY ("codigo_interno") REFERENCES "public"."subscribers"("codigo_interno") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_bill_number_bills_bill_number_fk" FOREIGN KEY ("bill_number") REFERENCES "public"."bills"("bill_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bills_subscriber_period_idx" ON "bills" USING btree ("codigo_interno","period");--> statement-breakpoint
CREATE INDEX "enrollment_codes_expires_idx" ON "enrollment_codes" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "payments_subscriber_idx" ON "payments" USING btree ("codigo_interno","paid_at");--> statement-breakpoint
CREATE INDEX "subscribers_ruta_idx" ON "subscribers" USING btree ("codigo_ruta");