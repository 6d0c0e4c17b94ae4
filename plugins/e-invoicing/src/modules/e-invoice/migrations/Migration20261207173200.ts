import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Pagos 2.0: the complement of each paid PPD invoice (one per payment
 * request, unique UUID) and, on the payment request, when it is due
 * (fifth day of the following month) and whether it arrived.
 */
export class Migration20261207173200 extends Migration {
  override async up(): Promise<void> {
    const base = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "einv_payment_complement" ("id" text not null, "uuid" text not null, "invoice_id" text not null, "payment_request_id" text not null, "supplier_id" text not null, "agency_id" text not null, "amount_paid" text not null, "fecha_pago" text null, "xml" text not null, "summary" jsonb not null, "accepted_at" timestamptz not null, "submitted_by_person_id" text not null, ${base}, constraint "einv_payment_complement_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_payment_complement_deleted_at" ON "einv_payment_complement" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_payment_complement_uuid_unique" ON "einv_payment_complement" (upper("uuid"));`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_payment_complement_payment_request_id_unique" ON "einv_payment_complement" ("payment_request_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_payment_complement_invoice_id" ON "einv_payment_complement" ("invoice_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`alter table if exists "einv_payment_request" add column if not exists "complement_due_date" text null;`)
    this.addSql(`alter table if exists "einv_payment_request" add column if not exists "complement_status" text null;`)
    this.addSql(
      `alter table "einv_payment_request" add constraint "einv_payment_request_complement_status_check" check ("complement_status" in ('pending', 'received'));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_payment_request_complement" ON "einv_payment_request" ("agency_id", "complement_status", "complement_due_date") WHERE deleted_at IS NULL AND complement_status IS NOT NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "einv_payment_complement" cascade;`)
    this.addSql(`alter table if exists "einv_payment_request" drop constraint if exists "einv_payment_request_complement_status_check";`)
    this.addSql(`drop index if exists "IDX_einv_payment_request_complement";`)
    this.addSql(
      `alter table if exists "einv_payment_request" drop column if exists "complement_due_date", drop column if exists "complement_status";`,
    )
  }
}
