import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Agencies that pay from their own resources (recursos propios): false for every existing organization. */
export class Migration20261208100100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "organization" add column if not exists "own_resources" boolean not null default false;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "organization" drop column if exists "own_resources";`)
  }
}
