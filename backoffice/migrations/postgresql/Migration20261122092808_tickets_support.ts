import { Migration } from "@mikro-orm/migrations";

export class Migration20261122092808_tickets_support extends Migration {
  override up(): void {
    this.addSql(`create table "reponse_type" ("code" varchar(100) not null, "titre" varchar(200) not null, "texte" text not null, "actif" boolean not null, "version" int not null default 1, constraint "reponse_type_pkey" primary key ("code"));`);

    this.addSql(`create table "ticket" ("id" varchar(100) not null, "numero" varchar(20) not null, "etat" varchar(30) not null, "version" int not null default 1, "structure_id" varchar(100) not null, "service_id" varchar(100) null, "demandeur_id" varchar(100) not null, "version_referentiel" varchar(50) not null, "categorie_code" varchar(100) not null, "categorie_libelle" varchar(200) not null, "sous_categorie_code" varchar(100) not null, "sous_categorie_libelle" varchar(200) not null, "objet_type" varchar(20) not null, "objet_numero" varchar(50) null, "emetteur" text not null, "file_cle" varchar(30) not null, "file_juridiction_libelle" varchar(200) null, "file_cour_appel" varchar(20) null, "titre" varchar(200) not null, "description" text not null, "agent_id" varchar(100) null, "cree_le" timestamptz not null, "soumis_le" timestamptz null, "ouvert_le" timestamptz not null, "resolu_le" timestamptz null, "relance_le" timestamptz null, "cloture_le" timestamptz null, "cloture" varchar(30) null, "modifie_le" timestamptz not null, "nombre_entrees" int not null, "recherche_publique" text not null, "recherche_agents" text not null, constraint "ticket_pkey" primary key ("id"));`);
    this.addSql(`alter table "ticket" add constraint "ticket_numero_unique" unique ("numero");`);
    this.addSql(`create index "ticket_file_etat_ouvert_idx" on "ticket" ("file_cle", "etat", "ouvert_le");`);
    this.addSql(`create index "ticket_demandeur_etat_ouvert_idx" on "ticket" ("demandeur_id", "etat", "ouvert_le");`);
    this.addSql(`create index "ticket_etat_resolu_idx" on "ticket" ("etat", "resolu_le");`);

    this.addSql(`create table "piece_jointe_ticket" ("id" varchar(120) not null, "ticket_id" varchar(100) not null, "rang" int not null, "piece_id" varchar(100) not null, "nom_fichier" varchar(255) not null, "type_contenu" varchar(100) not null, "taille" int not null, "empreinte" varchar(64) not null, constraint "piece_jointe_ticket_pkey" primary key ("id"));`);
    this.addSql(`alter table "piece_jointe_ticket" add constraint "piece_jointe_ticket_ticket_rang_unique" unique ("ticket_id", "rang");`);

    this.addSql(`create table "message_ticket" ("id" varchar(100) not null, "ticket_id" varchar(100) not null, "ticket_numero" varchar(20) not null, "entree_id" varchar(100) not null, "destinataire" varchar(254) not null, "audience" varchar(20) not null, "sujet" varchar(300) not null, "texte" text not null, "cree_le" timestamptz not null, "statut" varchar(20) not null, "tentatives" int not null, "envoye_le" timestamptz null, "identifiant_transport" varchar(300) null, "derniere_erreur" text null, constraint "message_ticket_pkey" primary key ("id"));`);
    this.addSql(`create index "message_ticket_ticket_idx" on "message_ticket" ("ticket_id");`);
    this.addSql(`create index "message_ticket_statut_cree_idx" on "message_ticket" ("statut", "cree_le");`);
    this.addSql(`alter table "message_ticket" add constraint "message_ticket_entree_destinataire_unique" unique ("entree_id", "destinataire");`);

    this.addSql(`create table "entree_journal_ticket" ("id" varchar(100) not null, "ticket_id" varchar(100) not null, "rang" int not null, "type" varchar(60) not null, "le" timestamptz not null, "auteur_type" varchar(20) not null, "auteur_id" varchar(100) null, "etat_avant" varchar(30) null, "etat_apres" varchar(30) not null, "visibilite" varchar(10) not null, "texte" text null, "piece_jointe" text null, "agent_id" varchar(100) null, "file_avant" text null, "file_apres" text null, constraint "entree_journal_ticket_pkey" primary key ("id"));`);
    this.addSql(`alter table "entree_journal_ticket" add constraint "entree_journal_ticket_ticket_rang_unique" unique ("ticket_id", "rang");`);

    this.addSql(`alter table "piece_jointe_ticket" add constraint "piece_jointe_ticket_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "message_ticket" add constraint "message_ticket_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "entree_journal_ticket" add constraint "entree_journal_ticket_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
  }

  override down(): void {
    this.addSql(`alter table "piece_jointe_ticket" drop constraint "piece_jointe_ticket_ticket_id_foreign";`);

    this.addSql(`alter table "message_ticket" drop constraint "message_ticket_ticket_id_foreign";`);

    this.addSql(`alter table "entree_journal_ticket" drop constraint "entree_journal_ticket_ticket_id_foreign";`);

    this.addSql(`drop table if exists "reponse_type" cascade;`);

    this.addSql(`drop table if exists "ticket" cascade;`);

    this.addSql(`drop table if exists "piece_jointe_ticket" cascade;`);

    this.addSql(`drop table if exists "message_ticket" cascade;`);

    this.addSql(`drop table if exists "entree_journal_ticket" cascade;`);
  }
}
