import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: what was agreed cannot be rewritten. The database refuses
 * (SQLSTATE 42501) any UPDATE of a template version's content, of a
 * contract's data snapshot, documents, digests, parties or amounts, and of
 * a stored signature; and the DELETE of a contract in force or of a template
 * that has been used. Only status, dates and bookkeeping columns move.
 */
export class Migration20261122053739 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION contract_template_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.used_at IS NOT NULL THEN
      RAISE EXCEPTION 'La versión % de la plantilla % ya se usó en contratos y no se puede borrar.', OLD.version, OLD.code USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
  END IF;
  IF (NEW.code, NEW.kind, NEW.version, NEW.title, NEW.body, NEW.effective_from)
     IS DISTINCT FROM (OLD.code, OLD.kind, OLD.version, OLD.title, OLD.body, OLD.effective_from)
     OR (OLD.used_at IS NOT NULL AND NEW.deleted_at IS DISTINCT FROM OLD.deleted_at) THEN
    RAISE EXCEPTION 'Las versiones de plantilla no se modifican: crea una versión nueva (plantilla %, versión %).', OLD.code, OLD.version USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS contract_template_immutable ON contract_template;`)
    this.addSql(`CREATE TRIGGER contract_template_immutable BEFORE UPDATE OR DELETE ON contract_template
      FOR EACH ROW EXECUTE FUNCTION contract_template_immutable();`)

    this.addSql(`
CREATE OR REPLACE FUNCTION specific_contract_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'in_force' THEN
      RAISE EXCEPTION 'El contrato % está en vigor y no se puede borrar.', OLD.number USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
  END IF;
  IF (NEW.number, NEW.kind, NEW.parent_id, NEW.amendment_sequence, NEW.agency_id, NEW.agency_unit_id, NEW.supplier_id,
      NEW.framework_contract_id, NEW.budget_key_id, NEW.requisition_id, NEW.agency_signer_person_id,
      NEW.supplier_signer_person_id, NEW.created_by_person_id, NEW.template_code, NEW.template_version, NEW.data,
      NEW.data_sha256, NEW.html_sha256, NEW.pdf_sha256, NEW.document_sha256, NEW.html, NEW.pdf_base64,
      NEW.subtotal, NEW.iva, NEW.total, NEW.currency_code, NEW.issued_at)
     IS DISTINCT FROM
     (OLD.number, OLD.kind, OLD.parent_id, OLD.amendment_sequence, OLD.agency_id, OLD.agency_unit_id, OLD.supplier_id,
      OLD.framework_contract_id, OLD.budget_key_id, OLD.requisition_id, OLD.agency_signer_person_id,
      OLD.supplier_signer_person_id, OLD.created_by_person_id, OLD.template_code, OLD.template_version, OLD.data,
      OLD.data_sha256, OLD.html_sha256, OLD.pdf_sha256, OLD.document_sha256, OLD.html, OLD.pdf_base64,
      OLD.subtotal, OLD.iva, OLD.total, OLD.currency_code, OLD.issued_at) THEN
    RAISE EXCEPTION 'El contenido del contrato % no se puede modificar: usa un convenio modificatorio.', OLD.number USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS specific_contract_immutable ON specific_contract;`)
    this.addSql(`CREATE TRIGGER specific_contract_immutable BEFORE UPDATE OR DELETE ON specific_contract
      FOR EACH ROW EXECUTE FUNCTION specific_contract_immutable();`)

    this.addSql(`
CREATE OR REPLACE FUNCTION contract_signature_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.role, NEW.person_id, NEW.organization_id, NEW.certificate_serial, NEW.rfc, NEW.subject_name, NEW.signature,
      NEW.payload_sha256, NEW.document_sha256, NEW.signed_at, NEW.contract_id)
     IS DISTINCT FROM
     (OLD.role, OLD.person_id, OLD.organization_id, OLD.certificate_serial, OLD.rfc, OLD.subject_name, OLD.signature,
      OLD.payload_sha256, OLD.document_sha256, OLD.signed_at, OLD.contract_id) THEN
    RAISE EXCEPTION 'Una firma registrada no se puede modificar.' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS contract_signature_immutable ON contract_signature;`)
    this.addSql(`CREATE TRIGGER contract_signature_immutable BEFORE UPDATE ON contract_signature
      FOR EACH ROW EXECUTE FUNCTION contract_signature_immutable();`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS contract_signature_immutable ON contract_signature;`)
    this.addSql(`DROP TRIGGER IF EXISTS specific_contract_immutable ON specific_contract;`)
    this.addSql(`DROP TRIGGER IF EXISTS contract_template_immutable ON contract_template;`)
    this.addSql(`DROP FUNCTION IF EXISTS contract_signature_immutable();`)
    this.addSql(`DROP FUNCTION IF EXISTS specific_contract_immutable();`)
    this.addSql(`DROP FUNCTION IF EXISTS contract_template_immutable();`)
  }
}
