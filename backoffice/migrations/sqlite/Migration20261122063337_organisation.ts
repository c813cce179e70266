import { Migration } from "@mikro-orm/migrations";

export class Migration20261122063337_organisation extends Migration {
  override up(): void {
    this.addSql(`create table \`coordonnee_bancaire\` (\`id\` text not null, \`structure_id\` text not null, \`active\` integer not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`coordonnee_bancaire_structure_idx\` on \`coordonnee_bancaire\` (\`structure_id\`);`);

    this.addSql(`create table \`demande_abonnement\` (\`id\` text not null, \`utilisateur_id\` text not null, \`structure_id\` text not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`demande_abonnement_structure_idx\` on \`demande_abonnement\` (\`structure_id\`);`);

    this.addSql(`create table \`demande_rattachement\` (\`id\` text not null, \`structure_id\` text not null, \`utilisateur_id\` text not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`demande_rattachement_structure_idx\` on \`demande_rattachement\` (\`structure_id\`);`);

    this.addSql(`create table \`habilitation\` (\`id\` text not null, \`utilisateur_id\` text not null, \`structure_id\` text not null, \`application\` text not null, \`mode\` text not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`habilitation_utilisateur_idx\` on \`habilitation\` (\`utilisateur_id\`);`);
    this.addSql(`create index \`habilitation_structure_idx\` on \`habilitation\` (\`structure_id\`);`);

    this.addSql(`create table \`mandat\` (\`id\` text not null, \`structure_id\` text not null, \`statut\` text not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`mandat_structure_idx\` on \`mandat\` (\`structure_id\`);`);
    this.addSql(`create unique index mandat_un_actif_par_structure on mandat (structure_id) where statut = 'SIGNE';`);

    this.addSql(`create table \`rattachement\` (\`id\` text not null, \`structure_id\` text not null, \`utilisateur_id\` text not null, \`role\` text not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`rattachement_utilisateur_idx\` on \`rattachement\` (\`utilisateur_id\`);`);
    this.addSql(`create unique index \`rattachement_structure_utilisateur_unique\` on \`rattachement\` (\`structure_id\`, \`utilisateur_id\`);`);

    this.addSql(`create table \`service\` (\`id\` text not null, \`structure_id\` text not null, \`code\` text not null, \`libelle\` text not null, \`actif\` integer not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`service_structure_code_unique\` on \`service\` (\`structure_id\`, \`code\`);`);

    this.addSql(`create table \`structure\` (\`id\` text not null, \`identifiant_type\` text not null, \`identifiant_valeur\` text not null, \`raison_sociale\` text not null, \`recherche\` text not null, \`statut\` text not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`structure_recherche_idx\` on \`structure\` (\`recherche\`);`);
    this.addSql(`create unique index \`structure_identifiant_unique\` on \`structure\` (\`identifiant_type\`, \`identifiant_valeur\`);`);

    this.addSql(`create table \`utilisateur\` (\`id\` text not null, \`email\` text not null, \`statut\` text not null, \`version\` integer not null default 1, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`utilisateur_email_unique\` on \`utilisateur\` (\`email\`);`);
  }
}
