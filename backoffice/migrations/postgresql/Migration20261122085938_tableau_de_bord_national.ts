import { Migration } from "@mikro-orm/migrations";

export class Migration20261122085938_tableau_de_bord_national extends Migration {
  override up(): void {
    this.addSql(`create table "tableau_de_bord_national" ("etat" varchar(30) not null, "nombre" bigint not null, "montant_ttc_centimes" bigint not null, constraint "tableau_de_bord_national_pkey" primary key ("etat"));`);
  }

  override down(): void {
    this.addSql(`drop table if exists "tableau_de_bord_national" cascade;`);
  }
}
