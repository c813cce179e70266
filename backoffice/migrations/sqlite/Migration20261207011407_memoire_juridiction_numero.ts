import { Migration } from "@mikro-orm/migrations";

export class Migration20261207011407_memoire_juridiction_numero extends Migration {
  override up(): void {
    this.addSql(`create index \`memoire_juridiction_numero_idx\` on \`memoire\` (\`juridiction_code\`, \`numero\`);`);
  }
}
