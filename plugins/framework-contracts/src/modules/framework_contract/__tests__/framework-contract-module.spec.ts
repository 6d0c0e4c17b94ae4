import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { join } from "node:path"
import { FRAMEWORK_CONTRACT_MODULE } from ".."
import * as models from "../models"
import type FrameworkContractModuleService from "../service"

jest.setTimeout(120 * 1000)

const dec = (v: string) => v as unknown as number

moduleIntegrationTestRunner<FrameworkContractModuleService>({
  moduleName: FRAMEWORK_CONTRACT_MODULE,
  moduleModels: Object.values(models),
  resolve: join(__dirname, ".."),
  testSuite: ({ service }) => {
    const contractWithItem = async (number = "CM-1") => {
      const contract = await service.createFrameworkContracts({
        number,
        title: "Materiales de oficina",
        legal_basis: "Art. 17 LAASSP",
        valid_from: new Date("2026-01-01"),
        valid_until: new Date("2027-12-31"),
        min_amount: dec("1000.00"),
        max_amount: dec("9000.00"),
      })
      const lot = await service.createFrameworkLots({
        contract_id: contract.id,
        number: 1,
        title: "Papelería",
        competition_threshold: dec("300000.00"),
      })
      const item = await service.createFrameworkItems({
        lot_id: lot.id,
        code: "AM-001",
        name: "Bolígrafo azul",
        description: "Caja con 12",
        unspsc_code: "44121704",
        cog_partida: "21101",
        sat_clave_unidad: "XBX",
        ceiling_price: dec("58.50"),
        delivery_states: ["CMX"],
      })
      return { contract, item }
    }

    it("keeps exact decimal prices", async () => {
      const { item } = await contractWithItem()
      const offer = await service.createOffers({ item_id: item.id, supplier_id: "org_1", price: dec("58.49"), delivery_days: { CMX: 3 } })
      const [back] = await service.listOffers({ id: offer.id })
      expect(String(back.price)).toBe("58.49")
    })

    it("allows one offer per supplier and item, and one contract per number", async () => {
      const { item } = await contractWithItem()
      await service.createOffers({ item_id: item.id, supplier_id: "org_1", price: dec("50.00"), delivery_days: {} })
      await expect(
        service.createOffers({ item_id: item.id, supplier_id: "org_1", price: dec("49.00"), delivery_days: {} }),
      ).rejects.toThrow()
      await expect(contractWithItem("CM-1")).rejects.toThrow()
    })

    it("allows one open COG partida per UNSPSC commodity", async () => {
      await service.createCogCrosswalks({ unspsc_code: "44121704", partida: "21101", partida_title: "Materiales", valid_from: new Date() })
      await expect(
        service.createCogCrosswalks({ unspsc_code: "44121704", partida: "21401", partida_title: "Otra", valid_from: new Date() }),
      ).rejects.toThrow()
    })
  },
})
