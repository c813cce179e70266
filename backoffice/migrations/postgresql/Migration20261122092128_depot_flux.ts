import { Migration } from "@mikro-orm/migrations";

export class Migration20261122092128_depot_flux extends Migration {
  override up(): void {
    this.addSql(`create table "flux_element" ("lot_id" varchar(40) not null, "indice" int not null, "resultat" varchar(10) not null, "ligne" int not null, "memoire_id" varchar(100) null, "numero" varchar(20) null, "erreurs" text null, "traite_le" timestamptz not null, constraint "flux_element_pkey" primary key ("lot_id", "indice"));`);

    this.addSql(`create table "flux_lot" ("id" varchar(40) not null, "statut" varchar(30) not null, "version" int not null default 1, "emetteur_identifiant" varchar(20) not null, "structure_id" varchar(100) null, "utilisateur" varchar(255) not null, "empreinte" varchar(64) not null, "taille" bigint not null, "fichier" text not null, "canal" varchar(10) not null, "recu_le" timestamptz not null, "termine_le" timestamptz null, "nombre_memoires" int not null, "nombre_integres" int not null, "nombre_rejetes" int not null, "erreur" text null, "nombre_transitions" int not null, constraint "flux_lot_pkey" primary key ("id"));`);
    this.addSql(`create index "flux_lot_recu_idx" on "flux_lot" ("recu_le");`);
    this.addSql(`create index "flux_lot_structure_idx" on "flux_lot" ("structure_id", "recu_le");`);

    this.addSql(`create table "flux_lot_transition" ("lot_id" varchar(40) not null, "rang" int not null, "evenement" varchar(40) not null, "de" varchar(30) null, "vers" varchar(30) not null, "le" timestamptz not null, "motif" text null, constraint "flux_lot_transition_pkey" primary key ("lot_id", "rang"));`);
  }

  override down(): void {
    this.addSql(`drop table if exists "flux_element" cascade;`);

    this.addSql(`drop table if exists "flux_lot" cascade;`);

    this.addSql(`drop table if exists "flux_lot_transition" cascade;`);
  }
}
