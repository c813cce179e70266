import type { EtatMemoire } from "@frais-justice/core/memoire";
import { echapperLike, normaliserRecherche } from "../../base/texte.js";
import type { ValeurSql } from "../../base/sql.js";
import type { Dialecte } from "../../base/configuration.js";
import { EXECUTION_SUSPENDUE } from "../../memoire/memoire.mapper.js";
import { ETATS_INVISIBLES_JURIDICTION } from "./libelles.js";

/** The search criteria of the court-side list (DOMAIN.md §3 Rechercher), as typed in the filters. */
export interface CriteresListe {
  readonly numero?: string;
  readonly juridictionCode?: string;
  readonly etat?: string;
  readonly deposeDu?: Date;
  /** Excluded bound (the day after the "au" date). */
  readonly deposeAvant?: Date;
  readonly structureId?: string;
  /** A prestataire by raison sociale or identifier (SIRET…): part of the structure's search text, accent-insensitive. */
  readonly prestataire?: string;
  /** The structures {@link prestataire} designates, when already looked up (then `prestataire` is not re-read). */
  readonly structuresPrestataire?: ReadonlyArray<string>;
  readonly categoriePrestataire?: string;
  readonly texteReference?: string;
  readonly numeroEngagementJuridique?: string;
  /**
   * Free text, accent- and case-insensitive: every word typed must be a word of the normalised
   * `recherche` column, the last one may be the beginning of a word (full-text index: FTS5 on
   * SQLite, a GIN tsvector index on PostgreSQL).
   */
  readonly texte?: string;
  /** Only the states waiting for these roles ("à traiter"). */
  readonly etatsEnAttente?: ReadonlyArray<EtatMemoire>;
  /** Only the taxed mémoires whose appeal waits for the chambre de l'instruction's decision (CPP R228-1). */
  readonly recoursEnInstance?: boolean;
  /**
   * The taxed mémoires waiting for these roles ("à traiter" too): `aNotifier`, those whose taxation
   * differs from the request and whose notification is not recorded (the greffier's); `executablesAu`,
   * those whose payment may be validated on that day `AAAA-MM-JJ` (the ordonnateur's: the taxation
   * grants the request, its appeal delay has run, or the chambre de l'instruction has decided on its
   * appeal, CPP R228-1; never while an appeal waits for that decision).
   */
  readonly taxesEnAttente?: { readonly aNotifier: boolean; readonly executablesAu?: string };
}

/** Sortable columns (all backed by an index or cheap on the filtered set). */
export const COLONNES_TRI = {
  envoyeLe: "envoye_le",
  numero: "numero",
  etat: "etat",
  montantTtc: "montant_ttc_centimes",
  juridictionCode: "juridiction_code",
  misADispositionLe: "mis_a_disposition_le",
} as const;
export type ColonneTri = keyof typeof COLONNES_TRI;

/** The same columns under their names in {@link SELECTION_LISTE} (the order of the outer query). */
const ALIAS_TRI: { readonly [C in ColonneTri]: string } = {
  envoyeLe: `"envoyeLe"`,
  numero: "numero",
  etat: "etat",
  montantTtc: `"montantTtcCentimes"`,
  juridictionCode: `"juridictionCode"`,
  misADispositionLe: `"misADispositionLe"`,
};

export interface ClauseWhere {
  readonly sql: string;
  readonly params: ReadonlyArray<ValeurSql>;
}

const marques = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

/** Beyond this many mémoires the list says "plus de 10 000" instead of counting them all. */
export const PLAFOND_COMPTE = 10_000;

/** The words of a free-text search, folded like the `recherche` column and split on anything but letters and digits. */
export const motsRecherche = (texte: string): ReadonlyArray<string> => [...new Set(normaliserRecherche(texte).split(/[^\p{L}\p{N}]+/u).filter((m) => m !== ""))];

/**
 * The FTS5 query of the words, all required: each a whole word but the last, which may be the
 * beginning of one (an exact word is a seek in the index; a prefix merges every word it begins).
 */
const expressionFts = (mots: ReadonlyArray<string>): string => mots.map((m, i) => (i === mots.length - 1 ? `"${m}"*` : `"${m}"`)).join(" ");

/** From this many full-text matches on, the words are "frequent" (see {@link conditionTexte}). */
export const SEUIL_TEXTE_FREQUENT = 5_000;

