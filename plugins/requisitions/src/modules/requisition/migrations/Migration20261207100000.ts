import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Requisitions gain the `contracted` state (contracts generated, awaiting
 * signatures); the server-opened carts table goes: orders are released by
 * signed contracts and joined by module links. A structured delivery address
 * for the order.
 */
export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "rq_requisition" drop constraint if exists "rq_requisition_status_check";`)
    this.addSql(
      `alter table if exists "rq_requisition" add constraint "rq_requisition_status_check" check ("status" in ('draft', 'pending_approval', 'returned', 'rejected', 'approved', 'requires_competition', 'contracted', 'ordered', 'cancelled'));`,
    )
    this.addSql(`drop table if exists "rq_requisition_order" cascade;`)
    this.addSql(`alter table if exists "rq_requisition" add column if not exists "delivery_address" jsonb null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "rq_requisition" drop column if exists "delivery_address";`)
    this.addSql(`alter table if exists "rq_requisition" drop constraint if exists "rq_requisition_status_check";`)
    this.addSql(
      `alter table if exists "rq_requisition" add constraint "rq_requisition_status_check" check ("status" in ('draft', 'pending_approval', 'returned', 'rejected', 'approved', 'requires_competition', 'ordered', 'cancelled'));`,
    )
    this.addSql(
      `create table if not exists "rq_requisition_order" ("id" text not null, "requisition_id" text not null, "supplier_id" text not null, "cart_id" text not null, "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rq_requisition_order_pkey" primary key ("id"));`,
    )
  }
}
