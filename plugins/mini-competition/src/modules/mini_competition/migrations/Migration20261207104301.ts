import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207104301 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "mc_competition_clarification" ("id" text not null, "question" text not null, "asked_by_supplier_id" text not null, "asked_at" timestamptz not null, "answer" text null, "answered_at" timestamptz null, "answered_by_person_id" text null, "previous_deadline" timestamptz null, "extended_deadline" timestamptz null, "competition_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_clarification_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mc_competition_clarification_competition_id" ON "mc_competition_clarification" ("competition_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mc_competition_clarification_deleted_at" ON "mc_competition_clarification" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "mc_competition_clarification" add constraint "mc_competition_clarification_competition_id_foreign" foreign key ("competition_id") references "mc_competition" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mc_competition_clarification" cascade;`);
  }

}
