CREATE TABLE "phone_documents" (
	"token_sha256" text PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "phone_documents" ADD CONSTRAINT "phone_documents_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phone_documents_expires_idx" ON "phone_documents" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "phone_documents_device_idx" ON "phone_documents" USING btree ("device_id","expires_at");