/** SQLite: how many mémoires the words match, stopped at {@link SEUIL_TEXTE_FREQUENT} (a walk of the index, no table read). */
export const requeteFrequenceTexte = (mots: ReadonlyArray<string>): ClauseWhere => ({
  sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM memoire_fts WHERE memoire_fts MATCH ? LIMIT ${String(SEUIL_TEXTE_FREQUENT)}) t`,
  params: [expressionFts(mots)],
});

/**
 * The free-text condition: each word is a word prefix, all words required. SQLite: the FTS5 table
 * `memoire_fts` (external content on `memoire.recherche`, `unicode61 remove_diacritics 2`, kept in
 * sync by triggers). Rare words drive the query (matching rows read by rowid, then sorted); for
 * frequent words (`frequent`, from {@link requeteFrequenceTexte}) the unary `+` keeps the planner on the
 * list's ordered index, the matches being only a filter — otherwise "paris" would read and sort
 * every mémoire of Paris. PostgreSQL: the GIN index on the same words as a `simple` tsvector (its
 * planner weighs the frequency itself); the expression must stay identical to the index's
 * (migration `recherche_plein_texte`).
 */
export const conditionTexte = (mots: ReadonlyArray<string>, dialecte: Dialecte, frequent = false): ClauseWhere =>
  dialecte === "sqlite"
    ? { sql: `${frequent ? "+" : ""}rowid IN (SELECT rowid FROM memoire_fts WHERE memoire_fts MATCH ?)`, params: [expressionFts(mots)] }
    : {
        sql: `to_tsvector('simple', regexp_replace(recherche, '[^[:alnum:]]+', ' ', 'g')) @@ to_tsquery('simple', ?)`,
        params: [mots.map((m, i) => (i === mots.length - 1 ? `${m}:*` : m)).join(" & ")],
      };

/** The character after `c` among the characters of a number (0-9 then A-Z), or undefined after Z. */
const suivantAlphanumerique = (c: string): string | undefined => (c === "9" ? "A" : c === "Z" ? undefined : String.fromCharCode(c.charCodeAt(0) + 1));

/** A typed numéro as numbers are written: without spaces, upper case. */
const normaliserNumero = (saisie: string): string => saisie.replace(/\s+/g, "").toUpperCase();

/**
 * A numéro criterion (MJ or TMP, whole or its beginning): the numbers starting with it, read by
 * range on an index of `numero` (`LIKE 'prefix%'` cannot use one: SQLite's LIKE ignores case, and
 * PostgreSQL uses an index for LIKE only under the C collation). Numbers are upper-case letters and
 * digits: the range [prefix, next prefix) holds every number that starts with the prefix, in byte
 * order as in a linguistic collation (digits before letters), and the LIKE keeps exactly those.
 * Spaces typed inside the number are ignored; any other character matches no number.
 */
export const conditionNumero = (saisie: string, options: { readonly parIndex?: boolean } = {}): ClauseWhere => {
  const prefixe = normaliserNumero(saisie);
  if (!/^[A-Z0-9]+$/.test(prefixe)) return { sql: "1 = 0", params: [] };
  // Without the range the index is not offered to the planner (a prefix most numbers start with).
  if (options.parIndex === false) return { sql: "numero LIKE ?", params: [`${prefixe}%`] };
  // The smallest string after every string starting with the prefix: its last character that is not
  // Z, moved to the next one (the Zs after it dropped); none when the prefix is only Zs.
  const base = prefixe.replace(/Z+$/, "");
  const suivant = base === "" ? undefined : suivantAlphanumerique(base.slice(-1));
  const borne = suivant === undefined ? undefined : `${base.slice(0, -1)}${suivant}`;
  return borne === undefined
    ? { sql: "numero >= ? AND numero LIKE ?", params: [prefixe, `${prefixe}%`] }
    : { sql: "numero >= ? AND numero < ? AND numero LIKE ?", params: [prefixe, borne, `${prefixe}%`] };
};

/**
 * True when what was typed is a whole number (`MJ` + 10 digits, `TMP` + 12; spaces and case
 * ignored): one mémoire at most, so the list needs no probe of {@link requeteFrequenceNumero}.
 */
export const numeroComplet = (saisie: string): boolean => /^(MJ\d{10}|TMP\d{12})$/.test(normaliserNumero(saisie));

/** Up to this many numbers starting with a numéro prefix, the prefix drives the list (see {@link requeteFrequenceNumero}). */
export const SEUIL_NUMERO_SELECTIF = 10_000;

/**
 * SQLite: how many numbers (every juridiction) start with a numéro prefix, stopped at
 * {@link SEUIL_NUMERO_SELECTIF} (a walk of the numbers' unique index). Below it, the list's page is
 * read by range on `memoire_juridiction_numero_idx` and sorted; above it, in the juridiction's order
 * with the prefix as a filter (a short prefix like "MJ" matches nearly every row: the page finds its 20
 * rows at once). The count always reads the range (`compte` of {@link clauseWhere}): at most the
 * juridiction's matching numbers, stopped at its cap. PostgreSQL's planner makes these choices itself
 * from its statistics.
 */
export const requeteFrequenceNumero = (saisie: string): ClauseWhere => {
  const n = conditionNumero(saisie);
  return { sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM memoire WHERE ${n.sql} LIMIT ${String(SEUIL_NUMERO_SELECTIF)}) t`, params: n.params };
};

