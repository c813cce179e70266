import { Migration } from "@mikro-orm/migrations";

export class Migration20261122092122_depot_flux extends Migration {
  override up(): void {
    this.addSql(`create table \`flux_element\` (\`lot_id\` text not null, \`indice\` integer not null, \`resultat\` text not null, \`ligne\` integer not null, \`memoire_id\` text null, \`numero\` text null, \`erreurs\` text null, \`traite_le\` datetime not null, primary key (\`lot_id\`, \`indice\`));`);

    this.addSql(`create table \`flux_lot\` (\`id\` text not null, \`statut\` text not null, \`version\` integer not null default 1, \`emetteur_identifiant\` text not null, \`structure_id\` text null, \`utilisateur\` text not null, \`empreinte\` text not null, \`taille\` bigint not null, \`fichier\` text not null, \`canal\` text not null, \`recu_le\` datetime not null, \`termine_le\` datetime null, \`nombre_memoires\` integer not null, \`nombre_integres\` integer not null, \`nombre_rejetes\` integer not null, \`erreur\` text null, \`nombre_transitions\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`flux_lot_recu_idx\` on \`flux_lot\` (\`recu_le\`);`);
    this.addSql(`create index \`flux_lot_structure_idx\` on \`flux_lot\` (\`structure_id\`, \`recu_le\`);`);

    this.addSql(`create table \`flux_lot_transition\` (\`lot_id\` text not null, \`rang\` integer not null, \`evenement\` text not null, \`de\` text null, \`vers\` text not null, \`le\` datetime not null, \`motif\` text null, primary key (\`lot_id\`, \`rang\`));`);
  }
}
