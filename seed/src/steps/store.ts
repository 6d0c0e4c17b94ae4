import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createTaxRegionsWorkflow,
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const SALES_CHANNEL_NAME = "Tienda Digital del Gobierno Federal"
export const PUBLISHABLE_KEY_TITLE = "Tienda Digital — storefront"
/** Payment providers of the México region, when registered (medusa-config: budget always, Stripe with STRIPE_API_KEY). */
export const PAYMENT_PROVIDERS = ["pp_budget_budget", "pp_stripe_stripe"]

/**
 * Store basics: MXN, the Mexico region, the sales channel of the catalog and
 * the publishable key the storefront uses. Each piece is created only when
 * missing.
 */
export async function seedStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "name"],
    filters: { name: SALES_CHANNEL_NAME },
  })
  let channelId = channels[0]?.id
  if (!channelId) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: {
        salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: "Catálogo de contratos marco" }],
      },
    })
    channelId = result[0].id
    logger.info("seed: sales channel created")
  }

  const {
    data: [store],
  } = await query.graph({
    entity: "store",
    fields: ["id", "default_sales_channel_id", "supported_currencies.currency_code"],
  })
  const hasMxn = store.supported_currencies?.some((c: { currency_code?: string } | null) => c?.currency_code === "mxn")
  if (!hasMxn || store.default_sales_channel_id !== channelId) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "Tienda Digital",
          supported_currencies: [{ currency_code: "mxn", is_default: true }],
          default_sales_channel_id: channelId,
        },
      },
    })
    logger.info("seed: store set to MXN")
  }

  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "payment_providers.id"],
    filters: { name: "México" },
  })
  // Orders pay with the budget (pp_budget_budget), and with Stripe when it is configured.
  const { data: providers } = await query.graph({
    entity: "payment_provider",
    fields: ["id"],
    filters: { id: PAYMENT_PROVIDERS },
  })
  const wantedProviders = providers.map((p: { id: string }) => p.id)
  if (!regions.length) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: "México",
            currency_code: "mxn",
            countries: ["mx"],
            automatic_taxes: false,
            payment_providers: wantedProviders,
          },
        ],
      },
    })
    logger.info("seed: region México created")
  } else {
    const have = (regions[0].payment_providers ?? []).map((p: { id: string } | null) => p?.id)
    if (wantedProviders.some((id: string) => !have.includes(id))) {
      await updateRegionsWorkflow(container).run({
        input: {
          selector: { id: regions[0].id },
          update: { payment_providers: [...new Set([...have.filter(Boolean), ...wantedProviders])] as string[] },
        },
      })
      logger.info("seed: region México payment providers updated")
    }
  }

  // IVA: the México tax region computes each line's IVA from its item's treatment (tp_iva_iva)
  const { data: taxRegions } = await query.graph({ entity: "tax_region", fields: ["id"], filters: { country_code: "mx" } })
  if (!taxRegions.length) {
    await createTaxRegionsWorkflow(container).run({
      input: [
        { country_code: "mx", provider_id: "tp_iva_iva", default_tax_rate: { rate: 16, code: "002-Tasa-0.160000", name: "IVA 16 %" } },
      ],
    })
    logger.info("seed: tax region México (IVA) created")
  }

  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token"],
    filters: { title: PUBLISHABLE_KEY_TITLE, type: "publishable" },
  })
  let key = keys[0]
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: {
        api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "seed" }],
      },
    })
    key = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [channelId] },
    })
    logger.info("seed: publishable key created")
  }
  return { sales_channel_id: channelId, publishable_key: key.token as string }
}
