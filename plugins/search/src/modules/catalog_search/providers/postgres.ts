import { readVersionToken } from "@tienda/organizations/utils"
import { derive, PRICE_EDGES, toHit } from "../documents"
import type { SearchDocumentInput, SearchProvider, SearchQuery, SearchResult, Suggestion, SuggestQuery } from "../types"
import { facetsFromRows, type FacetRow } from "./facets"
import { pgArray } from "./pg-array"
import { buildTsQuery, queryWords, type TermInfo } from "./query-terms"

/** The part of knex we use: parameterised raw SQL. */
export type Knex = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }>
}

export type WithKnex = <T>(fn: (knex: Knex) => Promise<T>) => Promise<T>

const BATCH = 500
/** Matches a suggestion ranks at most (see `suggest`). */
export const SUGGEST_CANDIDATES = 500

const COLUMNS = `id text, contract_id text, contract_title text, lot_id text, name text, unspsc_code text,
  segment_code text, segment_title text, family_code text, family_title text, class_code text, class_title text,
  search_text text, offer_keys text[], supplier_ids text[], sme_supplier_ids text[], zones text[], unit_ids text[],
  min_cents integer, max_cents integer, delivery jsonb, source jsonb,
  t_a text, t_b text, t_c text, t_d text, t_codes text`

/**
 * Default provider: PostgreSQL full text (tienda_es = Spanish stemming after
 * unaccent) with trigram correction of unknown words against the indexed
 * vocabulary. Eligibility is applied in the query itself: only documents of
 * the caller's contracts holding at least one offer whose
 * `contract_id:supplier_id` key is allowed now; prices, suppliers, zones and
 * delivery days are recomputed from the allowed offers when some are not.
 */
export class PostgresSearchProvider implements SearchProvider {
  readonly name = "postgres" as const
  private readonly facetExactLimit: number

  constructor(
    private readonly withKnex: WithKnex,
    opts: { facetExactLimit?: number } = {},
  ) {
    this.facetExactLimit = Math.max(1, Math.floor(opts.facetExactLimit ?? FACET_EXACT_LIMIT))
  }