/**
 * The WHERE clause of the list: ALWAYS restricted to the juridictions the agent may consult (computed
 * by core's `autoriser`) and to the states the court sees, then AND of the criteria.
 */
export const clauseWhere = (
  juridictionsVisibles: ReadonlyArray<string>,
  c: CriteresListe,
  dialecte: Dialecte = "sqlite",
  options: {
    readonly texteFrequent?: boolean;
    readonly numeroSelectif?: boolean;
    /**
     * The clause of the capped count rather than of the page: the numéro is then a range whatever its
     * frequency (the count needs no order; `memoire_juridiction_numero_idx` reads only the juridiction's
     * matching numbers, where the juridiction's ordered index would read all its mémoires).
     */
    readonly compte?: boolean;
  } = {},
): ClauseWhere => {
  if (juridictionsVisibles.length === 0) return { sql: "1 = 0", params: [] };
  // Rare words of a free text drive the query from the full-text index (SQLite): the unary `+` keeps
  // the planner off the juridiction's ordered index, which it would otherwise scan whole looking for
  // the 20 rows of the page. (A numéro range needs none: `memoire_juridiction_numero_idx` starts with
  // the juridiction.)
  const mots = c.texte === undefined ? [] : motsRecherche(c.texte);
  const plus = dialecte === "sqlite" && mots.length > 0 && options.texteFrequent !== true ? "+" : "";
  // One juridiction (the usual case) is an equality: the (juridiction, dépôt) index then gives the order.
  const perimetre = juridictionsVisibles.length === 1 ? `${plus}juridiction_code = ?` : `${plus}juridiction_code IN (${marques(juridictionsVisibles.length)})`;
  const conditions: Array<string> = [perimetre, `${plus}etat NOT IN (${marques(ETATS_INVISIBLES_JURIDICTION.length)})`];
  const params: Array<ValeurSql> = [...juridictionsVisibles, ...ETATS_INVISIBLES_JURIDICTION];
  const ajouter = (sql: string, ...valeurs: Array<ValeurSql>): void => {
    conditions.push(sql);
    params.push(...valeurs);
  };
  if (c.numero !== undefined && c.numero.trim() !== "") {
    const n = conditionNumero(c.numero, { parIndex: dialecte === "postgresql" || options.numeroSelectif === true || options.compte === true });
    ajouter(n.sql, ...n.params);
  }
  if (c.juridictionCode !== undefined && c.juridictionCode !== "") ajouter("juridiction_code = ?", c.juridictionCode);
  if (c.etat !== undefined && c.etat !== "") ajouter("etat = ?", c.etat);
  if (c.etatsEnAttente !== undefined) {
    const t = c.taxesEnAttente;
    // The taxed mémoires waiting for a role: état TAXE and a condition on the ordonnance (written as
    // `etat IN (…, 'TAXE') AND (etat <> 'TAXE' OR …)` so that the état index still bounds the scan).
    const taxes: Array<{ sql: string; params: Array<ValeurSql> }> = [];
    if (t?.aNotifier === true) taxes.push({ sql: "(montant_modifie = ? AND taxe_executable_le IS NULL)", params: [true] });
    // Executable: an ordonnance that grants the request with no appeal (no day stored), or whose day has come.
    if (t?.executablesAu !== undefined) taxes.push({ sql: "((montant_modifie = ? AND taxe_executable_le IS NULL) OR taxe_executable_le <= ?)", params: [false, t.executablesAu] });
    const etats = taxes.length === 0 ? c.etatsEnAttente : [...c.etatsEnAttente.filter((e) => e !== "TAXE"), "TAXE" as const];
    if (etats.length === 0) ajouter("1 = 0");
    else if (taxes.length === 0) ajouter(`etat IN (${marques(etats.length)})`, ...etats);
    else ajouter(`etat IN (${marques(etats.length)}) AND (etat <> 'TAXE' OR ${taxes.map((x) => x.sql).join(" OR ")})`, ...etats, ...taxes.flatMap((x) => x.params));
  }
  // Read in the juridiction/état index (its last column is the day of execution, suspended while an appeal waits).
  if (c.recoursEnInstance === true) ajouter("etat = ? AND taxe_executable_le = ?", "TAXE", EXECUTION_SUSPENDUE);
  if (c.deposeDu !== undefined) ajouter("envoye_le >= ?", c.deposeDu);
  if (c.deposeAvant !== undefined) ajouter("envoye_le < ?", c.deposeAvant);
  if (c.structureId !== undefined && c.structureId.trim() !== "") ajouter("structure_id = ?", c.structureId.trim());
  if (c.structuresPrestataire !== undefined) {
    if (c.structuresPrestataire.length === 0) ajouter("1 = 0");
    else ajouter(`structure_id IN (${marques(c.structuresPrestataire.length)})`, ...c.structuresPrestataire);
  } else if (c.prestataire !== undefined && normaliserRecherche(c.prestataire) !== "")
    ajouter(
      "structure_id IN (SELECT s.id FROM structure s WHERE s.id = ? OR s.recherche LIKE ? ESCAPE '\\')",
      c.prestataire.trim(),
      `%${echapperLike(normaliserRecherche(c.prestataire))}%`,
    );
  if (c.categoriePrestataire !== undefined && c.categoriePrestataire !== "") ajouter("categorie_prestataire = ?", c.categoriePrestataire);
  if (c.texteReference !== undefined && c.texteReference.trim() !== "") ajouter("texte_reference = ?", c.texteReference.trim());
  if (c.numeroEngagementJuridique !== undefined && c.numeroEngagementJuridique.trim() !== "")
    ajouter("numero_engagement_juridique LIKE ? ESCAPE '\\'", `${echapperLike(c.numeroEngagementJuridique.trim().toUpperCase())}%`);
  if (mots.length > 0) {
    const t = conditionTexte(mots, dialecte, options.texteFrequent ?? false);
    ajouter(t.sql, ...t.params);
  }
  return { sql: conditions.join(" AND "), params };
};

