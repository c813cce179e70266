import { BigDecimal, Data, Either, Schema } from "effect";
import { Temporal } from "temporal-polyfill";
import { SaisieInvalide } from "../shared/index.js";
import { comparerTexte, dateCalendaire, FUSEAU_HORAIRE, lignesLisibles, type Lecteur, type LigneVue, type MemoireVue } from "./memoire.lecture.js";
import { decoderSaisie, JourCritere, TexteCritere } from "./memoire.recherche.js";
import { STATUTS_VISIBLES, type StatutVisible } from "./memoire.statut-visible.js";

const parEtatRecentDAbord = (a: LigneVue, b: LigneVue): number =>
  b.memoire.etatLe.getTime() - a.memoire.etatLe.getTime() ||
  comparerTexte(a.memoire.numero, b.memoire.numero) ||
  comparerTexte(a.memoire.id, b.memoire.id);

// ---------------------------------------------------------------------------------------------------
// Synthèse

/** Statuses that wait for the prestataire (seed 001: « mémoires en brouillon ou en rejet »). */
export const STATUTS_SYNTHESE: ReadonlyArray<StatutVisible> = ["BROUILLON", "REFUSE"];

/**
 * The Synthèse tab: the drafts and refused mémoires the reader may see — what needs the prestataire's
 * action (send, abandon, duplicate, delete) — most recent état first; optionally one structure only
 * (seed 002: « Filtre Structure »).
 */
export const synthese = (
  lecteur: Lecteur,
  memoires: ReadonlyArray<MemoireVue>,
  filtre: { readonly structureId?: string } = {},
): ReadonlyArray<LigneVue> =>
  lignesLisibles(lecteur, memoires)
    .filter((l) => STATUTS_SYNTHESE.includes(l.statut))
    .filter((l) => filtre.structureId === undefined || l.memoire.enTete.structureId === filtre.structureId)
    .sort(parEtatRecentDAbord);

// ---------------------------------------------------------------------------------------------------
// Tableau de bord

/** One row of the tableau de bord: a structure and how many of its mémoires are in each visible status. */
export interface LigneTableauDeBord {
  readonly structureId: string;
  readonly compteurs: { readonly [S in StatutVisible]: number };
  readonly total: number;
}

/**
 * The Tableau de bord tab (seed 001): counts per prestataire-visible status, one row per structure
 * that has at least one mémoire the reader may see, by structure id. Deleted drafts are not counted.
 */
export const tableauDeBord = (lecteur: Lecteur, memoires: ReadonlyArray<MemoireVue>): ReadonlyArray<LigneTableauDeBord> => {
  const parStructure = new Map<string, Record<StatutVisible, number>>();
  for (const { memoire, statut } of lignesLisibles(lecteur, memoires)) {
    const id = memoire.enTete.structureId;
    const compteurs = parStructure.get(id) ?? (Object.fromEntries(STATUTS_VISIBLES.map((s) => [s, 0])) as Record<StatutVisible, number>);
    compteurs[statut] += 1;
    parStructure.set(id, compteurs);
  }
  return [...parStructure.entries()]
    .sort(([a], [b]) => comparerTexte(a, b))
    .map(([structureId, compteurs]) => ({
      structureId,
      compteurs,
      total: STATUTS_VISIBLES.reduce((n, s) => n + compteurs[s], 0),
    }));
};

// ---------------------------------------------------------------------------------------------------
// Liste fiscale

/**
 * The period asked for exceeds one year (seed 001, Liste fiscale: « sélectionnez une période d'un
 * an »): `au` must be before `du` + 1 year, i.e. at most 365 days (366 across a 29 February) inclusive.
 */
export class PeriodeTropLongue extends Data.TaggedError("PeriodeTropLongue")<{
  readonly du: string;
  readonly au: string;
  /** The latest end date allowed for this start. */
  readonly auPlusTard: string;
}> {
  override get message(): string {
    return `la période du ${this.du} au ${this.au} dépasse un an : elle doit finir au plus tard le ${this.auPlusTard}`;
  }
}

/** Criteria of the Liste fiscale (seed 001): a period of the date of mise en paiement, optionally one structure. */
export const CriteresListeFiscale = Schema.Struct({
  /** Prestataire: id of the structure; absent, every structure the reader may see. */
  structureId: Schema.optional(TexteCritere),
  /** First day of the period (inclusive), date of mise en paiement. */
  du: JourCritere,
  /** Last day of the period (inclusive). */
  au: JourCritere,
});
export type CriteresListeFiscale = typeof CriteresListeFiscale.Type;

/** Checks the period: `du` ≤ `au` (else `SaisieInvalide` on `au`) and at most one year (else {@link PeriodeTropLongue}). */
export const verifierPeriode = (du: string, au: string): Either.Either<void, SaisieInvalide | PeriodeTropLongue> => {
  if (au < du) {
    return Either.left(new SaisieInvalide({ erreurs: [{ chemin: "au", raison: `doit être postérieure ou égale à du (${du})` }] }));
  }
  const auPlusTard = Temporal.PlainDate.from(du).add({ years: 1 }).subtract({ days: 1 }).toString();
  return au > auPlusTard ? Either.left(new PeriodeTropLongue({ du, au, auPlusTard })) : Either.right(undefined);
};

