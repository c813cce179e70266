import { Migration } from "@mikro-orm/migrations";

export class Migration20261122082930_api extends Migration {
  override up(): void {
    this.addSql(`create table \`jeton_api\` (\`id\` text not null, \`utilisateur_id\` text not null, \`libelle\` text not null, \`empreinte\` text not null, \`prefixe\` text not null, \`cree_le\` datetime not null, \`expire_le\` datetime not null, \`revoque_le\` datetime null, \`dernier_usage_le\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`jeton_api_utilisateur_idx\` on \`jeton_api\` (\`utilisateur_id\`);`);
    this.addSql(`create unique index \`jeton_api_empreinte_unique\` on \`jeton_api\` (\`empreinte\`);`);
  }
}
