import { ContainerRegistrationKeys, MedusaService } from "@medusajs/framework/utils"
import { SearchDocument, SearchTerm } from "./models"
import { emptyFacets } from "./providers/facets"
import { MeilisearchProvider, type MeilisearchOptions } from "./providers/meilisearch"
import { PostgresSearchProvider, type Knex } from "./providers/postgres"
import type { SearchDocumentInput, SearchProvider, SearchQuery, SearchResult, Suggestion, SuggestQuery } from "./types"

export type SearchModuleOptions = {
  /** Meilisearch connection; PostgreSQL full text when absent. */
  meilisearch?: MeilisearchOptions | null
  /**
   * PostgreSQL provider: up to this many results facets are counted exactly;
   * above it, over a deterministic sample of about this many results, scaled
   * and flagged approximate (default 1000).
   */
  facetExactLimit?: number
}

/**
 * Catalog search. Holds the PostgreSQL read model (search_document,
 * search_term) and delegates indexing and querying to the configured
 * provider: Meilisearch when configured, PostgreSQL otherwise.
 */
class SearchModuleService extends MedusaService({ SearchDocument, SearchTerm }) {
  protected readonly provider_: SearchProvider

  constructor(deps: Record<string, unknown>, options?: SearchModuleOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    // the shared knex pool Medusa gives every module: plain reads and
    // single-statement upserts need no ORM unit of work
    const knex = () => deps[ContainerRegistrationKeys.PG_CONNECTION] as Knex
    this.provider_ = options?.meilisearch?.host
      ? new MeilisearchProvider(options.meilisearch)
      : new PostgresSearchProvider((fn) => fn(knex()), { facetExactLimit: options?.facetExactLimit })
  }

  async providerName(): Promise<SearchProvider["name"]> {
    return this.provider_.name
  }

  async indexDocuments(docs: SearchDocumentInput[], indexedAt = new Date()): Promise<void> {
    await this.provider_.upsert(docs, indexedAt)
  }

  async unindexDocuments(ids: string[]): Promise<void> {
    await this.provider_.remove(ids)
  }

  async pruneIndexedBefore(indexedAt: Date): Promise<number> {
    return this.provider_.pruneBefore(indexedAt)
  }

  async getIndexedDocuments(ids: string[]): Promise<SearchDocumentInput[]> {
    return this.provider_.get(ids)
  }

  async indexedIdsBySupplier(supplierIds: string[]): Promise<string[]> {
    return this.provider_.idsBySupplier(supplierIds)
  }

  async searchCatalog(query: SearchQuery): Promise<SearchResult> {
    if (!query.contract_ids.length || !query.allowed_keys.length) {
      return { hits: [], count: 0, facets: emptyFacets(), facets_approximate: false, corrected: null }
    }
    return this.provider_.search(query)
  }

  /** Changes with every committed index change; null: do not cache results. */
  async indexVersion(): Promise<string | null> {
    return this.provider_.version()
  }

  async suggestCatalog(query: SuggestQuery): Promise<Suggestion[]> {
    return this.provider_.suggest(query)
  }
}

export default SearchModuleService
