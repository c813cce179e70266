import type { EtatMemoire } from "@frais-justice/core/memoire";
import { echapperLike, normaliserRecherche } from "../../base/texte.js";
import type { ValeurSql } from "../../base/sql.js";
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
  readonly categoriePrestataire?: string;
  readonly texteReference?: string;
  readonly numeroEngagementJuridique?: string;
  /** Free text, accent- and case-insensitive (the normalised `recherche` column). */
  readonly texte?: string;
  /** Only the states waiting for these roles ("à traiter"). */
  readonly etatsEnAttente?: ReadonlyArray<EtatMemoire>;
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

export interface ClauseWhere {
  readonly sql: string;
  readonly params: ReadonlyArray<ValeurSql>;
}

const marques = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

/**
 * The WHERE clause of the list: ALWAYS restricted to the juridictions the agent may consult (computed
 * by core's `autoriser`) and to the states the court sees, then AND of the criteria.
 */
export const clauseWhere = (juridictionsVisibles: ReadonlyArray<string>, c: CriteresListe): ClauseWhere => {
  if (juridictionsVisibles.length === 0) return { sql: "1 = 0", params: [] };
  const conditions: Array<string> = [`juridiction_code IN (${marques(juridictionsVisibles.length)})`, `etat NOT IN (${marques(ETATS_INVISIBLES_JURIDICTION.length)})`];
  const params: Array<ValeurSql> = [...juridictionsVisibles, ...ETATS_INVISIBLES_JURIDICTION];
  const ajouter = (sql: string, ...valeurs: Array<ValeurSql>): void => {
    conditions.push(sql);
    params.push(...valeurs);
  };
  if (c.numero !== undefined && c.numero.trim() !== "") ajouter("numero LIKE ? ESCAPE '\\'", `${echapperLike(c.numero.trim().toUpperCase())}%`);
  if (c.juridictionCode !== undefined && c.juridictionCode !== "") ajouter("juridiction_code = ?", c.juridictionCode);
  if (c.etat !== undefined && c.etat !== "") ajouter("etat = ?", c.etat);
  if (c.etatsEnAttente !== undefined) {
    if (c.etatsEnAttente.length === 0) ajouter("1 = 0");
    else ajouter(`etat IN (${marques(c.etatsEnAttente.length)})`, ...c.etatsEnAttente);
  }
  if (c.deposeDu !== undefined) ajouter("envoye_le >= ?", c.deposeDu);
  if (c.deposeAvant !== undefined) ajouter("envoye_le < ?", c.deposeAvant);
  if (c.structureId !== undefined && c.structureId.trim() !== "") ajouter("structure_id = ?", c.structureId.trim());
  if (c.categoriePrestataire !== undefined && c.categoriePrestataire !== "") ajouter("categorie_prestataire = ?", c.categoriePrestataire);
  if (c.texteReference !== undefined && c.texteReference.trim() !== "") ajouter("texte_reference = ?", c.texteReference.trim());
  if (c.numeroEngagementJuridique !== undefined && c.numeroEngagementJuridique.trim() !== "")
    ajouter("numero_engagement_juridique LIKE ? ESCAPE '\\'", `${echapperLike(c.numeroEngagementJuridique.trim().toUpperCase())}%`);
  if (c.texte !== undefined && normaliserRecherche(c.texte) !== "") ajouter("recherche LIKE ? ESCAPE '\\'", `%${echapperLike(normaliserRecherche(c.texte))}%`);
  return { sql: conditions.join(" AND "), params };
};

/** Columns of a list row. */
export const SELECTION_LISTE = `id, numero, etat, version, juridiction_code AS "juridictionCode", juridiction_libelle AS "juridictionLibelle",
  cour_appel AS "courAppel", structure_id AS "structureId", categorie_prestataire AS "categoriePrestataire", texte_reference AS "texteReference",
  numero_engagement_juridique AS "numeroEngagementJuridique", envoye_le AS "envoyeLe", mis_a_disposition_le AS "misADispositionLe",
  montant_ttc AS "montantTtc", montants_demandes AS "montantsDemandes", montant_modifie AS "montantModifie", etat_le AS "etatLe"`;

/** SELECT of one page (or of everything, for the CSV export, when `limite` is undefined). */
export const requeteListe = (
  where: ClauseWhere,
  tri: { readonly colonne: ColonneTri; readonly sens: "asc" | "desc" },
  page?: { readonly limite: number; readonly decalage: number },
): ClauseWhere => {
  const sens = tri.sens === "desc" ? "DESC" : "ASC";
  // id breaks ties: a stable order across pages.
  const ordre = `ORDER BY ${COLONNES_TRI[tri.colonne]} ${sens}, id ${sens}`;
  const limite = page === undefined ? "" : " LIMIT ? OFFSET ?";
  return {
    sql: `SELECT ${SELECTION_LISTE} FROM memoire WHERE ${where.sql} ${ordre}${limite}`,
    params: page === undefined ? where.params : [...where.params, page.limite, page.decalage],
  };
};
