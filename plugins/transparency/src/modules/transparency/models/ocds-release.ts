import { model } from "@medusajs/framework/utils"

/**
 * One published OCDS release: a full snapshot of one contracting process
 * (`ocid`) at one moment, already redacted and validated. Append-only (a
 * database trigger refuses UPDATE and DELETE): a correction is a new
 * release. `data_sha256` is the digest of the release without its id, date
 * and tags; the same content is never published twice for an ocid.
 */
const OcdsRelease = model
  .define(
    { name: "ocds_release", tableName: "tr_ocds_release" },
    {
      id: model.id({ prefix: "ocrel" }).primaryKey(),
      ocid: model.text(),
      release_id: model.text(),
      /** framework | competition | call_off */
      process_kind: model.enum(["framework", "competition", "call_off"]),
      /** The store's entity the process stands for (fwc_…, mcomp_…, spc_…). */
      source_id: model.text(),
      tags: model.json(),
      date: model.dateTime(),
      data: model.json(),
      data_sha256: model.text(),
      /** The event that triggered this release. */
      source_event: model.text(),
    },
  )
  .indexes([
    { on: ["ocid", "release_id"], unique: true },
    { on: ["ocid", "data_sha256"], unique: true },
    { on: ["date"] },
    { on: ["source_id"] },
  ])

export default OcdsRelease
