import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { versionTokenDownSql, versionTokenUpSql, type VersionTokenSpec } from "@tienda/organizations/utils"

/**
 * Hand-written: a version token of the PostgreSQL search index, changed by a
 * statement trigger on every write to search_document and search_term. The
 * search route's result cache keys on it, so a change is served fresh by the
 * next search, in every server process.
 */
const SPEC: VersionTokenSpec = {
  table: "catalog_search_version",
  fn: "catalog_search_version",
  watched: ["search_document", "search_term"],
}

export class Migration20261129061000 extends Migration {
  override async up(): Promise<void> {
    versionTokenUpSql(SPEC).forEach((sql) => this.addSql(sql))
  }

  override async down(): Promise<void> {
    versionTokenDownSql(SPEC).forEach((sql) => this.addSql(sql))
  }
}
