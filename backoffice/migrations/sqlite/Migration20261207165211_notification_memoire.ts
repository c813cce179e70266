import { Migration } from "@mikro-orm/migrations";

export class Migration20261207165211_notification_memoire extends Migration {
  override up(): void {
    this.addSql(`create table \`notification_memoire\` (\`id\` text not null, \`memoire_id\` text not null, \`numero\` text not null, \`evenement_rang\` integer not null, \`nature\` text not null, \`destinataire\` text not null, \`sujet\` text not null, \`texte\` text not null, \`cree_le\` datetime not null, \`statut\` text not null, \`tentatives\` integer not null, \`envoye_le\` datetime null, \`identifiant_transport\` text null, \`derniere_erreur\` text null, constraint \`notification_memoire_memoire_id_foreign\` foreign key(\`memoire_id\`) references \`memoire\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`notification_memoire_statut_cree_idx\` on \`notification_memoire\` (\`statut\`, \`cree_le\`);`);
    this.addSql(`create unique index \`notification_memoire_evenement_destinataire_unique\` on \`notification_memoire\` (\`memoire_id\`, \`evenement_rang\`, \`destinataire\`);`);
  }
}
