import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Notas de crédito for the withheld pena convencional: one per payment
 * request (unique UUID) and, on the payment request, whether it is owed
 * (pending) or arrived (received). Requests opened before this migration
 * with a penalty withheld keep null (they were authorised without one).
 * Also how an authorised request is paid (SPEI or Stripe) and its
 * PaymentIntent.
 */
export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    const base = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "einv_credit_note" ("id" text not null, "uuid" text not null, "invoice_id" text not null, "payment_request_id" text not null, "supplier_id" text not null, "agency_id" text not null, "amount" text not null, "xml" text not null, "summary" jsonb not null, "accepted_at" timestamptz not null, "submitted_by_person_id" text not null, ${base}, constraint "einv_credit_note_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_credit_note_deleted_at" ON "einv_credit_note" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_credit_note_uuid_unique" ON "einv_credit_note" (upper("uuid"));`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_credit_note_payment_request_id_unique" ON "einv_credit_note" ("payment_request_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_credit_note_invoice_id" ON "einv_credit_note" ("invoice_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`alter table if exists "einv_payment_request" add column if not exists "credit_note_status" text null;`)
    this.addSql(
      `alter table "einv_payment_request" add constraint "einv_payment_request_credit_note_status_check" check ("credit_note_status" in ('pending', 'received'));`,
    )

    // Stripe for own-resources agencies: the channel chosen at authorisation and the PaymentIntent
    this.addSql(`alter table if exists "einv_payment_request" add column if not exists "payment_channel" text null;`)
    this.addSql(
      `alter table "einv_payment_request" add constraint "einv_payment_request_payment_channel_check" check ("payment_channel" in ('spei', 'stripe'));`,
    )
    this.addSql(`alter table if exists "einv_payment_request" add column if not exists "stripe_payment_intent_id" text null;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_payment_request_stripe_payment_intent_id" ON "einv_payment_request" ("stripe_payment_intent_id") WHERE deleted_at IS NULL AND stripe_payment_intent_id IS NOT NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_einv_payment_request_stripe_payment_intent_id";`)
    this.addSql(`alter table if exists "einv_payment_request" drop constraint if exists "einv_payment_request_payment_channel_check";`)
    this.addSql(
      `alter table if exists "einv_payment_request" drop column if exists "payment_channel", drop column if exists "stripe_payment_intent_id";`,
    )
    this.addSql(`drop table if exists "einv_credit_note" cascade;`)
    this.addSql(`alter table if exists "einv_payment_request" drop constraint if exists "einv_payment_request_credit_note_status_check";`)
    this.addSql(`alter table if exists "einv_payment_request" drop column if exists "credit_note_status";`)
  }
}
