import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The pena convencional withheld from the payment: per reception how much of
 * its penalty payments already took (never more than the penalty: CHECK), and
 * per payment request the deduction, the net paid to the supplier and which
 * receptions it came from.
 */
export class Migration20261207173000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "einv_reception" add column if not exists "penalty_deducted" text not null default '0.00';`)
    this.addSql(
      `alter table "einv_reception" add constraint "einv_reception_deduccion_excede_pena" check ("penalty_deducted"::numeric >= 0 and "penalty_deducted"::numeric <= "penalty_amount"::numeric);`,
    )
    this.addSql(`alter table if exists "einv_payment_request" add column if not exists "penalty_deduction" text not null default '0.00';`)
    this.addSql(`alter table if exists "einv_payment_request" add column if not exists "net_amount" text null;`)
    this.addSql(`alter table if exists "einv_payment_request" add column if not exists "deductions" jsonb null;`)
    this.addSql(`update "einv_payment_request" set "net_amount" = "amount" where "net_amount" is null;`)
    this.addSql(`alter table "einv_payment_request" alter column "net_amount" set not null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "einv_reception" drop constraint if exists "einv_reception_deduccion_excede_pena";`)
    this.addSql(`alter table if exists "einv_reception" drop column if exists "penalty_deducted";`)
    this.addSql(
      `alter table if exists "einv_payment_request" drop column if exists "penalty_deduction", drop column if exists "net_amount", drop column if exists "deductions";`,
    )
  }
}
