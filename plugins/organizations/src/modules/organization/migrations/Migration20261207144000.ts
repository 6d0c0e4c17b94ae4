import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The role matrix is loaded into an empty `role_permission` table only, so a
 * store already running gains the permissions added since by migration: the
 * Budget area authorises payment requests (`payment_requests:authorize`).
 * An empty table is left alone (the first start loads the whole matrix).
 */
export class Migration20261207144000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into "role_permission" ("id", "role", "permission")
      select 'rperm_' || upper(substr(md5(random()::text || clock_timestamp()::text), 1, 26)), 'budget', 'payment_requests:authorize'
      where exists (select 1 from "role_permission" where deleted_at is null)
        and not exists (select 1 from "role_permission" where role = 'budget' and permission = 'payment_requests:authorize' and deleted_at is null);`)
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "role_permission" where role = 'budget' and permission = 'payment_requests:authorize';`)
  }
}
