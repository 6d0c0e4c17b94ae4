import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { versionTokenDownSql, versionTokenUpSql, type VersionTokenSpec } from "@tienda/organizations/utils"

/**
 * Hand-written: a version token of the eligibility facts (contracts,
 * supplier and unit enrolments, sanctions), changed by a statement trigger
 * on every write to those tables. The catalog search's scope cache keys on
 * it (`eligibilityVersion()` of the module service).
 */
const SPEC: VersionTokenSpec = {
  table: "fc_eligibility_version",
  fn: "fc_eligibility_version",
  watched: ["framework_contract", "fc_supplier_enrolment", "fc_unit_enrolment", "fc_sanction"],
}

export class Migration20261129060000 extends Migration {
  override async up(): Promise<void> {
    versionTokenUpSql(SPEC).forEach((sql) => this.addSql(sql))
  }

  override async down(): Promise<void> {
    versionTokenDownSql(SPEC).forEach((sql) => this.addSql(sql))
  }
}
