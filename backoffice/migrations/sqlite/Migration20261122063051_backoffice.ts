import { Migration } from "@mikro-orm/migrations";

export class Migration20261122063051_backoffice extends Migration {
  override up(): void {
    this.addSql(`create table \`agent\` (\`id\` text not null, \`email\` text not null, \`nom\` text not null, \`prenom\` text not null, \`roles\` text not null, \`perimetre\` text not null, \`actif\` integer not null, \`cree_le\` datetime not null, \`hash_mot_de_passe\` text null, \`mot_de_passe_modifie_le\` datetime null, \`echecs_connexion\` integer not null, \`verrouille_jusqua\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`agent_email_unique\` on \`agent\` (\`email\`);`);

    this.addSql(`create table \`juridiction\` (\`code\` text not null, \`libelle\` text not null, \`type\` text not null, \`cour_appel\` text not null, primary key (\`code\`));`);
    this.addSql(`create index \`juridiction_cour_appel_idx\` on \`juridiction\` (\`cour_appel\`);`);

    this.addSql(`create table \`session_admin\` (\`sid\` text not null, \`donnees\` text not null, \`expire\` datetime not null, primary key (\`sid\`));`);
    this.addSql(`create index \`session_admin_expire_idx\` on \`session_admin\` (\`expire\`);`);
  }
}
