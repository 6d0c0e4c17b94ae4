import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122023603 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "ops_job_run" ("id" text not null, "job" text not null, "tick" text not null, "worker_mode" text not null, "instance" text not null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ops_job_run_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ops_job_run_deleted_at" ON "ops_job_run" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ops_job_run_job_tick" ON "ops_job_run" ("job", "tick") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ops_job_run" cascade;`)
  }
}
