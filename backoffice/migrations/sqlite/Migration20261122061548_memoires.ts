import { Migration } from "@mikro-orm/migrations";

export class Migration20261122061548_memoires extends Migration {
  override up(): void {
    this.addSql(`create table \`compteur\` (\`nom\` text not null, \`valeur\` bigint not null, primary key (\`nom\`));`);

    this.addSql(`create table \`fichier\` (\`empreinte\` text not null, \`taille\` integer not null, \`type_contenu\` text not null, \`cree_le\` datetime not null, primary key (\`empreinte\`));`);

    this.addSql(`create table \`memoire\` (\`id\` text not null, \`numero\` text not null, \`numero_provisoire\` text not null, \`etat\` text not null, \`version\` integer not null default 1, \`juridiction_code\` text not null, \`juridiction_libelle\` text not null, \`cour_appel\` text not null, \`structure_id\` text not null, \`service_id\` text null, \`categorie_prestataire\` text null, \`reference_coordonnees_bancaires\` text null, \`devise\` text not null, \`texte_reference\` text null, \`type_tva\` text null, \`numero_facture\` text null, \`numero_engagement_juridique\` text null, \`mode_depot\` text not null, \`remise_globale_ttc\` text not null, \`attestation_sur_lhonneur\` integer not null, \`montant_ht\` text not null, \`montant_tva\` text not null, \`montant_debours\` text not null, \`montant_ttc_avant_remise_globale\` text not null, \`montant_remise_globale_ttc\` text not null, \`montant_ttc\` text not null, \`montant_ttc_centimes\` bigint not null, \`recapitulatif_tva\` text not null, \`montants_demandes\` text null, \`montant_modifie\` integer not null, \`cree_le\` datetime not null, \`cree_par_type\` text not null, \`cree_par_id\` text not null, \`envoye_le\` datetime null, \`empreinte_depot\` text null, \`mis_a_disposition_le\` datetime null, \`agent_en_charge\` text null, \`redressements\` text not null, \`certifie_le\` datetime null, \`taxation\` text null, \`refus\` text null, \`valide_le\` datetime null, \`paiement_date\` text null, \`paiement_reference\` text null, \`duplicata_de\` text null, \`duplique_en\` text null, \`etat_le\` datetime not null, \`nombre_evenements\` integer not null, \`recherche\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`memoire_numero_unique\` on \`memoire\` (\`numero\`);`);
    this.addSql(`create unique index \`memoire_numero_provisoire_unique\` on \`memoire\` (\`numero_provisoire\`);`);
    this.addSql(`create index \`memoire_structure_etat_envoye_idx\` on \`memoire\` (\`structure_id\`, \`etat\`, \`envoye_le\`);`);
    this.addSql(`create index \`memoire_juridiction_etat_envoye_idx\` on \`memoire\` (\`juridiction_code\`, \`etat\`, \`envoye_le\`);`);
    this.addSql(`create index \`memoire_structure_paiement_idx\` on \`memoire\` (\`structure_id\`, \`paiement_date\`);`);
    this.addSql(`create index \`memoire_envoye_idx\` on \`memoire\` (\`envoye_le\`);`);

    this.addSql(`create table \`ligne_prestation\` (\`id\` text not null, \`memoire_id\` text not null, \`rang\` integer not null, \`numero_affaire\` text not null, \`date_requisition\` text not null, \`autorite_requerante\` text not null, \`type_prestation\` text not null, \`date_prestation\` text not null, \`debut\` text null, \`fin\` text null, \`quantite\` text not null, \`tarif_ht\` text not null, \`taux_tva\` text not null, \`frais_divers\` text not null, \`debours\` text not null, \`remise\` text not null, \`montant_prestation_ht\` text not null, \`montant_ht\` text not null, \`montant_tva\` text not null, \`montant_ttc\` text not null, constraint \`ligne_prestation_memoire_id_foreign\` foreign key(\`memoire_id\`) references \`memoire\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`ligne_prestation_memoire_rang_unique\` on \`ligne_prestation\` (\`memoire_id\`, \`rang\`);`);

    this.addSql(`create table \`evenement_memoire\` (\`id\` text not null, \`memoire_id\` text not null, \`rang\` integer not null, \`numero\` text not null, \`commande\` text not null, \`auteur_type\` text not null, \`auteur_id\` text not null, \`le\` datetime not null, \`de\` text not null, \`vers\` text not null, \`motif\` text null, \`montants_avant\` text not null, \`montants_apres\` text not null, \`details\` text not null, constraint \`evenement_memoire_memoire_id_foreign\` foreign key(\`memoire_id\`) references \`memoire\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`evenement_memoire_memoire_rang_unique\` on \`evenement_memoire\` (\`memoire_id\`, \`rang\`);`);

    this.addSql(`create table \`piece_jointe\` (\`id\` text not null, \`memoire_id\` text not null, \`rang\` integer not null, \`ligne_id\` text null, \`designation\` text not null, \`type\` text not null, \`nom_fichier\` text not null, \`type_contenu\` text not null, \`taille\` integer not null, \`empreinte\` text not null, \`origine\` text not null, constraint \`piece_jointe_memoire_id_foreign\` foreign key(\`memoire_id\`) references \`memoire\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`piece_jointe_empreinte_idx\` on \`piece_jointe\` (\`empreinte\`);`);
    this.addSql(`create unique index \`piece_jointe_memoire_rang_unique\` on \`piece_jointe\` (\`memoire_id\`, \`rang\`);`);

    this.addSql(`create table \`tableau_de_bord\` (\`structure_id\` text not null, \`etat\` text not null, \`nombre\` bigint not null, \`montant_ttc_centimes\` bigint not null, primary key (\`structure_id\`, \`etat\`));`);
  }
}
