import { Migration } from "@mikro-orm/migrations";

export class Migration20261122085825_tableau_de_bord_national extends Migration {
  override up(): void {
    this.addSql(`create table \`tableau_de_bord_national\` (\`etat\` text not null, \`nombre\` bigint not null, \`montant_ttc_centimes\` bigint not null, primary key (\`etat\`));`);
  }
}
