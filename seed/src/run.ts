import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEMO_PASSWORD } from "./fixtures/people"
import { requisitionWalkthrough } from "./fixtures/walkthrough"
import { seedFrameworkContracts } from "./steps/framework-contracts"
import { seedOrganizations } from "./steps/organizations"
import { seedStore } from "./steps/store"
import { seedBudget } from "./steps/budget"
import { seedSpecificContracts } from "./steps/specific-contracts"
import { seedEfirma } from "./steps/efirma"
import { seedSearchIndex } from "./steps/search"

/**
 * The demo world, in dependency order. Every step creates only what is
 * missing, so running the seed again changes nothing.
 *   1. store basics (currency, region, sales channel, publishable key)
 *   2. organizations, units, people and roles
 *   3. UNSPSC subset and COG crosswalk, framework contracts, offers, sanctions
 */
export default async function seed(args: ExecArgs) {
  const logger = args.container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  // one line per phase with its time: where a slow first start goes
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now()
    const out = await fn()
    logger.info(`seed: phase ${name} ${((Date.now() - t) / 1000).toFixed(1)} s`)
    return out
  }
  const store = await phase("store", () => seedStore(args))
  const orgs = await phase("organizations", () => seedOrganizations(args))
  await phase("efirma", () => seedEfirma(args, orgs.logins))
  await phase("framework-contracts", () => seedFrameworkContracts(args))
  await phase("budget", () => seedBudget(args))
  await phase("specific-contracts", () => seedSpecificContracts(args))
  await phase("search", () => seedSearchIndex(args))
  // fails the seed when a policy step would have no demo holder but the requester
  const walkthrough = requisitionWalkthrough(orgs.logins)
  const out = process.env.TIENDA_SEED_OUTPUT
  if (out) {
    writeFileSync(
      out,
      JSON.stringify(
        {
          publishable_key: store.publishable_key,
          sales_channel_id: store.sales_channel_id,
          password: DEMO_PASSWORD,
          logins: orgs.logins,
          walkthrough,
          created: orgs.counters,
        },
        null,
        2,
      ),
    )
  }
  logger.info(`seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
