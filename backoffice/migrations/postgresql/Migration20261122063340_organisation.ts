import { Migration } from "@mikro-orm/migrations";

export class Migration20261122063340_organisation extends Migration {
  override up(): void {
    this.addSql(`create table "coordonnee_bancaire" ("id" varchar(200) not null, "structure_id" varchar(100) not null, "active" boolean not null, "version" int not null default 1, "donnees" text not null, constraint "coordonnee_bancaire_pkey" primary key ("id"));`);
    this.addSql(`create index "coordonnee_bancaire_structure_idx" on "coordonnee_bancaire" ("structure_id");`);

    this.addSql(`create table "demande_abonnement" ("id" varchar(200) not null, "utilisateur_id" varchar(100) not null, "structure_id" varchar(100) not null, "version" int not null default 1, "donnees" text not null, constraint "demande_abonnement_pkey" primary key ("id"));`);
    this.addSql(`create index "demande_abonnement_structure_idx" on "demande_abonnement" ("structure_id");`);

    this.addSql(`create table "demande_rattachement" ("id" varchar(200) not null, "structure_id" varchar(100) not null, "utilisateur_id" varchar(100) not null, "version" int not null default 1, "donnees" text not null, constraint "demande_rattachement_pkey" primary key ("id"));`);
    this.addSql(`create index "demande_rattachement_structure_idx" on "demande_rattachement" ("structure_id");`);

    this.addSql(`create table "habilitation" ("id" varchar(200) not null, "utilisateur_id" varchar(100) not null, "structure_id" varchar(100) not null, "application" varchar(40) not null, "mode" varchar(20) not null, "version" int not null default 1, "donnees" text not null, constraint "habilitation_pkey" primary key ("id"));`);
    this.addSql(`create index "habilitation_utilisateur_idx" on "habilitation" ("utilisateur_id");`);
    this.addSql(`create index "habilitation_structure_idx" on "habilitation" ("structure_id");`);

    this.addSql(`create table "mandat" ("id" varchar(200) not null, "structure_id" varchar(100) not null, "statut" varchar(30) not null, "version" int not null default 1, "donnees" text not null, constraint "mandat_pkey" primary key ("id"));`);
    this.addSql(`create index "mandat_structure_idx" on "mandat" ("structure_id");`);
    this.addSql(`create unique index mandat_un_actif_par_structure on mandat (structure_id) where statut = 'SIGNE';`);

    this.addSql(`create table "rattachement" ("id" varchar(200) not null, "structure_id" varchar(100) not null, "utilisateur_id" varchar(100) not null, "role" varchar(30) not null, "version" int not null default 1, "donnees" text not null, constraint "rattachement_pkey" primary key ("id"));`);
    this.addSql(`create index "rattachement_utilisateur_idx" on "rattachement" ("utilisateur_id");`);
    this.addSql(`alter table "rattachement" add constraint "rattachement_structure_utilisateur_unique" unique ("structure_id", "utilisateur_id");`);

    this.addSql(`create table "service" ("id" varchar(200) not null, "structure_id" varchar(100) not null, "code" varchar(50) not null, "libelle" varchar(200) not null, "actif" boolean not null, "version" int not null default 1, "donnees" text not null, constraint "service_pkey" primary key ("id"));`);
    this.addSql(`alter table "service" add constraint "service_structure_code_unique" unique ("structure_id", "code");`);

    this.addSql(`create table "structure" ("id" varchar(200) not null, "identifiant_type" varchar(20) not null, "identifiant_valeur" varchar(60) not null, "raison_sociale" varchar(200) not null, "recherche" text not null, "statut" varchar(20) not null, "version" int not null default 1, "donnees" text not null, constraint "structure_pkey" primary key ("id"));`);
    this.addSql(`create index "structure_recherche_idx" on "structure" ("recherche");`);
    this.addSql(`alter table "structure" add constraint "structure_identifiant_unique" unique ("identifiant_type", "identifiant_valeur");`);

    this.addSql(`create table "utilisateur" ("id" varchar(200) not null, "email" varchar(254) not null, "statut" varchar(30) not null, "version" int not null default 1, "donnees" text not null, constraint "utilisateur_pkey" primary key ("id"));`);
    this.addSql(`alter table "utilisateur" add constraint "utilisateur_email_unique" unique ("email");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "coordonnee_bancaire" cascade;`);

    this.addSql(`drop table if exists "demande_abonnement" cascade;`);

    this.addSql(`drop table if exists "demande_rattachement" cascade;`);

    this.addSql(`drop table if exists "habilitation" cascade;`);

    this.addSql(`drop table if exists "mandat" cascade;`);

    this.addSql(`drop table if exists "rattachement" cascade;`);

    this.addSql(`drop table if exists "service" cascade;`);

    this.addSql(`drop table if exists "structure" cascade;`);

    this.addSql(`drop table if exists "utilisateur" cascade;`);
  }
}