/** Columns of a list row. */
export const SELECTION_LISTE = `id, numero, etat, version, juridiction_code AS "juridictionCode", juridiction_libelle AS "juridictionLibelle",
  cour_appel AS "courAppel", structure_id AS "structureId", categorie_prestataire AS "categoriePrestataire", texte_reference AS "texteReference",
  numero_engagement_juridique AS "numeroEngagementJuridique", envoye_le AS "envoyeLe", mis_a_disposition_le AS "misADispositionLe",
  montant_ttc AS "montantTtc", montants_demandes AS "montantsDemandes", montant_modifie AS "montantModifie", etat_le AS "etatLe", montant_ttc_centimes AS "montantTtcCentimes"`;

/** At most this many structures are looked up for a prestataire filter (beyond, the filter stays a sub-query). */
export const MAX_STRUCTURES_PRESTATAIRE = 1_000;

/** The structures a prestataire filter designates: by id, or a part of their search text (raison sociale, identifier, town). */
export const requeteStructuresPrestataire = (prestataire: string): ClauseWhere => ({
  sql: `SELECT s.id FROM structure s WHERE s.id = ? OR s.recherche LIKE ? ESCAPE '\\' LIMIT ${String(MAX_STRUCTURES_PRESTATAIRE + 1)}`,
  params: [prestataire.trim(), `%${echapperLike(normaliserRecherche(prestataire))}%`],
});

/** COUNT of the list, stopped at {@link PLAFOND_COMPTE} + 1 rows (a count beyond says "plus de 10 000"). */
export const requeteCompte = (where: ClauseWhere, plafond: number = PLAFOND_COMPTE): ClauseWhere => ({
  sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM memoire WHERE ${where.sql} LIMIT ${String(Math.trunc(plafond) + 1)}) t`,
  params: where.params,
});

/**
 * SELECT of one page: the page of mémoires first (filter, order, LIMIT on the mémoire table and its
 * indexes), then the raison sociale and identifier of each row's prestataire (20 lookups by key,
 * never a join over the filtered set).
 */
export const requeteListe = (
  where: ClauseWhere,
  tri: { readonly colonne: ColonneTri; readonly sens: "asc" | "desc" },
  page: { readonly limite: number; readonly decalage: number },
): ClauseWhere => {
  const sens = tri.sens === "desc" ? "DESC" : "ASC";
  // id breaks ties: a stable order across pages.
  const interne = `SELECT ${SELECTION_LISTE} FROM memoire WHERE ${where.sql} ORDER BY ${COLONNES_TRI[tri.colonne]} ${sens}, id ${sens} LIMIT ? OFFSET ?`;
  return {
    sql: `SELECT p.*, s.raison_sociale AS "raisonSociale", s.identifiant_valeur AS "identifiantPrestataire" FROM (${interne}) p LEFT JOIN structure s ON s.id = p."structureId" ORDER BY p.${ALIAS_TRI[tri.colonne]} ${sens}, p.id ${sens}`,
    params: [...where.params, page.limite, page.decalage],
  };
};
