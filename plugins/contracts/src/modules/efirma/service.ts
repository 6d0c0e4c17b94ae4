import { MedusaService } from "@medusajs/framework/utils"
import type { EfirmaOptions } from "../../efirma/config"
import { EfirmaCertificate } from "./models"

/**
 * Registered e.firma certificates. Holds the module options (CA bundle);
 * validation and mutations live in src/efirma and the workflows.
 */
class EfirmaModuleService extends MedusaService({ EfirmaCertificate }) {
  protected readonly options_: EfirmaOptions

  constructor(container: Record<string, unknown>, options?: EfirmaOptions & Record<string, unknown>) {
    super(container, options)
    this.options_ = {
      ca_bundle: (options?.efirma_ca_bundle as string | undefined) ?? options?.ca_bundle,
    }
  }

  /** Options from the plugin entry in medusa-config (`efirma_ca_bundle`). */
  async efirmaOptions(): Promise<EfirmaOptions> {
    return this.options_
  }
}

export default EfirmaModuleService
