import { STATUTS_VISIBLES, statutVisible, type CriteresListeFiscale, type CriteresRecherche, type EtatMemoire, type StatutVisible } from "@frais-justice/core/memoire";
import { ETATS_MEMOIRE } from "@frais-justice/core/memoire";
import { Option } from "effect";
import type { ValeurSql } from "../base/sql.js";
import { echapperLike } from "../base/texte.js";

/**
 * The views' queries as SQL, built from core's plain-data criteria (`CriteresRecherche`,
 * `CriteresListeFiscale`): pure functions returning the text and its parameters, run by
 * `DepotVues` and checked with EXPLAIN by the tests. Each names the index it is written for.
 */
export interface RequeteSql {
  readonly texte: string;
  readonly params: ReadonlyArray<ValeurSql>;
}

/** Where the reader may look (from their habilitations or perimeter); absent: everywhere (national roles). */
export interface Restriction {
  readonly structureIds?: ReadonlyArray<string>;
  readonly juridictions?: ReadonlyArray<string>;
  readonly coursAppel?: ReadonlyArray<string>;
}

/** The internal states shown as a visible status (`MIS_A_DISPOSITION` ← the five court-side states). */
export const etatsDuStatut = (statut: StatutVisible): ReadonlyArray<EtatMemoire> =>
  ETATS_MEMOIRE.filter((e) => Option.getOrUndefined(statutVisible(e)) === statut);

/** States awaiting the court: a juridiction's backlog. */
export const ETATS_EN_ATTENTE_JURIDICTION: ReadonlyArray<EtatMemoire> = ["ENVOYE", "MIS_A_DISPOSITION", "A_TAXER", "CERTIFIE", "TAXE", "VALIDE"];

const DECALAGE = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
const decalageParisMs = (instant: number): number => {
  const p = Object.fromEntries(DECALAGE.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p["year"]), Number(p["month"]) - 1, Number(p["day"]), Number(p["hour"]), Number(p["minute"]), Number(p["second"])) - instant;
};

/** The instant a calendar day starts in Europe/Paris ("2026-03-29" → 2026-03-28T23:00:00Z). */
export const debutJourParis = (jour: string): Date => {
  const [a, m, j] = jour.split("-").map(Number);
  const minuitUtc = Date.UTC(a ?? 0, (m ?? 1) - 1, j ?? 1);
  let t = minuitUtc - decalageParisMs(minuitUtc);
  const corrige = minuitUtc - decalageParisMs(t);
  if (corrige !== t) t = corrige;
  return new Date(t);
};

