CREATE TABLE "registry_ciiu_activities" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_matriculas" (
	"number" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"name" text NOT NULL,
	"sigla" text,
	"name_key" text NOT NULL,
	"nit" text,
	"organization_type" text NOT NULL,
	"matriculated_on" date NOT NULL,
	"last_renewed_year" integer NOT NULL,
	"renewed_on" date NOT NULL,
	"cancelled_on" date,
	"domicile" text NOT NULL,
	"size" text NOT NULL,
	"owner_number" text,
	"details" jsonb NOT NULL,
	CONSTRAINT "registry_matriculas_kind_check" CHECK ("registry_matriculas"."kind" in ('persona-natural', 'sociedad', 'establecimiento', 'esal')),
	CONSTRAINT "registry_matriculas_state_check" CHECK ("registry_matriculas"."state" in ('activa', 'cancelada')),
	CONSTRAINT "registry_matriculas_organization_type_check" CHECK ("registry_matriculas"."organization_type" in ('persona-natural', 'establecimiento-de-comercio', 'sas', 'sa', 'ltda', 'comandita-simple', 'asociacion', 'fundacion', 'corporacion')),
	CONSTRAINT "registry_matriculas_size_check" CHECK ("registry_matriculas"."size" in ('micro', 'pequena', 'mediana', 'grande')),
	CONSTRAINT "registry_matriculas_number_check" CHECK ("registry_matriculas"."number" ~ '^[0-9]{1,12}$'),
	CONSTRAINT "registry_matriculas_nit_check" CHECK ("registry_matriculas"."nit" is null or "registry_matriculas"."nit" ~ '^[0-9]{2,16}$'),
	CONSTRAINT "registry_matriculas_cancelled_check" CHECK (("registry_matriculas"."state" = 'cancelada') = ("registry_matriculas"."cancelled_on" is not null)),
	CONSTRAINT "registry_matriculas_owner_check" CHECK (("registry_matriculas"."kind" = 'establecimiento') = ("registry_matriculas"."owner_number" is not null))
);
--> statement-breakpoint
ALTER TABLE "registry_matriculas" ADD CONSTRAINT "registry_matriculas_owner_fk" FOREIGN KEY ("owner_number") REFERENCES "public"."registry_matriculas"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_matriculas_nit_idx" ON "registry_matriculas" USING btree ("nit");--> statement-breakpoint
CREATE INDEX "registry_matriculas_owner_idx" ON "registry_matriculas" USING btree ("owner_number");--> statement-breakpoint
CREATE INDEX "registry_matriculas_name_prefix_idx" ON "registry_matriculas" USING btree ("name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "registry_matriculas_name_words_idx" ON "registry_matriculas" USING gin (to_tsvector('simple', "name_key"));