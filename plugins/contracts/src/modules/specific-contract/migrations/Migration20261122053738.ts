import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122053738 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "contract_signature" drop constraint if exists "contract_signature_contract_id_role_unique";`)
    this.addSql(`alter table if exists "specific_contract" drop constraint if exists "specific_contract_number_unique";`)
    this.addSql(`alter table if exists "contract_template" drop constraint if exists "contract_template_code_version_unique";`)
    this.addSql(`alter table if exists "contract_number_sequence" drop constraint if exists "contract_number_sequence_scope_unique";`)
    this.addSql(
      `create table if not exists "contract_number_sequence" ("id" text not null, "scope" text not null, "last_value" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "contract_number_sequence_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_contract_number_sequence_deleted_at" ON "contract_number_sequence" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_contract_number_sequence_scope_unique" ON "contract_number_sequence" ("scope") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "contract_template" ("id" text not null, "code" text not null, "kind" text check ("kind" in ('contract', 'amendment')) not null, "version" integer not null, "title" text not null, "body" text not null, "effective_from" timestamptz not null, "created_by" text not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "contract_template_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_contract_template_deleted_at" ON "contract_template" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_contract_template_code_version_unique" ON "contract_template" ("code", "version") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "specific_contract" ("id" text not null, "number" text not null, "kind" text check ("kind" in ('contract', 'amendment')) not null default 'contract', "parent_id" text null, "amendment_sequence" integer null, "status" text check ("status" in ('draft', 'pending_signatures', 'partially_signed', 'in_force', 'cancelled')) not null default 'pending_signatures', "agency_id" text not null, "agency_unit_id" text not null, "supplier_id" text not null, "framework_contract_id" text not null, "budget_key_id" text not null, "requisition_id" text null, "agency_signer_person_id" text not null, "supplier_signer_person_id" text not null, "created_by_person_id" text not null, "template_code" text not null, "template_version" integer not null, "data" jsonb not null, "data_sha256" text not null, "html_sha256" text not null, "pdf_sha256" text not null, "document_sha256" text not null, "html" text not null, "pdf_base64" text not null, "subtotal" numeric not null, "iva" numeric not null, "total" numeric not null, "currency_code" text not null default 'mxn', "issued_at" timestamptz not null, "in_force_at" timestamptz null, "cancelled_at" timestamptz null, "cancellation_reason" text null, "raw_subtotal" jsonb not null, "raw_iva" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "specific_contract_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_specific_contract_deleted_at" ON "specific_contract" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_specific_contract_number_unique" ON "specific_contract" ("number") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_specific_contract_agency_id_status" ON "specific_contract" ("agency_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_specific_contract_supplier_id_status" ON "specific_contract" ("supplier_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_specific_contract_parent_id" ON "specific_contract" ("parent_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "contract_signature" ("id" text not null, "role" text check ("role" in ('agency_signer', 'supplier')) not null, "person_id" text not null, "organization_id" text not null, "certificate_serial" text not null, "rfc" text not null, "subject_name" text not null, "signature" text not null, "payload_sha256" text not null, "document_sha256" text not null, "signed_at" timestamptz not null, "contract_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "contract_signature_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_contract_signature_contract_id" ON "contract_signature" ("contract_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_contract_signature_deleted_at" ON "contract_signature" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_contract_signature_contract_id_role_unique" ON "contract_signature" ("contract_id", "role") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `alter table if exists "contract_signature" add constraint "contract_signature_contract_id_foreign" foreign key ("contract_id") references "specific_contract" ("id") on update cascade;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "contract_signature" drop constraint if exists "contract_signature_contract_id_foreign";`)

    this.addSql(`drop table if exists "contract_number_sequence" cascade;`)

    this.addSql(`drop table if exists "contract_template" cascade;`)

    this.addSql(`drop table if exists "specific_contract" cascade;`)

    this.addSql(`drop table if exists "contract_signature" cascade;`)
  }
}
