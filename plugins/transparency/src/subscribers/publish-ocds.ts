import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ProcessRef } from "../ocds/types"
import { processOfContract } from "../publish/load"
import { SOURCE_EVENTS as E } from "../publish/tags"
import { publishProcessWorkflow } from "../workflows/publish-process"

type Payload = { id?: string; contract_id?: string; specific_contract_id?: string; competition_id?: string }

/** The processes an event changes (a contract's event changes its call-off or its competition). */
export async function processesOf(
  container: MedusaContainer,
  name: string,
  data: Payload,
): Promise<(ProcessRef & { amendment?: boolean })[]> {
  switch (name) {
    case E.FRAMEWORK_CREATED:
    case E.FRAMEWORK_STATUS_CHANGED:
    case E.FRAMEWORK_ENROLMENT_CHANGED:
      return data.contract_id ? [{ kind: "framework", source_id: data.contract_id }] : []
    case E.COMPETITION_PUBLISHED:
    case E.COMPETITION_OPENED:
    case E.COMPETITION_AWARD_OFFERED:
      return data.id ? [{ kind: "competition", source_id: data.id }] : []
    case E.COMPETITION_AWARDED: {
      const id = data.competition_id ?? data.id
      return id ? [{ kind: "competition", source_id: id }] : []
    }
    case E.CONTRACT_CREATED:
    case E.CONTRACT_SIGNED:
    case E.CONTRACT_IN_FORCE:
    case E.CONTRACT_CANCELLED: {
      const p = data.id ? await processOfContract(container, data.id) : null
      return p ? [p] : []
    }
    case E.REPUBLISH: {
      // { kind, source_id }: publishes the current state of one process (backfill, repair)
      const { kind, source_id } = data as { kind?: string; source_id?: string }
      return source_id && (kind === "framework" || kind === "competition" || kind === "call_off") ? [{ kind, source_id }] : []
    }
    case E.PAYMENT_PAID: {
      const p = data.specific_contract_id ? await processOfContract(container, data.specific_contract_id) : null
      return p ? [p] : []
    }
    default:
      return []
  }
}

/**
 * Publishes an OCDS release of every contracting process an event of the
 * lower plugins changed (docs/transparency.md). Publication never blocks the
 * business flow: a failure is logged and the next event (or
 * `transparency.republish`) publishes the current state.
 */
export default async function publishOcds({ event, container }: SubscriberArgs<Payload>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    for (const { amendment, ...process } of await processesOf(container, event.name, event.data ?? {})) {
      await publishProcessWorkflow(container).run({ input: { process, event: event.name, amendment: !!amendment } })
    }
  } catch (e) {
    logger.error(`transparency: could not publish after ${event.name}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: Object.values(E),
  context: { subscriberId: "transparency-publish-ocds" },
}
