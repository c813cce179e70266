import { Migration } from "@mikro-orm/migrations";

/**
 * Number sequences on PostgreSQL (SQLite uses the `compteur` table): MJ numbers of sent mémoires and
 * CPROCS numbers of support tickets. Draft (TMP) sequences are per year, created on first use.
 */
export class Migration20261122061557_sequences extends Migration {
  override up(): void {
    this.addSql(`create sequence if not exists memoire_mj_seq start with 1 increment by 1 no cycle;`);
    this.addSql(`create sequence if not exists ticket_cprocs_seq start with 1 increment by 1 no cycle;`);
  }

  override down(): void {
    this.addSql(`drop sequence if exists ticket_cprocs_seq;`);
    this.addSql(`drop sequence if exists memoire_mj_seq;`);
  }
}
