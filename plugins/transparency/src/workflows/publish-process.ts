import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendReleaseStep } from "./steps/append-release"
import { compileReleaseStep, type PublishProcessInput } from "./steps/compile-release"

export type { PublishProcessInput }

export const publishProcessWorkflowId = "transparency-publish-process"

/**
 * This workflow publishes one OCDS release of a contracting process after an
 * event: compile (read-only: build, redact, tag, validate) → append.
 */
export const publishProcessWorkflow = createWorkflow(publishProcessWorkflowId, (input: WorkflowData<PublishProcessInput>) => {
  const compiled = compileReleaseStep(input)
  const appended = appendReleaseStep(
    transform({ input, compiled }, ({ input, compiled }) => ({ compiled, process: input.process, event: input.event })),
  )
  return new WorkflowResponse(appended)
})
