import { Migration } from "@mikro-orm/migrations";

/**
 * Full-text index of the mémoires' free-text search (back-office list): a GIN index on the words
 * of `memoire.recherche` (already folded: lower case, no accents) as a `simple` tsvector. The
 * expression is the one `conditionTexte` (admin/memoires/memoires.requete.ts) queries; the entity
 * schemas cannot express it for one dialect only: written by hand.
 */
export class Migration20261122083710_recherche_plein_texte extends Migration {
  override up(): void {
    this.addSql(`create index memoire_recherche_mots_idx on memoire using gin (to_tsvector('simple', regexp_replace(recherche, '[^[:alnum:]]+', ' ', 'g')));`);
  }

  override down(): void {
    this.addSql(`drop index if exists memoire_recherche_mots_idx;`);
  }
}
