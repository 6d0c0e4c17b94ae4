import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Effective-dated second-stage rules per lot (written by hand in the shape medusa db:generate produces). */
export class Migration20261207140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "mc_competition_rule" ("id" text not null, "lot_id" text not null, "effective_from" timestamptz not null, "citation" text not null, "min_invitees" integer not null, "min_valid_bids" integer not null, "on_insufficient_bids" text check ("on_insufficient_bids" in ('deserted')) not null default 'deserted', "bid_window_business_days" integer not null, "winner_confirmation_business_days" integer not null, "abnormally_low_pct" integer not null, "sme_preferences" jsonb not null, "created_by_person_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_rule_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_rule_deleted_at" ON "mc_competition_rule" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mc_competition_rule_lot_id_effective_from_unique" ON "mc_competition_rule" ("lot_id", "effective_from") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mc_competition_rule" cascade;`)
  }
}
