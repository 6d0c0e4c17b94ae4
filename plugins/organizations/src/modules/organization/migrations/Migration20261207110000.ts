import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The store of the `Idempotency-Key` middleware (http/idempotency.ts): one
 * row per actor, route and key, with the digest of the first request and
 * its answer. Written with raw SQL by the middleware, not a module model.
 */
export class Migration20261207110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "idempotency_record" (
      "key" text not null primary key,
      "request_sha256" text not null,
      "status_code" integer null,
      "response" jsonb null,
      "created_at" timestamptz not null default now(),
      "completed_at" timestamptz null
    );`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_record";`)
  }
}
