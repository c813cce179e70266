import { Migration } from "@mikro-orm/migrations";

export class Migration20261122083705_organisation_ecrans extends Migration {
  override up(): void {
    this.addSql(`create table "evenement_organisation" ("id" varchar(100) not null, "structure_id" varchar(100) not null, "type" varchar(60) not null, "auteur_type" varchar(20) not null, "auteur_id" varchar(100) not null, "le" timestamptz not null, "cible_id" varchar(200) null, "donnees" text not null, constraint "evenement_organisation_pkey" primary key ("id"));`);
    this.addSql(`create index "evenement_organisation_structure_le_idx" on "evenement_organisation" ("structure_id", "le");`);

    this.addSql(`alter table "structure" add column "categorie" varchar(40) null;`);
    this.addSql(`create index "structure_raison_sociale_idx" on "structure" ("raison_sociale");`);

    this.addSql(`alter table "utilisateur" add column "recherche" text null;`);
  }

  override down(): void {
    this.addSql(`drop table if exists "evenement_organisation" cascade;`);

    this.addSql(`drop index "structure_raison_sociale_idx";`);
    this.addSql(`alter table "structure" drop column "categorie";`);

    this.addSql(`alter table "utilisateur" drop column "recherche";`);
  }
}
