import { createStep, createWorkflow, StepResponse, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AUDIT_LEDGER_MODULE } from "../modules/audit-ledger"
import type AuditLedgerModuleService from "../modules/audit-ledger/service"

export type CreateAuditCheckpointWorkflowInput = { day: string }

export const createAuditCheckpointStepId = "contracts-create-audit-checkpoint"
/**
 * This step stores the checkpoint of one UTC day (idempotent). No
 * compensation: checkpoints are append-only, like the ledger.
 */
export const createAuditCheckpointStep = createStep(
  createAuditCheckpointStepId,
  async (input: CreateAuditCheckpointWorkflowInput, { container }) => {
    const ledger = container.resolve<AuditLedgerModuleService>(AUDIT_LEDGER_MODULE)
    return new StepResponse(await ledger.createDailyCheckpoint(input.day))
  },
)

export const createAuditCheckpointWorkflowId = "contracts-create-audit-checkpoint"
/** This workflow computes and publishes one day's ledger checkpoint. */
export const createAuditCheckpointWorkflow = createWorkflow(
  createAuditCheckpointWorkflowId,
  (input: WorkflowData<CreateAuditCheckpointWorkflowInput>) => {
    return new WorkflowResponse(createAuditCheckpointStep(input))
  },
)
