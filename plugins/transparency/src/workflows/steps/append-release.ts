import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CompiledRelease } from "../../publish/compile"
import type { ProcessRef } from "../../ocds/types"
import { tr } from "./service"

export type AppendedRelease = { id: string | null; ocid: string | null; skipped: string | null }

export const appendReleaseStepId = "transparency-append-release"

/**
 * This step appends the compiled release to the append-only store (once per
 * content and ocid). It is the workflow's last step and a published release
 * is never withdrawn (a correction is a new release), so it has no
 * compensation.
 */
export const appendReleaseStep = createStep(
  appendReleaseStepId,
  async (
    input: { compiled: CompiledRelease; process: ProcessRef; event: string },
    { container },
  ): Promise<StepResponse<AppendedRelease>> => {
    const { compiled } = input
    if (compiled.skip || !compiled.release || !compiled.data_sha256) {
      return new StepResponse<AppendedRelease>({ id: null, ocid: compiled.ocid ?? null, skipped: compiled.reason ?? "skip" })
    }
    const id = await tr(container).appendRelease({
      ocid: compiled.release.ocid,
      release_id: compiled.release.id,
      process_kind: input.process.kind,
      source_id: input.process.source_id,
      tags: compiled.release.tag,
      date: new Date(compiled.release.date),
      data: compiled.release,
      data_sha256: compiled.data_sha256,
      source_event: input.event,
    })
    return new StepResponse<AppendedRelease>({ id, ocid: compiled.release.ocid, skipped: id ? null : "duplicate" })
  },
)
