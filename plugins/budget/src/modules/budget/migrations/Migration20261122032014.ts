import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122032014 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "budget_movement" drop constraint if exists "budget_movement_idempotency_key_unique";`)
    this.addSql(`alter table if exists "budget_key" drop constraint if exists "budget_key_clave_unique";`)
    this.addSql(
      `create table if not exists "budget_key" ("id" text not null, "organization_id" text not null, "unit_id" text null, "clave" text not null, "fiscal_year" integer not null, "ramo" text not null, "unidad_responsable" text not null, "programa_presupuestario" text not null, "partida_especifica" text not null, "fuente_financiamiento" text not null, "entidad_federativa" text not null, "description" text null, "provider" text check ("provider" in ('own_resources', 'sicop_siaff')) not null default 'own_resources', "currency_code" text not null default 'mxn', "aprobado" numeric not null default 0, "modificado" numeric not null default 0, "reservado" numeric not null default 0, "comprometido" numeric not null default 0, "devengado" numeric not null default 0, "ejercido" numeric not null default 0, "pagado" numeric not null default 0, "is_active" boolean not null default true, "metadata" jsonb null, "raw_aprobado" jsonb not null default '{"value":"0","precision":20}', "raw_modificado" jsonb not null default '{"value":"0","precision":20}', "raw_reservado" jsonb not null default '{"value":"0","precision":20}', "raw_comprometido" jsonb not null default '{"value":"0","precision":20}', "raw_devengado" jsonb not null default '{"value":"0","precision":20}', "raw_ejercido" jsonb not null default '{"value":"0","precision":20}', "raw_pagado" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "budget_key_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_budget_key_deleted_at" ON "budget_key" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_budget_key_clave_unique" ON "budget_key" ("clave") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_budget_key_organization_id_fiscal_year" ON "budget_key" ("organization_id", "fiscal_year") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "budget_movement" ("id" text not null, "type" text check ("type" in ('reserve', 'commit', 'release', 'accrue', 'exercise', 'pay', 'reversal')) not null, "from_stage" text check ("from_stage" in ('disponible', 'reservado', 'comprometido', 'devengado', 'ejercido', 'pagado')) not null, "to_stage" text check ("to_stage" in ('disponible', 'reservado', 'comprometido', 'devengado', 'ejercido', 'pagado')) not null, "amount" numeric not null, "currency_code" text not null default 'mxn', "parent_id" text null, "reference_type" text check ("reference_type" in ('requisition', 'order', 'contract', 'invoice', 'clc', 'payment')) not null, "reference_id" text not null, "idempotency_key" text not null, "actor_id" text null, "external_ref" text null, "budget_key_id" text not null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "budget_movement_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_budget_movement_budget_key_id" ON "budget_movement" ("budget_key_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_budget_movement_deleted_at" ON "budget_movement" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_budget_movement_idempotency_key_unique" ON "budget_movement" ("idempotency_key") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_budget_movement_budget_key_id_created_at" ON "budget_movement" ("budget_key_id", "created_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_budget_movement_parent_id" ON "budget_movement" ("parent_id") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_budget_movement_reference_type_reference_id" ON "budget_movement" ("reference_type", "reference_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `alter table if exists "budget_movement" add constraint "budget_movement_budget_key_id_foreign" foreign key ("budget_key_id") references "budget_key" ("id") on update cascade;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "budget_movement" drop constraint if exists "budget_movement_budget_key_id_foreign";`)

    this.addSql(`drop table if exists "budget_key" cascade;`)

    this.addSql(`drop table if exists "budget_movement" cascade;`)
  }
}
