import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Shipments, receptions, the per-line delivery tally, invoices (CFDI) and
 * payment requests. The tally's CHECKs are the invariant that no shipment,
 * reception or invoice exceeds the order, whatever runs concurrently; the
 * unique UUID index that a CFDI is accepted once across every agency.
 */
export class Migration20261207131500 extends Migration {
  override async up(): Promise<void> {
    const base = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "einv_delivery_tally" ("id" text not null, "order_id" text not null, "specific_contract_id" text not null, "contract_line" integer not null, "ordered_quantity" integer not null, "shipped_quantity" integer not null default 0, "accepted_quantity" integer not null default 0, "rejected_quantity" integer not null default 0, "invoiced_quantity" integer not null default 0, ${base}, constraint "einv_delivery_tally_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_delivery_tally_deleted_at" ON "einv_delivery_tally" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_delivery_tally_order_id_contract_line_unique" ON "einv_delivery_tally" ("order_id", "contract_line") WHERE deleted_at IS NULL;`,
    )
    // The guard: never more shipped (net of rejections) than ordered, never more judged than shipped, never more invoiced than accepted.
    this.addSql(
      `alter table "einv_delivery_tally" add constraint "einv_delivery_tally_no_negativas" check ("shipped_quantity" >= 0 and "accepted_quantity" >= 0 and "rejected_quantity" >= 0 and "invoiced_quantity" >= 0);`,
    )
    this.addSql(
      `alter table "einv_delivery_tally" add constraint "einv_delivery_tally_envio_excede_pedido" check ("shipped_quantity" - "rejected_quantity" <= "ordered_quantity");`,
    )
    this.addSql(
      `alter table "einv_delivery_tally" add constraint "einv_delivery_tally_recepcion_excede_envio" check ("accepted_quantity" + "rejected_quantity" <= "shipped_quantity");`,
    )
    this.addSql(
      `alter table "einv_delivery_tally" add constraint "einv_delivery_tally_factura_excede_recepcion" check ("invoiced_quantity" <= "accepted_quantity");`,
    )

    this.addSql(
      `create table if not exists "einv_shipment" ("id" text not null, "order_id" text not null, "specific_contract_id" text not null, "supplier_id" text not null, "agency_id" text not null, "delivery_note" text not null, "status" text check ("status" in ('pending_reception', 'received')) not null default 'pending_reception', "shipped_at" timestamptz not null, "created_by_person_id" text not null, ${base}, constraint "einv_shipment_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einv_shipment_deleted_at" ON "einv_shipment" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einv_shipment_order_id" ON "einv_shipment" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_shipment_agency_id_status" ON "einv_shipment" ("agency_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einv_shipment_supplier_id" ON "einv_shipment" ("supplier_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "einv_shipment_line" ("id" text not null, "contract_line" integer not null, "description" text not null, "quantity" integer not null, "shipment_id" text not null, ${base}, constraint "einv_shipment_line_pkey" primary key ("id"), constraint "einv_shipment_line_cantidad_positiva" check ("quantity" > 0));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_shipment_line_deleted_at" ON "einv_shipment_line" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_shipment_line_shipment_id" ON "einv_shipment_line" ("shipment_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `alter table if exists "einv_shipment_line" add constraint "einv_shipment_line_shipment_id_foreign" foreign key ("shipment_id") references "einv_shipment" ("id") on update cascade on delete cascade;`,
    )

    this.addSql(
      `create table if not exists "einv_reception" ("id" text not null, "shipment_id" text not null, "order_id" text not null, "specific_contract_id" text not null, "supplier_id" text not null, "agency_id" text not null, "unit_id" text null, "outcome" text check ("outcome" in ('full', 'partial', 'rejected')) not null, "notes" text null, "received_at" timestamptz not null, "received_by_person_id" text not null, "days_late" integer not null default 0, "penalty_amount" text not null default '0.00', "penalty" jsonb null, ${base}, constraint "einv_reception_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einv_reception_deleted_at" ON "einv_reception" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_reception_shipment_id_unique" ON "einv_reception" ("shipment_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einv_reception_order_id" ON "einv_reception" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einv_reception_agency_id" ON "einv_reception" ("agency_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "einv_reception_line" ("id" text not null, "contract_line" integer not null, "shipped_quantity" integer not null, "accepted_quantity" integer not null, "rejected_quantity" integer not null, "notes" text null, "serials" text[] null, "reception_id" text not null, ${base}, constraint "einv_reception_line_pkey" primary key ("id"), constraint "einv_reception_line_cantidades" check ("accepted_quantity" >= 0 and "rejected_quantity" >= 0 and "accepted_quantity" + "rejected_quantity" <= "shipped_quantity"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_reception_line_deleted_at" ON "einv_reception_line" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_reception_line_reception_id" ON "einv_reception_line" ("reception_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `alter table if exists "einv_reception_line" add constraint "einv_reception_line_reception_id_foreign" foreign key ("reception_id") references "einv_reception" ("id") on update cascade on delete cascade;`,
    )

    this.addSql(
      `create table if not exists "einv_invoice" ("id" text not null, "uuid" text not null, "order_id" text not null, "specific_contract_id" text not null, "supplier_id" text not null, "agency_id" text not null, "status" text check ("status" in ('accepted', 'exception', 'payment_requested', 'authorized', 'exercised', 'paid')) not null default 'accepted', "serie" text null, "folio" text null, "issued_at" text null, "metodo_pago" text not null, "subtotal" text not null, "iva" text not null, "total" text not null, "currency_code" text not null default 'MXN', "xml" text not null, "summary" jsonb not null, "lines" jsonb not null, "accepted_at" timestamptz not null, "due_date" text not null, "match" jsonb null, "exception_reason" text null, "submitted_by_person_id" text not null, ${base}, constraint "einv_invoice_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einv_invoice_deleted_at" ON "einv_invoice" ("deleted_at") WHERE deleted_at IS NULL;`)
    // One UUID, once, in any agency — deleted rows included (a paid invoice is never paid again).
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_invoice_uuid_unique" ON "einv_invoice" (upper("uuid"));`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_invoice_supplier_id_status" ON "einv_invoice" ("supplier_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_invoice_agency_id_status" ON "einv_invoice" ("agency_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einv_invoice_order_id" ON "einv_invoice" ("order_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "einv_payment_request" ("id" text not null, "invoice_id" text not null, "order_id" text not null, "specific_contract_id" text not null, "supplier_id" text not null, "agency_id" text not null, "budget_key_id" text not null, "amount" text not null, "status" text check ("status" in ('pending_authorization', 'authorized', 'exercised', 'paid')) not null default 'pending_authorization', "due_date" text not null, "accrue_movement_id" text not null, "exercise_movement_id" text null, "pay_movement_id" text null, "clc_folio" text null, "clave_rastreo" text null, "beneficiary_rfc" text null, "beneficiary_clabe" text null, "authorized_by_person_id" text null, "authorized_at" timestamptz null, "paid_at" timestamptz null, "paid_late" boolean null, ${base}, constraint "einv_payment_request_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_payment_request_deleted_at" ON "einv_payment_request" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_payment_request_invoice_id_unique" ON "einv_payment_request" ("invoice_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_payment_request_agency_id_status" ON "einv_payment_request" ("agency_id", "status") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    for (const t of [
      "einv_payment_request",
      "einv_invoice",
      "einv_reception_line",
      "einv_reception",
      "einv_shipment_line",
      "einv_shipment",
      "einv_delivery_tally",
    ]) {
      this.addSql(`drop table if exists "${t}" cascade;`)
    }
  }
}
