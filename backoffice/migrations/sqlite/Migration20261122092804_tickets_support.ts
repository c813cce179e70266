import { Migration } from "@mikro-orm/migrations";

export class Migration20261122092804_tickets_support extends Migration {
  override up(): void {
    this.addSql(`create table \`reponse_type\` (\`code\` text not null, \`titre\` text not null, \`texte\` text not null, \`actif\` integer not null, \`version\` integer not null default 1, primary key (\`code\`));`);

    this.addSql(`create table \`ticket\` (\`id\` text not null, \`numero\` text not null, \`etat\` text not null, \`version\` integer not null default 1, \`structure_id\` text not null, \`service_id\` text null, \`demandeur_id\` text not null, \`version_referentiel\` text not null, \`categorie_code\` text not null, \`categorie_libelle\` text not null, \`sous_categorie_code\` text not null, \`sous_categorie_libelle\` text not null, \`objet_type\` text not null, \`objet_numero\` text null, \`emetteur\` text not null, \`file_cle\` text not null, \`file_juridiction_libelle\` text null, \`file_cour_appel\` text null, \`titre\` text not null, \`description\` text not null, \`agent_id\` text null, \`cree_le\` datetime not null, \`soumis_le\` datetime null, \`ouvert_le\` datetime not null, \`resolu_le\` datetime null, \`relance_le\` datetime null, \`cloture_le\` datetime null, \`cloture\` text null, \`modifie_le\` datetime not null, \`nombre_entrees\` integer not null, \`recherche_publique\` text not null, \`recherche_agents\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`ticket_numero_unique\` on \`ticket\` (\`numero\`);`);
    this.addSql(`create index \`ticket_file_etat_ouvert_idx\` on \`ticket\` (\`file_cle\`, \`etat\`, \`ouvert_le\`);`);
    this.addSql(`create index \`ticket_demandeur_etat_ouvert_idx\` on \`ticket\` (\`demandeur_id\`, \`etat\`, \`ouvert_le\`);`);
    this.addSql(`create index \`ticket_etat_resolu_idx\` on \`ticket\` (\`etat\`, \`resolu_le\`);`);

    this.addSql(`create table \`piece_jointe_ticket\` (\`id\` text not null, \`ticket_id\` text not null, \`rang\` integer not null, \`piece_id\` text not null, \`nom_fichier\` text not null, \`type_contenu\` text not null, \`taille\` integer not null, \`empreinte\` text not null, constraint \`piece_jointe_ticket_ticket_id_foreign\` foreign key(\`ticket_id\`) references \`ticket\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`piece_jointe_ticket_ticket_rang_unique\` on \`piece_jointe_ticket\` (\`ticket_id\`, \`rang\`);`);

    this.addSql(`create table \`message_ticket\` (\`id\` text not null, \`ticket_id\` text not null, \`ticket_numero\` text not null, \`entree_id\` text not null, \`destinataire\` text not null, \`audience\` text not null, \`sujet\` text not null, \`texte\` text not null, \`cree_le\` datetime not null, \`statut\` text not null, \`tentatives\` integer not null, \`envoye_le\` datetime null, \`identifiant_transport\` text null, \`derniere_erreur\` text null, constraint \`message_ticket_ticket_id_foreign\` foreign key(\`ticket_id\`) references \`ticket\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`message_ticket_ticket_idx\` on \`message_ticket\` (\`ticket_id\`);`);
    this.addSql(`create index \`message_ticket_statut_cree_idx\` on \`message_ticket\` (\`statut\`, \`cree_le\`);`);
    this.addSql(`create unique index \`message_ticket_entree_destinataire_unique\` on \`message_ticket\` (\`entree_id\`, \`destinataire\`);`);

    this.addSql(`create table \`entree_journal_ticket\` (\`id\` text not null, \`ticket_id\` text not null, \`rang\` integer not null, \`type\` text not null, \`le\` datetime not null, \`auteur_type\` text not null, \`auteur_id\` text null, \`etat_avant\` text null, \`etat_apres\` text not null, \`visibilite\` text not null, \`texte\` text null, \`piece_jointe\` text null, \`agent_id\` text null, \`file_avant\` text null, \`file_apres\` text null, constraint \`entree_journal_ticket_ticket_id_foreign\` foreign key(\`ticket_id\`) references \`ticket\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`entree_journal_ticket_ticket_rang_unique\` on \`entree_journal_ticket\` (\`ticket_id\`, \`rang\`);`);
  }
}
