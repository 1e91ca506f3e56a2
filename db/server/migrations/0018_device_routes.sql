CREATE TABLE "device_route_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"route_code" text NOT NULL,
	"action" text NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_route_changes_action_check" CHECK ("device_route_changes"."action" in ('assign', 'unassign'))
);
--> statement-breakpoint
CREATE TABLE "device_routes" (
	"device_id" uuid NOT NULL,
	"route_code" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" text NOT NULL,
	CONSTRAINT "device_routes_device_id_route_code_pk" PRIMARY KEY("device_id","route_code"),
	CONSTRAINT "device_routes_code_check" CHECK ("device_routes"."route_code" ~ '^[0-9]{2}(-[0-9]{3})?$')
);
--> statement-breakpoint
ALTER TABLE "device_route_changes" ADD CONSTRAINT "device_route_changes_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_routes" ADD CONSTRAINT "device_routes_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_route_changes_device_idx" ON "device_route_changes" USING btree ("device_id","route_code","at");