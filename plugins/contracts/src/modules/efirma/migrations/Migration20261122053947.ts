import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: retention and immutability of the certificate registry.
 * - DELETE is refused (documents are kept at least AUDIT_RETENTION_YEARS ≥ 3;
 *   a rolled-back registration is soft-deleted instead);
 * - UPDATE may only change the status, revocation and soft-delete columns:
 *   what was registered (holder, RFC, serial, DER, validity) never changes.
 */
export class Migration20261122053947 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function efirma_certificate_guard() returns trigger language plpgsql as $$
begin
  if TG_OP in ('DELETE', 'TRUNCATE') then
    raise exception 'Los certificados de e.firma registrados se conservan (retención mínima de 3 años): % no está permitido en efirma_certificate.', TG_OP
      using errcode = 'insufficient_privilege';
  end if;
  if (new.id, new.person_id, new.serial, new.serial_hex, new.rfc, new.subject_name, new.subject, new.issuer,
      new.valid_from, new.valid_to, new.der, new.fingerprint_sha256, new.registered_at)
     is distinct from
     (old.id, old.person_id, old.serial, old.serial_hex, old.rfc, old.subject_name, old.subject, old.issuer,
      old.valid_from, old.valid_to, old.der, old.fingerprint_sha256, old.registered_at) then
    raise exception 'Los datos de un certificado de e.firma registrado no se modifican; solo puede revocarse.'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;`)
    this.addSql(`drop trigger if exists "efirma_certificate_guard" on "efirma_certificate";`)
    this.addSql(
      `create trigger "efirma_certificate_guard" before update or delete on "efirma_certificate" for each row execute function efirma_certificate_guard();`,
    )
    this.addSql(`drop trigger if exists "efirma_certificate_no_truncate" on "efirma_certificate";`)
    this.addSql(
      `create trigger "efirma_certificate_no_truncate" before truncate on "efirma_certificate" for each statement execute function efirma_certificate_guard();`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "efirma_certificate_guard" on "efirma_certificate";`)
    this.addSql(`drop trigger if exists "efirma_certificate_no_truncate" on "efirma_certificate";`)
    this.addSql(`drop function if exists efirma_certificate_guard();`)
  }
}
