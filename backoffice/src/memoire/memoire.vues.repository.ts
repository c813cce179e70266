import { decoderCriteresRecherche, type CriteresListeFiscale, type CriteresRecherche, type EtatMemoire, type PageResultats } from "@frais-justice/core/memoire";
import { Either } from "effect";
import type { Orm } from "../base/orm.js";
import { lireBooleen, lireEntier, lireInstant, sqlDe, type Sql } from "../base/sql.js";
import {
  sqlAttenteJuridiction,
  sqlListeFiscale,
  sqlParNumero,
  sqlRecherche,
  sqlSynthese,
  sqlTableauDeBord,
  sqlTotauxNationaux,
  type RequeteSql,
  type Restriction,
} from "./memoire.vues.sql.js";

/** A row of the lists (Rechercher, Synthèse, Liste fiscale): the columns of seed 001, amounts as exact decimal strings. */
export interface LigneMemoire {
  readonly id: string;
  readonly numero: string;
  readonly etat: EtatMemoire;
  readonly version: number;
  readonly structureId: string;
  readonly serviceId?: string;
  readonly juridictionCode: string;
  readonly juridictionLibelle: string;
  readonly numeroFacture?: string;
  readonly numeroEngagementJuridique?: string;
  readonly texteReference?: string;
  /** Numéro de lot of the flux deposit. */
  readonly numeroLot?: string;
  readonly envoyeLe?: Date;
  readonly etatLe: Date;
  readonly montantTtc: string;
  readonly montantTva: string;
  readonly montantModifie: boolean;
  readonly paiementDate?: string;
  readonly paiementReference?: string;
}

type Brut = Readonly<Record<string, unknown>>;
const texte = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "bigint" ? v.toString() : JSON.stringify(v));
const opt = <K extends string>(k: K, v: unknown): { [P in K]?: string } => (v === null || v === undefined ? {} : ({ [k]: texte(v) } as { [P in K]?: string }));

const ligne = (r: Brut): LigneMemoire => ({
  id: String(r["id"]),
  numero: String(r["numero"]),
  etat: r["etat"] as EtatMemoire,
  version: lireEntier(r["version"]),
  structureId: String(r["structureId"]),
  ...opt("serviceId", r["serviceId"]),
  juridictionCode: String(r["juridictionCode"]),
  juridictionLibelle: String(r["juridictionLibelle"]),
  ...opt("numeroFacture", r["numeroFacture"]),
  ...opt("numeroEngagementJuridique", r["numeroEngagementJuridique"]),
  ...opt("texteReference", r["texteReference"]),
  ...opt("numeroLot", r["numeroLot"]),
  ...(r["envoyeLe"] === null || r["envoyeLe"] === undefined ? {} : { envoyeLe: lireInstant(r["envoyeLe"]) }),
  etatLe: lireInstant(r["etatLe"]),
  montantTtc: String(r["montantTtc"]),
  montantTva: String(r["montantTva"]),
  montantModifie: lireBooleen(r["montantModifie"]),
  ...opt("paiementDate", r["paiementDate"]),
  ...opt("paiementReference", r["paiementReference"]),
});

/** One row of the tableau de bord: a structure and its count per internal state. */
export interface CompteursStructure {
  readonly structureId: string;
  readonly parEtat: Readonly<Partial<Record<EtatMemoire, number>>>;
}

/**
 * The views of the mémoires, read with SQL (the criteria are core's plain data, translated by
 * `memoire.vues.sql.ts`). The list rows are projections (no lines): a page costs one indexed query
 * plus its count.
 */
export class DepotVues {
  private readonly sql: Sql;
  constructor(orm: Orm) {
    this.sql = sqlDe(orm);
  }

  private lignes = async (r: RequeteSql) => (await this.sql.lignes<Brut>(r.texte, r.params)).map(ligne);

  /** Rechercher: one page and the total. */
  async rechercher(criteres: CriteresRecherche, restriction?: Restriction): Promise<PageResultats<LigneMemoire>> {
    const { page, total } = sqlRecherche(criteres, restriction);
    const [elements, [n]] = [await this.lignes(page), await this.sql.lignes<{ n: unknown }>(total.texte, total.params)];
    const compte = lireEntier(n?.n ?? 0);
    return { elements, total: compte, page: criteres.page, taille: criteres.taille, nombrePages: Math.ceil(compte / criteres.taille) };
  }

  /** Rechercher from raw input (query string, JSON): core decodes and names every bad field. */
  async rechercherDepuisSaisie(saisie: unknown, restriction?: Restriction) {
    const criteres = decoderCriteresRecherche(saisie);
    return Either.isLeft(criteres) ? criteres : Either.right(await this.rechercher(criteres.right, restriction));
  }

  /** The list row of a mémoire by its number (MJ or TMP). */
  async parNumero(numero: string): Promise<LigneMemoire | undefined> {
    return (await this.lignes(sqlParNumero(numero)))[0];
  }

  /** Tableau de bord of some structures (or all). */
  async tableauDeBord(structureIds?: ReadonlyArray<string>): Promise<ReadonlyArray<CompteursStructure>> {
    const r = sqlTableauDeBord(structureIds);
    const parStructure = new Map<string, Partial<Record<EtatMemoire, number>>>();
    for (const l of await this.sql.lignes<{ structureId: string; etat: EtatMemoire; nombre: unknown }>(r.texte, r.params)) {
      const c = parStructure.get(l.structureId) ?? {};
      c[l.etat] = lireEntier(l.nombre);
      parStructure.set(l.structureId, c);
    }
    return [...parStructure].map(([structureId, parEtat]) => ({ structureId, parEtat }));
  }

  /** National counts per state (and TTC in cents). */
  async totauxNationaux(): Promise<ReadonlyArray<{ readonly etat: EtatMemoire; readonly nombre: number; readonly centimes: number }>> {
    const r = sqlTotauxNationaux();
    return (await this.sql.lignes<{ etat: EtatMemoire; nombre: unknown; centimes: unknown }>(r.texte, r.params)).map((l) => ({ etat: l.etat, nombre: lireEntier(l.nombre), centimes: lireEntier(l.centimes) }));
  }

  /** Synthèse of a structure: drafts and refused mémoires. */
  synthese(structureId: string): Promise<ReadonlyArray<LigneMemoire>> {
    return this.lignes(sqlSynthese(structureId));
  }

  /** Liste fiscale (the period is checked by core's `decoderCriteresListeFiscale`). */
  listeFiscale(criteres: CriteresListeFiscale): Promise<ReadonlyArray<LigneMemoire>> {
    return this.lignes(sqlListeFiscale(criteres));
  }

  /** Number of mémoires awaiting a juridiction. */
  async attenteJuridiction(code: string): Promise<number> {
    const r = sqlAttenteJuridiction(code);
    return lireEntier((await this.sql.lignes<{ n: unknown }>(r.texte, r.params))[0]?.n ?? 0);
  }
}
