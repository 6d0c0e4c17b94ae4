import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Integrity declarations signed on a competition (written by hand in the shape medusa db:generate produces). */
export class Migration20261207175000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "mc_integrity_declaration" ("id" text not null, "side" text check ("side" in ('official', 'supplier')) not null, "person_id" text not null, "organization_id" text not null, "text_version" text not null, "text_sha256" text not null, "declared_at" timestamptz not null, "competition_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_integrity_declaration_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_integrity_declaration_competition_id" ON "mc_integrity_declaration" ("competition_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_integrity_declaration_deleted_at" ON "mc_integrity_declaration" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mc_integrity_declaration_competition_id_side_person_id_unique" ON "mc_integrity_declaration" ("competition_id", "side", "person_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `alter table if exists "mc_integrity_declaration" add constraint "mc_integrity_declaration_competition_id_foreign" foreign key ("competition_id") references "mc_competition" ("id") on update cascade;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mc_integrity_declaration" cascade;`)
  }
}
