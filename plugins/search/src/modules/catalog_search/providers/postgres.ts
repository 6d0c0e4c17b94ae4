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

  constructor(private readonly withKnex: WithKnex) {}

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
      const { sql, bindings } = searchSql(query, ts?.tsquery ?? null)
      const { rows } = await knex.raw(sql, bindings)
      const allowed = new Set(query.allowed_keys)
      const row = rows[0] as { total: number; hits: SearchDocumentInput[]; facets: FacetRow[] }
      return {
        hits: row.hits.map((doc) => toHit(doc, allowed, query.state_code)),
        count: row.total,
        facets: facetsFromRows(row.facets),
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
        `SELECT d.id, d.name, d.unspsc_code, d.source->>'commodity_title' AS commodity_title
           FROM search_document d
          WHERE d.contract_id = ANY(?::text[]) AND d.offer_keys && ?::text[]
            AND d.tsv @@ to_tsquery('tienda_es', ?)
          ORDER BY ts_rank_cd(d.tsv, to_tsquery('tienda_es', ?)) DESC, length(d.name), d.name
          LIMIT ?`,
        [pgArray(query.contract_ids), pgArray(query.allowed_keys), ts.tsquery, ts.tsquery, query.limit * 3],
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

const ORDER: Record<SearchQuery["sort"], string> = {
  relevance: "rank DESC, name, id",
  price_asc: "price_cents ASC NULLS LAST, name, id",
  price_desc: "price_cents DESC NULLS LAST, name, id",
  delivery: "days ASC NULLS LAST, price_cents ASC NULLS LAST, name, id",
}

/** The one statement that returns the page, the total and every facet. */
export function searchSql(query: SearchQuery, tsquery: string | null) {
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
  ]
  const v = (name: string) => `(SELECT ${name} FROM p)`
  const A = v("allowed")
  const full = `(d.offer_keys <@ ${A})`
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
  const rank = tsq ? `ts_rank_cd(d.tsv, ${tsq})` : "0::real"
  const order = ORDER[query.sort]
  const edges = `ARRAY[${PRICE_EDGES.slice(1)
    .map((e) => e * 100)
    .join(",")}]`
  const state = v("state")
  const sql = `
WITH p AS MATERIALIZED (
  SELECT ${params.map(([name, , type]) => `?::${type} AS ${name}`).join(", ")}${tsquery ? ", to_tsquery('tienda_es', ?::text) AS tsq" : ""}
), base AS (
  SELECT d.id, d.name, d.contract_id, d.contract_title, d.segment_code, d.segment_title, d.family_code,
         d.family_title, d.class_code, d.class_title, ${rank} AS rank,
         CASE WHEN ${full} THEN d.min_cents ELSE e.min_cents END AS price_cents,
         CASE WHEN ${full} THEN d.supplier_ids ELSE e.supplier_ids END AS supplier_ids,
         CASE WHEN ${full} THEN d.sme_supplier_ids <> '{}' ELSE e.sme END AS sme,
         CASE WHEN ${full} THEN d.zones ELSE e.zones END AS zones,
         CASE WHEN ${full} THEN (d.delivery->>${state})::int ELSE e.days END AS days
    FROM search_document d
    LEFT JOIN LATERAL (
      SELECT min((o->>'price_cents')::int) AS min_cents,
             array_agg(DISTINCT o->>'supplier_id') AS supplier_ids,
             bool_or((o->>'sme')::boolean) AS sme,
             min((o->'delivery_days'->>${state})::int) AS days,
             array_agg(DISTINCT z) FILTER (WHERE z IS NOT NULL) AS zones
        FROM jsonb_array_elements(d.source->'offers') o
        LEFT JOIN LATERAL jsonb_object_keys(o->'delivery_days') z ON true
       WHERE NOT ${full} AND (d.contract_id || ':' || (o->>'supplier_id')) = ANY(${A}::text[])
    ) e ON true
   WHERE ${where.join(" AND ")}
), m AS MATERIALIZED (
  SELECT * FROM base ${after.length ? `WHERE ${after.join(" AND ")}` : ""}
), page AS (
  SELECT id, row_number() OVER (ORDER BY ${order}) AS ord FROM m ORDER BY ${order} LIMIT ${v("lim")} OFFSET ${v("off")}
)
SELECT (SELECT count(*) FROM m)::int AS total,
       (SELECT coalesce(jsonb_agg(s.source ORDER BY pg.ord), '[]'::jsonb)
          FROM page pg JOIN search_document s ON s.id = pg.id) AS hits,
       (SELECT coalesce(jsonb_agg(f), '[]'::jsonb) FROM (
          SELECT 'segment' AS facet, segment_code AS value, min(segment_title) AS label, count(*)::int AS n FROM m GROUP BY segment_code
          UNION ALL SELECT 'family', family_code, min(family_title), count(*)::int FROM m GROUP BY family_code
          UNION ALL SELECT 'class', class_code, min(class_title), count(*)::int FROM m GROUP BY class_code
          UNION ALL SELECT 'contract', contract_id, min(contract_title), count(*)::int FROM m GROUP BY contract_id
          UNION ALL SELECT 'supplier', s, NULL, count(*)::int FROM m, unnest(m.supplier_ids) s GROUP BY s
          UNION ALL SELECT 'zone', z, NULL, count(*)::int FROM m, unnest(m.zones) z GROUP BY z
          UNION ALL SELECT 'sme', sme::text, NULL, count(*)::int FROM m GROUP BY sme
          UNION ALL SELECT 'price', (SELECT count(*) FROM unnest(${edges}) e WHERE price_cents >= e)::text, NULL, count(*)::int
            FROM m WHERE price_cents IS NOT NULL GROUP BY 2
        ) f) AS facets`
  const bindings = params.map(([, value]) => value)
  if (tsquery) {
    bindings.push(tsquery)
  }
  return { sql, bindings }
}
