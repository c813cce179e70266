import { decoderCriteresRecherche, type CriteresListeFiscale, type CriteresRecherche, type EtatMemoire, type PageResultats } from "@frais-justice/core/memoire";
import { Either } from "effect";
import type { Orm } from "../base/orm.js";
import { lectureDe, lireBooleen, lireEntier, lireInstant, type Sql } from "../base/sql.js";
import {
  sqlAttenteJuridiction,
  sqlListeFiscale,
  sqlParNumero,
  sqlRecherche,
  sqlSynthese,
  sqlTableauDeBord,
  sqlTableauDeBordPage,
  sqlTotauxNationaux,
  PLAFOND_TOTAL,
  TAILLE_PAGE_TABLEAU_MAX,
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

/** A Rechercher page: `total` is exact when `totalExact`, otherwise the count stopped at `PLAFOND_TOTAL` ("more than"). */
export interface PageRecherche extends PageResultats<LigneMemoire> {
  readonly totalExact: boolean;
}

/** One page of the all-structures tableau de bord; `suivant` is the `apres` of the next page (absent on the last). */
export interface PageTableauDeBord {
  readonly elements: ReadonlyArray<CompteursStructure>;
  readonly suivant?: string;
}

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
    this.sql = lectureDe(orm);
  }

  private lignes = async (r: RequeteSql) => (await this.sql.lignes<Brut>(r.texte, r.params)).map(ligne);

  /**
   * Rechercher: one page and the total, counted up to `plafond` ({@link PLAFOND_TOTAL} by default;
   * beyond it `totalExact` is false and the total is the cap). Both queries at once (two connections
   * on PostgreSQL).
   */
  async rechercher(criteres: CriteresRecherche, restriction?: Restriction, plafond = PLAFOND_TOTAL): Promise<PageRecherche> {
    const { page, total } = sqlRecherche(criteres, restriction, plafond);
    const [elements, [n]] = await Promise.all([this.lignes(page), this.sql.lignes<{ n: unknown }>(total.texte, total.params)]);
    const compte = lireEntier(n?.n ?? 0);
    const borne = Math.min(compte, plafond);
    return { elements, total: borne, totalExact: compte <= plafond, page: criteres.page, taille: criteres.taille, nombrePages: Math.ceil(borne / criteres.taille) };
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

  private async compteurs(r: RequeteSql): Promise<Array<CompteursStructure>> {
    const parStructure = new Map<string, Partial<Record<EtatMemoire, number>>>();
    for (const l of await this.sql.lignes<{ structureId: string; etat: EtatMemoire; nombre: unknown }>(r.texte, r.params)) {
      const c = parStructure.get(l.structureId) ?? {};
      c[l.etat] = lireEntier(l.nombre);
      parStructure.set(l.structureId, c);
    }
    return [...parStructure].map(([structureId, parEtat]) => ({ structureId, parEtat }));
  }

  /** Tableau de bord of the given structures (a structure without mémoires has no row). */
  async tableauDeBord(structureIds: ReadonlyArray<string>): Promise<ReadonlyArray<CompteursStructure>> {
    return structureIds.length === 0 ? [] : this.compteurs(sqlTableauDeBord(structureIds));
  }

  /**
   * Tableau de bord of all structures, paged like every list (20 structures per page by default, at
   * most {@link TAILLE_PAGE_TABLEAU_MAX}), in structure id order: pass the previous page's `suivant`
   * as `apres` for the next one.
   */
  async tableauDeBordPage(options: { readonly apres?: string; readonly taille?: number } = {}): Promise<PageTableauDeBord> {
    const taille = Math.min(Math.max(1, Math.trunc(options.taille ?? 20)), TAILLE_PAGE_TABLEAU_MAX);
    const tous = await this.compteurs(sqlTableauDeBordPage(options.apres, taille));
    const elements = tous.slice(0, taille);
    const dernier = elements.at(-1);
    return tous.length > taille && dernier !== undefined ? { elements, suivant: dernier.structureId } : { elements };
  }

  /** National counts per state (and TTC in cents), from the national counters. */
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
