import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207102310 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mc_competition" drop constraint if exists "mc_competition_status_check";`);

    this.addSql(`alter table if exists "mc_competition" add column if not exists "confirmation_deadline" timestamptz null;`);
    this.addSql(`alter table if exists "mc_competition" add constraint "mc_competition_status_check" check("status" in ('draft', 'bidding', 'opened', 'offered', 'awarded', 'deserted'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mc_competition_status_confirmation_deadline" ON "mc_competition" ("status", "confirmation_deadline") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mc_competition" drop constraint if exists "mc_competition_status_check";`);

    this.addSql(`drop index if exists "IDX_mc_competition_status_confirmation_deadline";`);
    this.addSql(`alter table if exists "mc_competition" drop column if exists "confirmation_deadline";`);

    this.addSql(`alter table if exists "mc_competition" add constraint "mc_competition_status_check" check("status" in ('draft', 'bidding', 'opened', 'awarded', 'deserted'));`);
  }

}
