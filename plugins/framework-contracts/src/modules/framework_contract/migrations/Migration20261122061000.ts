import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Offers, not items, are sold as Medusa products (ADR 0006): the item column was never used. */
export class Migration20261122061000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "framework_item" drop column if exists "product_id";`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "framework_item" add column if not exists "product_id" text null;`)
  }
}