const lendemain = (jour: string): string => new Date(Date.parse(`${jour}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const dans = (colonne: string, valeurs: ReadonlyArray<string>, params: Array<ValeurSql>): string => {
  params.push(...valeurs);
  return `${colonne} IN (${valeurs.map(() => "?").join(", ")})`;
};

const restreindre = (r: Restriction | undefined, conditions: Array<string>, params: Array<ValeurSql>): void => {
  if (r === undefined) return;
  const ou: Array<string> = [];
  if (r.structureIds !== undefined && r.structureIds.length > 0) ou.push(dans("structure_id", r.structureIds, params));
  if (r.juridictions !== undefined && r.juridictions.length > 0) ou.push(dans("juridiction_code", r.juridictions, params));
  if (r.coursAppel !== undefined && r.coursAppel.length > 0) ou.push(dans("cour_appel", r.coursAppel, params));
  conditions.push(ou.length === 0 ? "1 = 0" : `(${ou.join(" OR ")})`);
};

/** Columns of a result row of the lists (seed 001's columns), named as in `LigneMemoire`. */
export const COLONNES_LISTE = `id AS "id", numero AS "numero", etat AS "etat", version AS "version", structure_id AS "structureId", service_id AS "serviceId",
  juridiction_code AS "juridictionCode", juridiction_libelle AS "juridictionLibelle", numero_facture AS "numeroFacture",
  numero_engagement_juridique AS "numeroEngagementJuridique", texte_reference AS "texteReference", numero_lot AS "numeroLot", envoye_le AS "envoyeLe",
  etat_le AS "etatLe", montant_ttc AS "montantTtc", montant_tva AS "montantTva", montant_modifie AS "montantModifie",
  paiement_date AS "paiementDate", paiement_reference AS "paiementReference"`;

const TRI: { readonly [T in CriteresRecherche["tri"]]: string } = {
  DATE_DEPOT: "envoye_le",
  NUMERO: "numero",
  MONTANT_TTC: "montant_ttc_centimes",
  ETAT: `CASE etat ${ETATS_MEMOIRE.map((e) => `WHEN '${e}' THEN ${STATUTS_VISIBLES.indexOf(Option.getOrElse(statutVisible(e), () => "BROUILLON" as const))}`).join(" ")} END`,
};

/**
 * The count returned with a Rechercher page stops at this many rows: beyond it the page says "more
 * than 10,000" (`totalExact: false`), so a national search never counts millions of rows.
 */
export const PLAFOND_TOTAL = 10_000;

/** Largest page of the all-structures tableau de bord (structures per page). */
export const TAILLE_PAGE_TABLEAU_MAX = 100;

/**
 * Rechercher: every criterion (AND), sorted (drafts without a date de dépôt last, ties by numéro then
 * id), one page. Served by `memoire_structure_etat_envoye_idx` (structure + état + dates),
 * `memoire_juridiction_etat_envoye_idx` (court side), `memoire_numero_unique` (numéro),
 * `memoire_numero_lot_idx` (numéro de lot).
 */
export const sqlRecherche = (c: CriteresRecherche, restriction?: Restriction, plafond = PLAFOND_TOTAL): { readonly page: RequeteSql; readonly total: RequeteSql } => {
  const conditions: Array<string> = ["etat <> 'SUPPRIME'"];
  const params: Array<ValeurSql> = [];
  const egal = (colonne: string, v: string | undefined) => {
    if (v === undefined) return;
    conditions.push(`${colonne} = ?`);
    params.push(v);
  };
  if (c.numero !== undefined) {
    if (c.numeroMode === "PREFIXE") {
      conditions.push("numero LIKE ? ESCAPE '\\'");
      params.push(`${echapperLike(c.numero.toUpperCase())}%`);
    } else egal("numero", c.numero.toUpperCase());
  }
  egal("structure_id", c.structureId);
  egal("juridiction_code", c.juridiction);
  egal("numero_engagement_juridique", c.numeroEngagementJuridique);
  egal("categorie_prestataire", c.categoriePrestataire);
  egal("service_id", c.serviceId);
  egal("texte_reference", c.texteReference);
  egal("numero_lot", c.numeroLot);
  if (c.statut !== undefined) conditions.push(dans("etat", etatsDuStatut(c.statut), params));
  if (c.dateDepotDu !== undefined) {
    conditions.push("envoye_le >= ?");
    params.push(debutJourParis(c.dateDepotDu));
  }
  if (c.dateDepotAu !== undefined) {
    conditions.push("envoye_le < ?");
    params.push(debutJourParis(lendemain(c.dateDepotAu)));
  }
  restreindre(restriction, conditions, params);
  const where = conditions.join(" AND ");
  const sens = c.sens === "ASC" ? "ASC" : "DESC";
  return {
    page: {
      texte: `SELECT ${COLONNES_LISTE} FROM memoire WHERE ${where} ORDER BY ${TRI[c.tri]} ${sens} NULLS LAST, numero ASC, id ASC LIMIT ? OFFSET ?`,
      params: [...params, c.taille, (c.page - 1) * c.taille],
    },
    // Capped: counts at most `plafond` + 1 rows (the extra one tells the total is not exact).
    total: { texte: `SELECT count(*) AS "n" FROM (SELECT 1 FROM memoire WHERE ${where} LIMIT ?) AS t`, params: [...params, plafond + 1] },
  };
};

/** Lookup by number (MJ, or TMP while a draft): `memoire_numero_unique`. */
export const sqlParNumero = (numero: string): RequeteSql => ({ texte: `SELECT ${COLONNES_LISTE} FROM memoire WHERE numero = ?`, params: [numero.toUpperCase()] });

/** Tableau de bord of the given structures: the maintained counters (`tableau_de_bord`, primary key structure + état). */
export const sqlTableauDeBord = (structureIds: ReadonlyArray<string>): RequeteSql => {
  const params: Array<ValeurSql> = [];
  const where = `${dans("structure_id", structureIds, params)} AND nombre <> 0`;
  return { texte: `SELECT structure_id AS "structureId", etat AS "etat", nombre AS "nombre" FROM tableau_de_bord WHERE ${where} ORDER BY structure_id, etat`, params };
};

/**
 * Tableau de bord of all structures, one page: the counters of the first `taille` structures (in id
 * order) after `apres` (keyset paging on the primary key: page 1000 costs what page 1 costs), plus
 * one more structure id to tell whether a next page exists.
 */
export const sqlTableauDeBordPage = (apres: string | undefined, taille: number): RequeteSql => ({
  texte: `SELECT structure_id AS "structureId", etat AS "etat", nombre AS "nombre" FROM tableau_de_bord
    WHERE structure_id IN (SELECT DISTINCT structure_id FROM tableau_de_bord WHERE structure_id > ? AND nombre <> 0 ORDER BY structure_id LIMIT ?)
    AND nombre <> 0 ORDER BY structure_id, etat`,
  params: [apres ?? "", taille + 1],
});

/** National totals per état: one maintained row per état (`tableau_de_bord_national`), no sum over the structures. */
export const sqlTotauxNationaux = (): RequeteSql => ({
  texte: `SELECT etat AS "etat", nombre AS "nombre", montant_ttc_centimes AS "centimes" FROM tableau_de_bord_national WHERE nombre <> 0 ORDER BY etat`,
  params: [],
});

/** Synthèse: drafts and refused mémoires of a structure, latest change first (`memoire_structure_etat_envoye_idx`). */
export const sqlSynthese = (structureId: string, limite = 100): RequeteSql => ({
  texte: `SELECT ${COLONNES_LISTE} FROM memoire WHERE structure_id = ? AND etat IN ('BROUILLON', 'REFUSE') ORDER BY etat_le DESC, numero ASC, id ASC LIMIT ?`,
  params: [structureId, limite],
});

/** Liste fiscale: paid mémoires of a structure over a period (`memoire_structure_paiement_idx`). */
export const sqlListeFiscale = (c: CriteresListeFiscale): RequeteSql => ({
  texte: `SELECT ${COLONNES_LISTE} FROM memoire WHERE ${c.structureId === undefined ? "" : "structure_id = ? AND "}paiement_date >= ? AND paiement_date <= ? AND etat = 'MIS_EN_PAIEMENT' ORDER BY paiement_date, numero`,
  params: [...(c.structureId === undefined ? [] : [c.structureId]), c.du, c.au],
});

/** A juridiction's backlog: mémoires awaiting the court (`memoire_juridiction_etat_envoye_idx`). */
export const sqlAttenteJuridiction = (code: string): RequeteSql => {
  const params: Array<ValeurSql> = [code];
  return { texte: `SELECT count(*) AS "n" FROM memoire WHERE juridiction_code = ? AND ${dans("etat", ETATS_EN_ATTENTE_JURIDICTION, params)}`, params };
};
