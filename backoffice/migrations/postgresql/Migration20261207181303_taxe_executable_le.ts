import { Migration } from "@mikro-orm/migrations";

export class Migration20261207181303_taxe_executable_le extends Migration {
  override up(): void {
    this.addSql(`alter table "memoire" add column "taxe_executable_le" varchar(10) null;`);
  }

  override down(): void {
    this.addSql(`alter table "memoire" drop column "taxe_executable_le";`);
  }
}
