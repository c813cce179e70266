import { Migration } from "@mikro-orm/migrations";

/**
 * Full-text index of the mémoires' free-text search (back-office list): an FTS5 table over
 * `memoire.recherche` (external content: it stores only the index, keyed by the mémoire's rowid),
 * `unicode61 remove_diacritics 2` tokens, filled from the existing rows and kept in sync by
 * triggers. The entity schemas cannot express a virtual table: written by hand.
 */
export class Migration20261122083708_recherche_plein_texte extends Migration {
  override up(): void {
    this.addSql(
      `create virtual table memoire_fts using fts5(recherche, content = 'memoire', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');`,
    );
    this.addSql(`insert into memoire_fts(memoire_fts) values ('rebuild');`);
    this.addSql(`create trigger memoire_fts_insertion after insert on memoire begin insert into memoire_fts(rowid, recherche) values (new.rowid, new.recherche); end;`);
    this.addSql(
      `create trigger memoire_fts_suppression after delete on memoire begin insert into memoire_fts(memoire_fts, rowid, recherche) values ('delete', old.rowid, old.recherche); end;`,
    );
    this.addSql(
      `create trigger memoire_fts_modification after update of recherche on memoire begin insert into memoire_fts(memoire_fts, rowid, recherche) values ('delete', old.rowid, old.recherche); insert into memoire_fts(rowid, recherche) values (new.rowid, new.recherche); end;`,
    );
  }

  override down(): void {
    this.addSql(`drop trigger if exists memoire_fts_modification;`);
    this.addSql(`drop trigger if exists memoire_fts_suppression;`);
    this.addSql(`drop trigger if exists memoire_fts_insertion;`);
    this.addSql(`drop table if exists memoire_fts;`);
  }
}
