/**
 * Folds French text for search: lower case, accents removed (NFD then combining marks dropped),
 * ligatures expanded, whitespace collapsed — "Éléonore  CŒUR" → "eleonore coeur". The same function
 * fills the stored `recherche` columns and normalises the searched words, so SQLite (whose LIKE only
 * folds ASCII) and PostgreSQL compare identical strings.
 */
export const normaliserRecherche = (texte: string): string =>
  texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/** Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern. */
export const echapperLike = (texte: string): string => texte.replace(/[\\%_]/g, (c) => `\\${c}`);
