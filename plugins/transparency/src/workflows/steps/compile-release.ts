import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { compileRelease, type CompiledRelease } from "../../publish/compile"
import type { ProcessRef } from "../../ocds/types"
import { tr } from "./service"

export type PublishProcessInput = {
  process: ProcessRef
  /** The event that triggered the publication. */
  event: string
  /** The event concerned an amendment (convenio modificatorio) of the process's contract. */
  amendment?: boolean
}

export const compileReleaseStepId = "transparency-compile-release"

/**
 * This step (read-only) builds the process's release from the current state
 * of the lower plugins, redacts it, tags it and checks it against the OCDS
 * release package schema; `skip` when the process is not public or nothing
 * changed since its latest release.
 */
export const compileReleaseStep = createStep(compileReleaseStepId, async (input: PublishProcessInput, { container }) => {
  const service = tr(container)
  const { ocidPrefix } = await service.settings()
  const result: CompiledRelease = await compileRelease(container, {
    prefix: ocidPrefix,
    process: input.process,
    event: input.event,
    amendment: !!input.amendment,
    now: await service.now(),
    latest: (ocid) => service.latest(ocid),
  })
  return new StepResponse(result)
})
