import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Points evaluation and re-invitation rounds as rule data; e.firma on the
 * integrity declarations (written by hand in the shape medusa db:generate
 * produces).
 */
export class Migration20261208110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "mc_competition_rule" add column if not exists "max_reinvite_rounds" integer not null default 1, add column if not exists "method" text check ("method" in ('lowest_price', 'points')) not null default 'lowest_price', add column if not exists "weights" jsonb null;`,
    )
    this.addSql(
      `alter table if exists "mc_integrity_declaration" add column if not exists "certificate_serial" text null, add column if not exists "signature" text null, add column if not exists "payload_sha256" text null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "mc_integrity_declaration" drop column if exists "certificate_serial", drop column if exists "signature", drop column if exists "payload_sha256";`,
    )
    this.addSql(
      `alter table if exists "mc_competition_rule" drop column if exists "max_reinvite_rounds", drop column if exists "method", drop column if exists "weights";`,
    )
  }
}
