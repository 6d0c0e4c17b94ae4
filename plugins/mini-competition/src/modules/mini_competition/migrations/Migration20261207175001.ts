import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Re-invitation on too few valid bids: the rule's new consequence and the competition's rounds (written by hand in the shape medusa db:generate produces). */
export class Migration20261207175001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mc_competition_rule" drop constraint if exists "mc_competition_rule_on_insufficient_bids_check";`)
    this.addSql(
      `alter table if exists "mc_competition_rule" add constraint "mc_competition_rule_on_insufficient_bids_check" check ("on_insufficient_bids" in ('deserted', 'reinvite'));`,
    )
    this.addSql(
      `alter table if exists "mc_competition" add column if not exists "round" integer not null default 1, add column if not exists "rounds" jsonb null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mc_competition" drop column if exists "round", drop column if exists "rounds";`)
    this.addSql(`alter table if exists "mc_competition_rule" drop constraint if exists "mc_competition_rule_on_insufficient_bids_check";`)
    this.addSql(
      `alter table if exists "mc_competition_rule" add constraint "mc_competition_rule_on_insufficient_bids_check" check ("on_insufficient_bids" in ('deserted'));`,
    )
  }
}