/** Decodes raw Liste fiscale criteria and checks the period. */
export const decoderCriteresListeFiscale = (entree: unknown): Either.Either<CriteresListeFiscale, SaisieInvalide | PeriodeTropLongue> =>
  Either.flatMap(decoderSaisie(CriteresListeFiscale)(entree), (criteres) =>
    Either.map(verifierPeriode(criteres.du, criteres.au), () => criteres),
  );

/** One mémoire of the liste fiscale: what a tax audit asks for. */
export interface LigneListeFiscale {
  readonly numero: string;
  /** Date of the mise en paiement (`AAAA-MM-JJ`). */
  readonly datePaiement: string;
  readonly referencePaiement?: string;
  readonly structureId: string;
  readonly juridiction: { readonly code: string; readonly libelle: string };
  /** HT après remise globale: montantTtc − montantTva (as on the certificat de dépôt), so that HT + TVA = TTC. */
  readonly montantHtApresRemiseGlobale: BigDecimal.BigDecimal;
  readonly montantTva: BigDecimal.BigDecimal;
  readonly montantTtc: BigDecimal.BigDecimal;
}

/** The liste fiscale of a period: its rows by date of payment then numéro, and their totals. */
export interface ListeFiscale {
  readonly du: string;
  readonly au: string;
  readonly lignes: ReadonlyArray<LigneListeFiscale>;
  readonly totaux: {
    readonly montantHtApresRemiseGlobale: BigDecimal.BigDecimal;
    readonly montantTva: BigDecimal.BigDecimal;
    readonly montantTtc: BigDecimal.BigDecimal;
  };
}

const datePaiement = (memoire: MemoireVue): string => memoire.paiement?.date ?? dateCalendaire(memoire.etatLe);

/**
 * The Liste fiscale tab (CGI: the récapitulatif list of electronically transmitted invoices kept for
 * audits; seed 001): only mémoires `MIS_EN_PAIEMENT` the reader may see, paid within the period
 * (at most one year), with the amounts paid (current amounts, after redressement or taxation).
 */
export const listeFiscale = (
  lecteur: Lecteur,
  memoires: ReadonlyArray<MemoireVue>,
  criteres: CriteresListeFiscale,
): Either.Either<ListeFiscale, SaisieInvalide | PeriodeTropLongue> =>
  Either.map(verifierPeriode(criteres.du, criteres.au), () => {
    const lignes = lignesLisibles(lecteur, memoires)
      .filter((l) => l.statut === "MIS_EN_PAIEMENT")
      .filter((l) => criteres.structureId === undefined || l.memoire.enTete.structureId === criteres.structureId)
      .map(({ memoire }): LigneListeFiscale => {
        const m = memoire.montants;
        return {
          numero: memoire.numero,
          datePaiement: datePaiement(memoire),
          ...(memoire.paiement === undefined ? {} : { referencePaiement: memoire.paiement.reference }),
          structureId: memoire.enTete.structureId,
          juridiction: { code: memoire.enTete.juridiction.code, libelle: memoire.enTete.juridiction.libelle },
          montantHtApresRemiseGlobale: BigDecimal.subtract(m.montantTtc, m.montantTva),
          montantTva: m.montantTva,
          montantTtc: m.montantTtc,
        };
      })
      .filter((l) => l.datePaiement >= criteres.du && l.datePaiement <= criteres.au)
      .sort((a, b) => comparerTexte(a.datePaiement, b.datePaiement) || comparerTexte(a.numero, b.numero));
    const somme = (champ: keyof ListeFiscale["totaux"]): BigDecimal.BigDecimal =>
      lignes.reduce((total, l) => BigDecimal.sum(total, l[champ]), BigDecimal.make(0n, 2));
    return {
      du: criteres.du,
      au: criteres.au,
      lignes,
      totaux: { montantHtApresRemiseGlobale: somme("montantHtApresRemiseGlobale"), montantTva: somme("montantTva"), montantTtc: somme("montantTtc") },
    };
  });

// ---------------------------------------------------------------------------------------------------
// Archives

/** Age after which a mémoire is archived (seed 002: « Rechercher un mémoire de frais de justice archivé (>2 ans) »). */
export const DUREE_AVANT_ARCHIVAGE = { years: 2 } as const;

/**
 * The instant before which a mémoire's last change makes it archived: `maintenant` − 2 years, on
 * the Europe/Paris calendar.
 */
export const seuilArchivage = (maintenant: Date): Date =>
  new Date(
    Temporal.Instant.fromEpochMilliseconds(maintenant.getTime()).toZonedDateTimeISO(FUSEAU_HORAIRE).subtract(DUREE_AVANT_ARCHIVAGE)
      .epochMilliseconds,
  );

/**
 * The Archives tab: the mémoires the reader may see whose last change (`etatLe`, the date of the
 * état courant) is strictly older than two years before `maintenant`, most recent first.
 */
export const archives = (lecteur: Lecteur, memoires: ReadonlyArray<MemoireVue>, maintenant: Date): ReadonlyArray<LigneVue> => {
  const seuil = seuilArchivage(maintenant).getTime();
  return lignesLisibles(lecteur, memoires)
    .filter((l) => l.memoire.etatLe.getTime() < seuil)
    .sort(parEtatRecentDAbord);
};
