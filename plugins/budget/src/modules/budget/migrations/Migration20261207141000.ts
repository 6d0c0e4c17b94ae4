import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Manual reservations: set aside by hand against an official document, released by hand (audited). */
export class Migration20261207141000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "budget_movement" drop constraint if exists "budget_movement_reference_type_check";`)
    this.addSql(
      `alter table if exists "budget_movement" add constraint "budget_movement_reference_type_check" check ("reference_type" in ('requisition', 'order', 'contract', 'invoice', 'clc', 'payment', 'manual'));`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "budget_movement" drop constraint if exists "budget_movement_reference_type_check";`)
    this.addSql(
      `alter table if exists "budget_movement" add constraint "budget_movement_reference_type_check" check ("reference_type" in ('requisition', 'order', 'contract', 'invoice', 'clc', 'payment'));`,
    )
  }
}
