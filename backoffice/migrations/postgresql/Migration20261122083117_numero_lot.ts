import { Migration } from "@mikro-orm/migrations";

export class Migration20261122083117_numero_lot extends Migration {
  override up(): void {
    this.addSql(`alter table "memoire" add column "numero_lot" varchar(50) null;`);
    this.addSql(`create index "memoire_numero_lot_idx" on "memoire" ("numero_lot");`);
  }

  override down(): void {
    this.addSql(`drop index "memoire_numero_lot_idx";`);
    this.addSql(`alter table "memoire" drop column "numero_lot";`);
  }
}
