import { Migration } from "@mikro-orm/migrations";

export class Migration20261122083701_organisation_ecrans extends Migration {
  override up(): void {
    this.addSql(`create table \`evenement_organisation\` (\`id\` text not null, \`structure_id\` text not null, \`type\` text not null, \`auteur_type\` text not null, \`auteur_id\` text not null, \`le\` datetime not null, \`cible_id\` text null, \`donnees\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`evenement_organisation_structure_le_idx\` on \`evenement_organisation\` (\`structure_id\`, \`le\`);`);

    this.addSql(`alter table \`structure\` add column \`categorie\` text null;`);
    this.addSql(`create index \`structure_raison_sociale_idx\` on \`structure\` (\`raison_sociale\`);`);

    this.addSql(`alter table \`utilisateur\` add column \`recherche\` text null;`);
  }
}
