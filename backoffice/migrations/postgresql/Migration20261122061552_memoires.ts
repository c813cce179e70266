import { Migration } from "@mikro-orm/migrations";

export class Migration20261122061552_memoires extends Migration {
  override up(): void {
    this.addSql(`create table "compteur" ("nom" varchar(60) not null, "valeur" bigint not null, constraint "compteur_pkey" primary key ("nom"));`);

    this.addSql(`create table "fichier" ("empreinte" varchar(64) not null, "taille" int not null, "type_contenu" varchar(100) not null, "cree_le" timestamptz not null, constraint "fichier_pkey" primary key ("empreinte"));`);

    this.addSql(`create table "memoire" ("id" varchar(100) not null, "numero" varchar(20) not null, "numero_provisoire" varchar(20) not null, "etat" varchar(30) not null, "version" int not null default 1, "juridiction_code" varchar(20) not null, "juridiction_libelle" varchar(200) not null, "cour_appel" varchar(20) not null, "structure_id" varchar(100) not null, "service_id" varchar(100) null, "categorie_prestataire" varchar(100) null, "reference_coordonnees_bancaires" varchar(100) null, "devise" varchar(3) not null, "texte_reference" varchar(200) null, "type_tva" varchar(30) null, "numero_facture" varchar(50) null, "numero_engagement_juridique" varchar(50) null, "mode_depot" varchar(20) not null, "remise_globale_ttc" varchar(40) not null, "attestation_sur_lhonneur" boolean not null, "montant_ht" varchar(40) not null, "montant_tva" varchar(40) not null, "montant_debours" varchar(40) not null, "montant_ttc_avant_remise_globale" varchar(40) not null, "montant_remise_globale_ttc" varchar(40) not null, "montant_ttc" varchar(40) not null, "montant_ttc_centimes" bigint not null, "recapitulatif_tva" text not null, "montants_demandes" text null, "montant_modifie" boolean not null, "cree_le" timestamptz not null, "cree_par_type" varchar(20) not null, "cree_par_id" varchar(100) not null, "envoye_le" timestamptz null, "empreinte_depot" varchar(100) null, "mis_a_disposition_le" timestamptz null, "agent_en_charge" varchar(100) null, "redressements" text not null, "certifie_le" timestamptz null, "taxation" text null, "refus" text null, "valide_le" timestamptz null, "paiement_date" varchar(10) null, "paiement_reference" varchar(100) null, "duplicata_de" varchar(100) null, "duplique_en" varchar(100) null, "etat_le" timestamptz not null, "nombre_evenements" int not null, "recherche" text not null, constraint "memoire_pkey" primary key ("id"));`);
    this.addSql(`alter table "memoire" add constraint "memoire_numero_unique" unique ("numero");`);
    this.addSql(`alter table "memoire" add constraint "memoire_numero_provisoire_unique" unique ("numero_provisoire");`);
    this.addSql(`create index "memoire_structure_etat_envoye_idx" on "memoire" ("structure_id", "etat", "envoye_le");`);
    this.addSql(`create index "memoire_juridiction_etat_envoye_idx" on "memoire" ("juridiction_code", "etat", "envoye_le");`);
    this.addSql(`create index "memoire_structure_paiement_idx" on "memoire" ("structure_id", "paiement_date");`);
    this.addSql(`create index "memoire_envoye_idx" on "memoire" ("envoye_le");`);

    this.addSql(`create table "ligne_prestation" ("id" varchar(100) not null, "memoire_id" varchar(100) not null, "rang" int not null, "numero_affaire" varchar(50) not null, "date_requisition" varchar(10) not null, "autorite_requerante" varchar(40) not null, "type_prestation" varchar(50) not null, "date_prestation" varchar(10) not null, "debut" varchar(16) null, "fin" varchar(16) null, "quantite" varchar(40) not null, "tarif_ht" varchar(40) not null, "taux_tva" varchar(40) not null, "frais_divers" varchar(40) not null, "debours" varchar(40) not null, "remise" varchar(40) not null, "montant_prestation_ht" varchar(40) not null, "montant_ht" varchar(40) not null, "montant_tva" varchar(40) not null, "montant_ttc" varchar(40) not null, constraint "ligne_prestation_pkey" primary key ("id"));`);
    this.addSql(`alter table "ligne_prestation" add constraint "ligne_prestation_memoire_rang_unique" unique ("memoire_id", "rang");`);

    this.addSql(`create table "evenement_memoire" ("id" varchar(100) not null, "memoire_id" varchar(100) not null, "rang" int not null, "numero" varchar(20) not null, "commande" varchar(60) not null, "auteur_type" varchar(20) not null, "auteur_id" varchar(100) not null, "le" timestamptz not null, "de" varchar(30) not null, "vers" varchar(30) not null, "motif" text null, "montants_avant" text not null, "montants_apres" text not null, "details" text not null, constraint "evenement_memoire_pkey" primary key ("id"));`);
    this.addSql(`alter table "evenement_memoire" add constraint "evenement_memoire_memoire_rang_unique" unique ("memoire_id", "rang");`);

    this.addSql(`create table "piece_jointe" ("id" varchar(100) not null, "memoire_id" varchar(100) not null, "rang" int not null, "ligne_id" varchar(100) null, "designation" varchar(200) not null, "type" varchar(30) not null, "nom_fichier" varchar(255) not null, "type_contenu" varchar(100) not null, "taille" int not null, "empreinte" varchar(64) not null, "origine" varchar(20) not null, constraint "piece_jointe_pkey" primary key ("id"));`);
    this.addSql(`create index "piece_jointe_empreinte_idx" on "piece_jointe" ("empreinte");`);
    this.addSql(`alter table "piece_jointe" add constraint "piece_jointe_memoire_rang_unique" unique ("memoire_id", "rang");`);

    this.addSql(`create table "tableau_de_bord" ("structure_id" varchar(100) not null, "etat" varchar(30) not null, "nombre" bigint not null, "montant_ttc_centimes" bigint not null, constraint "tableau_de_bord_pkey" primary key ("structure_id", "etat"));`);

    this.addSql(`alter table "ligne_prestation" add constraint "ligne_prestation_memoire_id_foreign" foreign key ("memoire_id") references "memoire" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "evenement_memoire" add constraint "evenement_memoire_memoire_id_foreign" foreign key ("memoire_id") references "memoire" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "piece_jointe" add constraint "piece_jointe_memoire_id_foreign" foreign key ("memoire_id") references "memoire" ("id") on update cascade on delete cascade;`);
  }

  override down(): void {
    this.addSql(`alter table "ligne_prestation" drop constraint "ligne_prestation_memoire_id_foreign";`);

    this.addSql(`alter table "evenement_memoire" drop constraint "evenement_memoire_memoire_id_foreign";`);

    this.addSql(`alter table "piece_jointe" drop constraint "piece_jointe_memoire_id_foreign";`);

    this.addSql(`drop table if exists "compteur" cascade;`);

    this.addSql(`drop table if exists "fichier" cascade;`);

    this.addSql(`drop table if exists "memoire" cascade;`);

    this.addSql(`drop table if exists "ligne_prestation" cascade;`);

    this.addSql(`drop table if exists "evenement_memoire" cascade;`);

    this.addSql(`drop table if exists "piece_jointe" cascade;`);

    this.addSql(`drop table if exists "tableau_de_bord" cascade;`);
  }
}
