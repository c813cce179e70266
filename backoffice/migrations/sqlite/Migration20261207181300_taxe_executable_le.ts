import { Migration } from "@mikro-orm/migrations";

export class Migration20261207181300_taxe_executable_le extends Migration {
  override up(): void {
    this.addSql(`alter table \`memoire\` add column \`taxe_executable_le\` text null;`);
  }
}
