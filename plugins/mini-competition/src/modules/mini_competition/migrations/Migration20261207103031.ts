import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207103031 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "mc_competition_observation" ("id" text not null, "observer_person_id" text not null, "observer_organization_id" text not null, "text" text not null, "observed_at" timestamptz not null, "competition_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_observation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mc_competition_observation_competition_id" ON "mc_competition_observation" ("competition_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mc_competition_observation_deleted_at" ON "mc_competition_observation" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "mc_competition_observation" add constraint "mc_competition_observation_competition_id_foreign" foreign key ("competition_id") references "mc_competition" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mc_competition_observation" cascade;`);
  }

}