  async upsert(docs: SearchDocumentInput[], indexedAt: Date): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH)
      const vocabulary = new Set<string>()
      const rows = batch.map((doc) => {
        const d = derive(doc)
        d.vocabulary.forEach((w) => vocabulary.add(w))
        return {
          id: doc.id,
          contract_id: doc.contract_id,
          contract_title: `${doc.contract_number} ${doc.contract_title}`,
          lot_id: doc.lot_id,
          name: doc.name,
          unspsc_code: doc.unspsc_code,
          segment_code: doc.segment_code,
          segment_title: doc.segment_title,
          family_code: doc.family_code,
          family_title: doc.family_title,
          class_code: doc.class_code,
          class_title: doc.class_title,
          search_text: d.search_text,
          offer_keys: d.offer_keys,
          supplier_ids: d.supplier_ids,
          sme_supplier_ids: d.sme_supplier_ids,
          zones: d.zones,
          unit_ids: doc.unit_ids,
          min_cents: d.min_cents,
          max_cents: d.max_cents,
          delivery: d.delivery,
          source: doc,
          t_a: doc.name,
          t_b: `${doc.commodity_title} ${doc.class_title}`,
          t_c: [doc.family_title, doc.segment_title, doc.cog_partida_title ?? "", doc.lot_title, doc.contract_title].join(" "),
          t_d: doc.description,
          t_codes: [doc.code, doc.unspsc_code, doc.cog_partida, doc.contract_number].join(" "),
        }
      })
      await this.withKnex(async (knex) => {
        await knex.raw(
          `INSERT INTO search_document (id, contract_id, contract_title, lot_id, name, unspsc_code, segment_code,
             segment_title, family_code, family_title, class_code, class_title, search_text, offer_keys, supplier_ids,
             sme_supplier_ids, zones, unit_ids, min_cents, max_cents, delivery, source, tsv, indexed_at, updated_at)
           SELECT r.id, r.contract_id, r.contract_title, r.lot_id, r.name, r.unspsc_code, r.segment_code,
             r.segment_title, r.family_code, r.family_title, r.class_code, r.class_title, r.search_text, r.offer_keys,
             r.supplier_ids, r.sme_supplier_ids, r.zones, r.unit_ids, r.min_cents, r.max_cents, r.delivery, r.source,
             setweight(to_tsvector('tienda_es', r.t_a), 'A') || setweight(to_tsvector('tienda_es', r.t_b), 'B')
               || setweight(to_tsvector('tienda_es', r.t_c), 'C') || setweight(to_tsvector('tienda_es', r.t_d), 'D')
               || setweight(to_tsvector('simple', r.t_codes), 'A'),
             ?::timestamptz, now()
           FROM jsonb_to_recordset(?::jsonb) AS r(${COLUMNS})
           ON CONFLICT (id) DO UPDATE SET contract_id = excluded.contract_id, contract_title = excluded.contract_title,
             lot_id = excluded.lot_id, name = excluded.name, unspsc_code = excluded.unspsc_code,
             segment_code = excluded.segment_code, segment_title = excluded.segment_title,
             family_code = excluded.family_code, family_title = excluded.family_title,
             class_code = excluded.class_code, class_title = excluded.class_title, search_text = excluded.search_text,
             offer_keys = excluded.offer_keys, supplier_ids = excluded.supplier_ids,
             sme_supplier_ids = excluded.sme_supplier_ids, zones = excluded.zones, unit_ids = excluded.unit_ids,
             min_cents = excluded.min_cents, max_cents = excluded.max_cents, delivery = excluded.delivery,
             source = excluded.source, tsv = excluded.tsv, indexed_at = excluded.indexed_at,
             updated_at = now(), deleted_at = NULL`,
          [indexedAt.toISOString(), JSON.stringify(rows)],
        )
        if (vocabulary.size) {
          await knex.raw(`INSERT INTO search_term (id) SELECT unnest(?::text[]) ON CONFLICT (id) DO NOTHING`, [pgArray([...vocabulary])])
        }
      })
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) {
      await this.withKnex((knex) => knex.raw(`DELETE FROM search_document WHERE id = ANY(?::text[])`, [pgArray(ids)]))
    }
  }

  async pruneBefore(indexedAt: Date): Promise<number> {
    return this.withKnex(async (knex) => {
      const { rows } = await knex.raw(
        `WITH gone AS (DELETE FROM search_document WHERE indexed_at < ?::timestamptz RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [indexedAt.toISOString()],
      )
      return rows[0].n as number
    })
  }

  async get(ids: string[]): Promise<SearchDocumentInput[]> {
    if (!ids.length) {
      return []
    }
    return this.withKnex(async (knex) => {
      const { rows } = await knex.raw(`SELECT source FROM search_document WHERE id = ANY(?::text[])`, [pgArray(ids)])
      return rows.map((r) => r.source as SearchDocumentInput)
    })
  }

  async idsBySupplier(supplierIds: string[]): Promise<string[]> {
    if (!supplierIds.length) {
      return []
    }
    return this.withKnex(async (knex) => {
      const { rows } = await knex.raw(`SELECT id FROM search_document WHERE supplier_ids && ?::text[]`, [pgArray(supplierIds)])
      return rows.map((r) => r.id as string)
    })
  }

  async version(): Promise<string | null> {
    return this.withKnex((knex) => readVersionToken(knex, "catalog_search_version"))
  }

  /** What the vocabulary knows about each typed word (one round trip). */
  private async terms(knex: Knex, q: string | undefined): Promise<TermInfo[]> {
    const list = queryWords(q)
    if (!list.length) {
      return []
    }
    const { rows } = await knex.raw(
      `SELECT w.word,
              EXISTS (SELECT 1 FROM search_term t WHERE t.id = w.word) AS known,
              (length(w.word) >= 3 AND EXISTS (SELECT 1 FROM search_term t WHERE t.id LIKE w.word || '%')) AS prefix_known,
              ARRAY(SELECT t.id FROM search_term t WHERE t.id % w.word
                    ORDER BY similarity(t.id, w.word) DESC, t.id LIMIT 3) AS near
         FROM unnest(?::text[]) WITH ORDINALITY AS w(word, ord)
        ORDER BY w.ord`,
      [pgArray(list)],
    )
    return rows as TermInfo[]
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.withKnex(async (knex) => {
      const ts = buildTsQuery(await this.terms(knex, query.q))
      const { sql, bindings } = searchSql(query, ts?.tsquery ?? null, this.facetExactLimit)
      const { rows } = await knex.raw(sql, bindings)
      const allowed = new Set(query.allowed_keys)
      const row = rows[0] as { total: number; sampled: number; hits: SearchDocumentInput[]; facets: FacetRow[] }
      const approximate = row.sampled < row.total
      return {
        hits: row.hits.map((doc) => toHit(doc, allowed, query.state_code)),
        count: row.total,
        facets: facetsFromRows(approximate ? scaleFacetRows(row.facets, row.sampled, row.total) : row.facets),
        facets_approximate: approximate,
        corrected: ts?.corrected ?? null,
      }
    })
  }

  async suggest(query: SuggestQuery): Promise<Suggestion[]> {
    if (!query.contract_ids.length || !query.allowed_keys.length) {
      return []
    }
    return this.withKnex(async (knex) => {
      const ts = buildTsQuery(await this.terms(knex, query.q), { prefixAll: true })
      if (!ts) {
        return []
      }
      const { rows } = await knex.raw(
        // bounded: the best of at most SUGGEST_CANDIDATES matches (a prefix of two
        // letters typed into a large catalog matches most of it; ranking every
        // match cost more than the 20 ms an as-you-type answer may take)
        `SELECT c.id, c.name, c.unspsc_code, c.source->>'commodity_title' AS commodity_title
           FROM (SELECT d.id, d.name, d.unspsc_code, d.source, d.tsv
                   FROM search_document d
                  WHERE d.contract_id = ANY(?::text[]) AND d.tsv @@ to_tsquery('tienda_es', ?)
                    AND (d.offer_keys || '{}'::text[]) && ?::text[]
                  LIMIT ?) c
          ORDER BY ts_rank_cd(c.tsv, to_tsquery('tienda_es', ?)) DESC, length(c.name), c.name
          LIMIT ?`,
        [pgArray(query.contract_ids), ts.tsquery, pgArray(query.allowed_keys), SUGGEST_CANDIDATES, ts.tsquery, query.limit * 3],
      )
      return suggestionsFrom(rows, query.limit)
    })
  }
}

/** Categories first (at most 3), then item names, without repeats. */
export function suggestionsFrom(
  rows: { id: string; name: string; unspsc_code: string; commodity_title: string }[],
  limit: number,
): Suggestion[] {
  const out: Suggestion[] = []
  const seen = new Set<string>()
  for (const r of rows) {
    if (out.length < 3 && !seen.has(r.unspsc_code)) {
      seen.add(r.unspsc_code)
      out.push({ text: r.commodity_title, kind: "category", id: r.unspsc_code })
    }
  }
  for (const r of rows) {
    if (out.length >= limit) {
      break
    }
    if (!seen.has(r.name)) {
      seen.add(r.name)
      out.push({ text: r.name, kind: "item", id: r.id })
    }
  }
  return out.slice(0, limit)
}

/** Results up to which facets are counted exactly (above: over a sample of about this many). */
export const FACET_EXACT_LIMIT = 1000

/**
 * Facet counts of a sample scaled to the whole result: rounded to two
 * significant digits (they are estimates and must not look exact), at least
 * 1 (the value occurs) and at most the total.
 */
export function scaleFacetRows(rows: FacetRow[], sampled: number, total: number): FacetRow[] {
  const factor = total / Math.max(sampled, 1)
  return rows.map((r) => {
    const raw = r.n * factor
    const digits = Math.max(0, Math.floor(Math.log10(Math.max(raw, 1))) - 1)
    const rounded = Math.round(raw / 10 ** digits) * 10 ** digits
    return { ...r, n: Math.min(total, Math.max(1, rounded)) }
  })
}

/** Sort keys of each order, over the columns of `m` (`x.` is the row's alias). */
const ORDER: Record<SearchQuery["sort"], (x: string) => string> = {
  relevance: (x) => `${x}rank DESC, ${x}name, ${x}id`,
  price_asc: (x) => `${x}price_cents ASC NULLS LAST, ${x}name, ${x}id`,
  price_desc: (x) => `${x}price_cents DESC NULLS LAST, ${x}name, ${x}id`,
  delivery: (x) => `${x}days ASC NULLS LAST, ${x}price_cents ASC NULLS LAST, ${x}name, ${x}id`,
}

/**
 * The one statement that returns the page, the exact total and the facets.
 *
 * Cost is bounded by design (docs/search.md, "Cost of a search"): every match
 * is read once for the total, the page is a top-N sort (never a full sort),
 * relevance is only computed when it orders the page, and facets are counted
 * exactly up to `facetExactLimit` results; above that, over `facetExactLimit`
 * results picked by a hash of their id (pseudo-random, the same rows for the
 * same query), and scaled by the caller (`scaleFacetRows`).
 */
export function searchSql(query: SearchQuery, tsquery: string | null, facetExactLimit = FACET_EXACT_LIMIT) {
  // every value is bound once, in the `p` row; the statement reads them through
  // scalar subqueries (init plans), so indexes still apply
  const f = query.filters
  const params: [string, unknown, string][] = [
    ["allowed", pgArray(query.allowed_keys), "text[]"],
    ["contracts", pgArray(query.contract_ids), "text[]"],
    ["state", query.state_code ?? "", "text"],
    ["q", tsquery ?? "", "text"],
    ["segment", pgArray(f.segment ?? []), "text[]"],
    ["family", pgArray(f.family ?? []), "text[]"],
    ["class", pgArray(f.class ?? []), "text[]"],
    ["contract", pgArray(f.contract ?? []), "text[]"],
    ["supplier", pgArray(f.supplier ?? []), "text[]"],
    ["zone", pgArray(f.zone ?? []), "text[]"],
    ["pmin", f.price_min_cents ?? null, "int"],
    ["pmax", f.price_max_cents ?? null, "int"],
    ["lim", query.limit, "int"],
    ["off", query.offset, "int"],
    ["flim", facetExactLimit, "int"],
  ]
  const v = (name: string) => `(SELECT ${name} FROM p)`
  const A = v("allowed")
  const tsq = tsquery ? v("tsq") : null
  const where = [`d.contract_id = ANY(${v("contracts")}::text[])`]
  if (tsq) {
    // the text index is selective; the eligibility test is then a row filter
    // (as an index condition it read every eligible document's entry: 55 ms
    // of 480 at 100,000 items, docs/benchmarks.md)
    where.push(`d.tsv @@ ${tsq}`, `(d.offer_keys || '{}'::text[]) && ${A}`)
  } else {
    where.push(`d.offer_keys && ${A}`)
  }
  for (const [key, col] of [
    ["segment", "segment_code"],
    ["family", "family_code"],
    ["class", "class_code"],
    ["contract", "contract_id"],
  ] as const) {
    if (f[key]?.length) {
      where.push(`d.${col} = ANY(${v(key)}::text[])`)
    }
  }
  const after: string[] = []
  if (f.supplier?.length) {
    after.push(`supplier_ids && ${v("supplier")}`)
  }
  if (f.zone?.length) {
    after.push(`zones && ${v("zone")}`)
  }
  if (f.sme !== undefined) {
    after.push(f.sme ? "sme" : "NOT sme")
  }
  if (f.price_min_cents !== undefined) {
    after.push(`price_cents >= ${v("pmin")}`)
  }
  if (f.price_max_cents !== undefined) {
    after.push(`price_cents <= ${v("pmax")}`)
  }
  // ts_rank_cd is the costliest per-row expression: only when it orders the page
  const rank = tsq && query.sort === "relevance" ? `ts_rank_cd(d.tsv, ${tsq})` : "0::real"
  const order = ORDER[query.sort]
  const edges = `ARRAY[${PRICE_EDGES.slice(1)
    .map((e) => e * 100)
    .join(",")}]`
  const state = v("state")
  // a facet with a label: counted over the codes, the title read from one document per value
  const titled = (facet: string, code: string, title: string) =>
    `SELECT '${facet}' AS facet, g.value, s.${title} AS label, g.n FROM (
       SELECT ${code} AS value, min(id) AS any_id, count(*)::int AS n FROM fm GROUP BY ${code}
     ) g JOIN search_document s ON s.id = g.any_id`
  const sql = `
WITH p AS MATERIALIZED (
  SELECT ${params.map(([name, , type]) => `?::${type} AS ${name}`).join(", ")}${tsquery ? ", to_tsquery('tienda_es', ?::text) AS tsq" : ""}
), base AS (
  SELECT id, name, contract_id, segment_code, family_code, class_code, rank,
         CASE WHEN all_eligible THEN min_cents ELSE (e->>'min_cents')::int END AS price_cents,
         CASE WHEN all_eligible THEN supplier_ids ELSE ARRAY(SELECT jsonb_array_elements_text(e->'supplier_ids')) END AS supplier_ids,
         CASE WHEN all_eligible THEN sme_supplier_ids <> '{}' ELSE coalesce((e->>'sme')::boolean, false) END AS sme,
         CASE WHEN all_eligible THEN zones ELSE ARRAY(SELECT jsonb_array_elements_text(e->'zones')) END AS zones,
         CASE WHEN all_eligible THEN (delivery->>${state})::int ELSE (e->>'days')::int END AS days
    FROM (
  SELECT d.id, d.name, d.contract_id, d.segment_code, d.family_code, d.class_code, ${rank} AS rank,
         d.min_cents, d.supplier_ids, d.sme_supplier_ids, d.zones, d.delivery, x.all_eligible,
         -- offers of suppliers not all eligible (a sanction, a suspension): recomputed from the
         -- allowed offers; a scalar subquery evaluated only for those rows (no per-row join)
         CASE WHEN x.all_eligible THEN NULL ELSE (
           SELECT jsonb_build_object(
                    'min_cents', min((o->>'price_cents')::int),
                    'supplier_ids', coalesce(jsonb_agg(DISTINCT o->>'supplier_id'), '[]'::jsonb),
                    'sme', bool_or((o->>'sme')::boolean),
                    'days', min((o->'delivery_days'->>${state})::int),
                    'zones', coalesce((SELECT jsonb_agg(DISTINCT z) FROM jsonb_array_elements(d.source->'offers') o2,
                                         jsonb_object_keys(o2->'delivery_days') z
                                        WHERE (d.contract_id || ':' || (o2->>'supplier_id')) = ANY(${A}::text[])), '[]'::jsonb))
             FROM jsonb_array_elements(d.source->'offers') o
            WHERE (d.contract_id || ':' || (o->>'supplier_id')) = ANY(${A}::text[])
         ) END AS e
    FROM search_document d
    CROSS JOIN LATERAL (SELECT d.offer_keys <@ ${A} AS all_eligible) x
   WHERE ${where.join(" AND ")}
    ) b
), m AS MATERIALIZED (
  SELECT * FROM base ${after.length ? `WHERE ${after.join(" AND ")}` : ""}
), t AS MATERIALIZED (
  SELECT count(*)::int AS total FROM m
), page AS (
  SELECT id, rank, name, price_cents, days FROM m ORDER BY ${order("")} LIMIT ${v("lim")} OFFSET ${v("off")}
), fm AS MATERIALIZED (
  -- all results up to the limit; above it, the limit's worth chosen by a hash of the id
  -- (a bounded top-N: pseudo-random, the same rows for the same query)
  SELECT * FROM m ORDER BY hashtext(id), id LIMIT ${v("flim")}
)
SELECT (SELECT total FROM t) AS total,
       (SELECT count(*) FROM fm)::int AS sampled,
       (SELECT coalesce(jsonb_agg(s.source ORDER BY ${order("pg.")}), '[]'::jsonb)
          FROM page pg JOIN search_document s ON s.id = pg.id) AS hits,
       (SELECT coalesce(jsonb_agg(f), '[]'::jsonb) FROM (
          ${titled("segment", "segment_code", "segment_title")}
          UNION ALL ${titled("family", "family_code", "family_title")}
          UNION ALL ${titled("class", "class_code", "class_title")}
          UNION ALL ${titled("contract", "contract_id", "contract_title")}
          UNION ALL SELECT 'supplier', s, NULL, count(*)::int FROM fm, unnest(fm.supplier_ids) s GROUP BY s
          UNION ALL SELECT 'zone', z, NULL, count(*)::int FROM fm, unnest(fm.zones) z GROUP BY z
          UNION ALL SELECT 'sme', sme::text, NULL, count(*)::int FROM fm GROUP BY sme
          UNION ALL SELECT 'price', width_bucket(price_cents, ${edges})::text, NULL, count(*)::int
            FROM fm WHERE price_cents IS NOT NULL GROUP BY 2
        ) f) AS facets`
  const bindings = params.map(([, value]) => value)
  if (tsquery) {
    bindings.push(tsquery)
  }
  return { sql, bindings }
}
