import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122021819 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "role_permission" drop constraint if exists "role_permission_role_permission_unique";`)
    this.addSql(`alter table if exists "person" drop constraint if exists "person_actor_type_actor_id_unique";`)
    this.addSql(`alter table if exists "person" drop constraint if exists "person_email_unique";`)
    this.addSql(`alter table if exists "organization_unit" drop constraint if exists "organization_unit_organization_id_code_unique";`)
    this.addSql(`alter table if exists "organization" drop constraint if exists "organization_rfc_unique";`)
    this.addSql(
      `create table if not exists "organization" ("id" text not null, "kind" text check ("kind" in ('shcp', 'agency', 'supplier', 'civil_society')) not null, "rfc" text not null, "legal_name" text not null, "short_name" text null, "regimen_fiscal" text not null, "codigo_postal" text not null, "state_code" text null, "ramo" text null, "agency_type" text check ("agency_type" in ('dependencia', 'entidad', 'organo_desconcentrado')) null, "sme_size" text check ("sme_size" in ('micro', 'pequena', 'mediana', 'grande')) null, "email" text null, "phone" text null, "is_active" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "organization_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_deleted_at" ON "organization" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_organization_rfc_unique" ON "organization" ("rfc") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_kind" ON "organization" ("kind") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "organization_unit" ("id" text not null, "code" text not null, "name" text not null, "kind" text check ("kind" in ('purchasing_unit', 'requiring_area', 'budget_area', 'contract_administration', 'reception', 'finance', 'headquarters')) not null, "state_code" text not null, "codigo_postal" text not null, "address" text null, "is_active" boolean not null default true, "organization_id" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "organization_unit_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_organization_unit_organization_id" ON "organization_unit" ("organization_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_organization_unit_deleted_at" ON "organization_unit" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_organization_unit_organization_id_code_unique" ON "organization_unit" ("organization_id", "code") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "person" ("id" text not null, "full_name" text not null, "email" text not null, "rfc" text not null, "position" text null, "actor_type" text check ("actor_type" in ('user', 'customer', 'supplier', 'observer', 'auditor')) not null, "actor_id" text not null, "is_active" boolean not null default true, "organization_id" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "person_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_person_organization_id" ON "person" ("organization_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_person_deleted_at" ON "person" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_person_email_unique" ON "person" ("email") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_person_actor_type_actor_id_unique" ON "person" ("actor_type", "actor_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "role_assignment" ("id" text not null, "role" text not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "granted_by" text null, "person_id" text not null, "unit_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "role_assignment_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_role_assignment_person_id" ON "role_assignment" ("person_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_role_assignment_unit_id" ON "role_assignment" ("unit_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_role_assignment_deleted_at" ON "role_assignment" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_role_assignment_person_id_role" ON "role_assignment" ("person_id", "role") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_role_assignment_role" ON "role_assignment" ("role") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "role_permission" ("id" text not null, "role" text not null, "permission" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "role_permission_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_role_permission_deleted_at" ON "role_permission" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_role_permission_role_permission_unique" ON "role_permission" ("role", "permission") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `alter table if exists "organization_unit" add constraint "organization_unit_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "person" add constraint "person_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "role_assignment" add constraint "role_assignment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    )
    this.addSql(
      `alter table if exists "role_assignment" add constraint "role_assignment_unit_id_foreign" foreign key ("unit_id") references "organization_unit" ("id") on update cascade on delete set null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "organization_unit" drop constraint if exists "organization_unit_organization_id_foreign";`)

    this.addSql(`alter table if exists "person" drop constraint if exists "person_organization_id_foreign";`)

    this.addSql(`alter table if exists "role_assignment" drop constraint if exists "role_assignment_unit_id_foreign";`)

    this.addSql(`alter table if exists "role_assignment" drop constraint if exists "role_assignment_person_id_foreign";`)

    this.addSql(`drop table if exists "organization" cascade;`)

    this.addSql(`drop table if exists "organization_unit" cascade;`)

    this.addSql(`drop table if exists "person" cascade;`)

    this.addSql(`drop table if exists "role_assignment" cascade;`)

    this.addSql(`drop table if exists "role_permission" cascade;`)
  }
}
