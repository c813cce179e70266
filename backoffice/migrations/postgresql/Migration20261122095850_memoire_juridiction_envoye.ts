import { Migration } from "@mikro-orm/migrations";

export class Migration20261122095850_memoire_juridiction_envoye extends Migration {
  override up(): void {
    this.addSql(`create index "memoire_juridiction_envoye_idx" on "memoire" ("juridiction_code", "envoye_le", "id", "etat", "structure_id");`);
  }

  override down(): void {
    this.addSql(`drop index "memoire_juridiction_envoye_idx";`);
  }
}
