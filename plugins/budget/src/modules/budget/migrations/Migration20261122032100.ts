import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: the budget invariant as CHECK constraints (ADR 0004).
 * Every stage balance is non-negative and their sum never exceeds
 * `modificado`, i.e. disponible ≥ 0, whatever code path writes the row.
 * Ledger amounts are positive.
 */
export class Migration20261122032100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "budget_key" drop constraint if exists "budget_key_stages_within_modificado";`)
    this.addSql(`alter table "budget_key" add constraint "budget_key_stages_within_modificado" check (
      aprobado >= 0 and modificado >= 0
      and reservado >= 0 and comprometido >= 0 and devengado >= 0 and ejercido >= 0 and pagado >= 0
      and reservado + comprometido + devengado + ejercido + pagado <= modificado
    );`)
    this.addSql(`alter table "budget_movement" drop constraint if exists "budget_movement_amount_positive";`)
    this.addSql(`alter table "budget_movement" add constraint "budget_movement_amount_positive" check (amount > 0);`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "budget_key" drop constraint if exists "budget_key_stages_within_modificado";`)
    this.addSql(`alter table "budget_movement" drop constraint if exists "budget_movement_amount_positive";`)
  }
}
