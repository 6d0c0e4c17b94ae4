import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Invariant 2 in the database: an offer (and every price in its history)
 * never exceeds the ceiling price of its item, whatever writes it.
 */
export class Migration20261122060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create or replace function fc_offer_under_ceiling() returns trigger language plpgsql as $$
      declare ceiling numeric;
      begin
        select i.ceiling_price into ceiling from framework_item i where i.id = new.item_id;
        if ceiling is not null and new.price > ceiling then
          raise exception 'PRECIO_SUPERA_TECHO: offer % price % exceeds ceiling %', new.id, new.price, ceiling
            using errcode = 'check_violation';
        end if;
        return new;
      end $$;`)
    this.addSql(`drop trigger if exists fc_offer_under_ceiling on "fc_offer";`)
    this.addSql(`create trigger fc_offer_under_ceiling before insert or update of price, item_id on "fc_offer"
      for each row execute function fc_offer_under_ceiling();`)
    this.addSql(`
      create or replace function fc_offer_price_under_ceiling() returns trigger language plpgsql as $$
      declare ceiling numeric;
      begin
        select i.ceiling_price into ceiling
          from fc_offer o join framework_item i on i.id = o.item_id where o.id = new.offer_id;
        if ceiling is not null and new.price > ceiling then
          raise exception 'PRECIO_SUPERA_TECHO: price % exceeds ceiling %', new.price, ceiling
            using errcode = 'check_violation';
        end if;
        return new;
      end $$;`)
    this.addSql(`drop trigger if exists fc_offer_price_under_ceiling on "fc_offer_price";`)
    this.addSql(`create trigger fc_offer_price_under_ceiling before insert or update of price on "fc_offer_price"
      for each row execute function fc_offer_price_under_ceiling();`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists fc_offer_price_under_ceiling on "fc_offer_price";`)
    this.addSql(`drop trigger if exists fc_offer_under_ceiling on "fc_offer";`)
    this.addSql(`drop function if exists fc_offer_price_under_ceiling();`)
    this.addSql(`drop function if exists fc_offer_under_ceiling();`)
  }
}
