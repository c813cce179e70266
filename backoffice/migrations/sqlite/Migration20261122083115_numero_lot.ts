import { Migration } from "@mikro-orm/migrations";

export class Migration20261122083115_numero_lot extends Migration {
  override up(): void {
    this.addSql(`alter table \`memoire\` add column \`numero_lot\` text null;`);
    this.addSql(`create index \`memoire_numero_lot_idx\` on \`memoire\` (\`numero_lot\`);`);
  }
}
