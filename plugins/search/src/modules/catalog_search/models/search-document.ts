import { model } from "@medusajs/framework/utils"

/**
 * The PostgreSQL provider's read model: one row per framework item, built
 * from the catalog by the indexer. `source` keeps the document as indexed;
 * the other columns are what queries filter, sort and facet on. The
 * full-text vector (`tsv`, tienda_es configuration) and the trigram indexes
 * are added by a hand-written migration.
 */
const SearchDocument = model
  .define("search_document", {
    id: model.id().primaryKey(),
    contract_id: model.text(),
    contract_title: model.text(),
    lot_id: model.text(),
    name: model.text(),
    unspsc_code: model.text(),
    segment_code: model.text(),
    segment_title: model.text(),
    family_code: model.text(),
    family_title: model.text(),
    class_code: model.text(),
    class_title: model.text(),
    /** Unaccented, lower-case text for trigram matching. */
    search_text: model.text(),
    /** `contract_id:supplier_id` of every active offer. */
    offer_keys: model.array(),
    supplier_ids: model.array(),
    sme_supplier_ids: model.array(),
    zones: model.array(),
    unit_ids: model.array(),
    /** Cheapest and dearest active offer, in centavos. */
    min_cents: model.number().nullable(),
    max_cents: model.number().nullable(),
    /** Fastest delivery per state over active offers: { CMX: 2, … }. */
    delivery: model.json(),
    source: model.json(),
    /** Start of the indexing run that wrote the row (a full reindex prunes older rows). */
    indexed_at: model.dateTime(),
  })
  .indexes([{ on: ["contract_id"] }])

export default SearchDocument
