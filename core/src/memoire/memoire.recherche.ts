import { BigDecimal, Either, Schema } from "effect";
import { depuisParseError, SaisieInvalide, type ErreurDeChamp } from "../shared/index.js";
import { comparerTexte, dateCalendaire, lignesLisibles, type Lecteur, type LigneVue, type MemoireVue } from "./memoire.lecture.js";
import { STATUTS_VISIBLES, StatutVisible } from "./memoire.statut-visible.js";

// ---------------------------------------------------------------------------------------------------
// Shared input pieces (also used by the liste fiscale)

/** A criterion typed by a user: trimmed, not empty, at most 200 characters. */
export const TexteCritere = Schema.Trim.pipe(
  Schema.filter((s) => s.length > 0 || "ne doit pas être vide"),
  Schema.filter((s) => s.length <= 200 || "au plus 200 caractères"),
);

const estJourValide = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [a, mo, j] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const jours = new Date(Date.UTC(a, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && j >= 1 && j <= jours;
};

/** A calendar date `AAAA-MM-JJ` typed as a criterion. */
export const JourCritere = Schema.String.pipe(Schema.filter((s) => estJourValide(s) || `« ${s} » n'est pas une date AAAA-MM-JJ valide`));

const entierEntre = (min: number, max: number) =>
  Schema.Union(Schema.Number, Schema.NumberFromString).pipe(
    Schema.filter((n) => (Number.isInteger(n) && n >= min && n <= max) || `doit être un entier entre ${min} et ${max}`),
  );

/** One of a few codes, with a message listing them. */
const codes = <const L extends ReadonlyArray<string>>(...valeurs: L) =>
  Schema.Literal(...valeurs).annotations({ message: () => ({ message: `valeur inconnue (attendues : ${valeurs.join(", ")})`, override: true }) });

/**
 * Decodes raw input with every error listed, unknown fields refused, and one reason per field (the
 * first one given for it).
 */
export const decoderSaisie =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(entree), (e) => {
      const vues = new Set<string>();
      const erreurs: Array<ErreurDeChamp> = [];
      for (const erreur of depuisParseError(e).erreurs) {
        if (!vues.has(erreur.chemin)) erreurs.push(erreur);
        vues.add(erreur.chemin);
      }
      return new SaisieInvalide({ erreurs });
    });

// ---------------------------------------------------------------------------------------------------
// Criteria

/** Largest page of results (seed 001 shows 5 per page; adapters may ask up to this). */
export const TAILLE_PAGE_MAX = 100;

/** Sort keys of the Rechercher tab. */
export const CHAMPS_TRI = ["DATE_DEPOT", "NUMERO", "MONTANT_TTC", "ETAT"] as const;

/**
 * The criteria of the Rechercher tab (seed 001; DOMAIN.md §3 "Views"), all combinable (AND), plus sort
 * and page. Plain data: persistence translates the same structure to SQL. Decoded from raw input
 * (strings or numbers) by {@link decoderCriteresRecherche}; a typed caller may build it directly.
 */
export const CriteresRecherche = Schema.Struct({
  /** Numéro de mémoire (MJ or TMP), upper-cased (`mj00` finds `MJ00…`), matched as `numeroMode` says. */
  numero: Schema.optional(TexteCritere.pipe(Schema.compose(Schema.Uppercase))),
  /** `EXACT` (default) or `PREFIXE` (the numéro starts with the text). */
  numeroMode: Schema.optionalWith(codes("EXACT", "PREFIXE"), { default: () => "EXACT" as const }),
  /** Code of the juridiction destinataire. */
  juridiction: Schema.optional(TexteCritere),
  numeroEngagementJuridique: Schema.optional(TexteCritere),
  /** Date de dépôt from (inclusive), a calendar date in Europe/Paris. */
  dateDepotDu: Schema.optional(JourCritere),
  /** Date de dépôt to (inclusive). */
  dateDepotAu: Schema.optional(JourCritere),
  /** État courant, as the prestataire sees it. */
  statut: Schema.optional(StatutVisible),
  /** Numéro de lot transmis (flux deposit). */
  numeroLot: Schema.optional(TexteCritere),
  categoriePrestataire: Schema.optional(TexteCritere),
  /** Prestataire: id of the structure. */
  structureId: Schema.optional(TexteCritere),
  /** Service prestataire: id of the service. */
  serviceId: Schema.optional(TexteCritere),
  texteReference: Schema.optional(TexteCritere),
  tri: Schema.optionalWith(codes(...CHAMPS_TRI), { default: () => "DATE_DEPOT" as const }),
  sens: Schema.optionalWith(codes("ASC", "DESC"), { default: () => "DESC" as const }),
  /** Page number, from 1. */
  page: Schema.optionalWith(entierEntre(1, 1_000_000), { default: () => 1 }),
  /** Rows per page, 1 to {@link TAILLE_PAGE_MAX}. */
  taille: Schema.optionalWith(entierEntre(1, TAILLE_PAGE_MAX), { default: () => 20 }),
}).pipe(
  Schema.filter((c) =>
    c.dateDepotDu === undefined || c.dateDepotAu === undefined || c.dateDepotDu <= c.dateDepotAu
      ? true
      : { path: ["dateDepotAu"], message: `doit être postérieure ou égale à dateDepotDu (${c.dateDepotDu})` },
  ),
);
export type CriteresRecherche = typeof CriteresRecherche.Type;

/**
 * Decodes raw criteria (a query string's values, JSON): every offending field is named in the
 * `SaisieInvalide` (`taille`, `dateDepotAu`, `statut`...), unknown fields are refused.
 */
export const decoderCriteresRecherche: (entree: unknown) => Either.Either<CriteresRecherche, SaisieInvalide> = decoderSaisie(CriteresRecherche);

// ---------------------------------------------------------------------------------------------------
// Matching, sorting, paging

/** Whether a row meets every criterion given (AND); absent criteria match everything. */
export const correspond = (criteres: CriteresRecherche, ligne: LigneVue): boolean => {
  const m = ligne.memoire;
  const e = m.enTete;
  const egal = (critere: string | undefined, valeur: string | undefined): boolean => critere === undefined || critere === valeur;
  if (criteres.numero !== undefined) {
    const ok = criteres.numeroMode === "PREFIXE" ? m.numero.startsWith(criteres.numero) : m.numero === criteres.numero;
    if (!ok) return false;
  }
  if (criteres.dateDepotDu !== undefined || criteres.dateDepotAu !== undefined) {
    if (m.envoyeLe === undefined) return false;
    const jour = dateCalendaire(m.envoyeLe);
    if (criteres.dateDepotDu !== undefined && jour < criteres.dateDepotDu) return false;
    if (criteres.dateDepotAu !== undefined && jour > criteres.dateDepotAu) return false;
  }
  return (
    egal(criteres.juridiction, e.juridiction.code) &&
    egal(criteres.numeroEngagementJuridique, e.numeroEngagementJuridique) &&
    egal(criteres.statut, ligne.statut) &&
    egal(criteres.numeroLot, m.numeroLot) &&
    egal(criteres.categoriePrestataire, e.categoriePrestataire) &&
    egal(criteres.structureId, e.structureId) &&
    egal(criteres.serviceId, e.serviceId) &&
    egal(criteres.texteReference, e.texteReference)
  );
};

const rangStatut = (statut: StatutVisible): number => STATUTS_VISIBLES.indexOf(statut);

const comparerSelon = (tri: CriteresRecherche["tri"], a: LigneVue, b: LigneVue): number => {
  switch (tri) {
    case "DATE_DEPOT":
      return (a.memoire.envoyeLe?.getTime() ?? 0) - (b.memoire.envoyeLe?.getTime() ?? 0);
    case "NUMERO":
      return comparerTexte(a.memoire.numero, b.memoire.numero);
    case "MONTANT_TTC":
      return BigDecimal.Order(a.memoire.montants.montantTtc, b.memoire.montants.montantTtc);
    case "ETAT":
      return rangStatut(a.statut) - rangStatut(b.statut);
  }
};

/**
 * The order of the results: by the chosen key in the chosen direction; mémoires without a date de
 * dépôt (drafts) come last whatever the direction; ties are broken by numéro then id, ascending, so
 * that the order never depends on the input's and pages never overlap.
 */
export const comparerLignes =
  (tri: CriteresRecherche["tri"], sens: CriteresRecherche["sens"]) =>
  (a: LigneVue, b: LigneVue): number => {
    if (tri === "DATE_DEPOT") {
      const sansA = a.memoire.envoyeLe === undefined;
      const sansB = b.memoire.envoyeLe === undefined;
      if (sansA !== sansB) return sansA ? 1 : -1;
    }
    const principal = comparerSelon(tri, a, b);
    if (principal !== 0) return sens === "ASC" ? principal : -principal;
    return comparerTexte(a.memoire.numero, b.memoire.numero) || comparerTexte(a.memoire.id, b.memoire.id);
  };

/** A page of results: its rows, the total number of matching rows, and where the page is. */
export interface PageResultats<T> {
  readonly elements: ReadonlyArray<T>;
  /** Number of rows matching the criteria, all pages together. */
  readonly total: number;
  readonly page: number;
  readonly taille: number;
  /** Number of pages (0 when nothing matches). */
  readonly nombrePages: number;
}

/** Cuts page `page` (from 1) of `taille` rows; a page past the last is empty. */
export const paginer = <T>(elements: ReadonlyArray<T>, page: number, taille: number): PageResultats<T> => ({
  elements: elements.slice((page - 1) * taille, page * taille),
  total: elements.length,
  page,
  taille,
  nombrePages: Math.ceil(elements.length / taille),
});

/**
 * The Rechercher tab: the mémoires the reader may see that meet every criterion, sorted and paged.
 * Habilitations first: a mémoire the reader cannot read is never counted nor returned.
 */
export const rechercher = (lecteur: Lecteur, memoires: ReadonlyArray<MemoireVue>, criteres: CriteresRecherche): PageResultats<LigneVue> =>
  paginer(
    lignesLisibles(lecteur, memoires)
      .filter((ligne) => correspond(criteres, ligne))
      .sort(comparerLignes(criteres.tri, criteres.sens)),
    criteres.page,
    criteres.taille,
  );

/** {@link rechercher} from raw criteria: `Left` names every offending field. */
export const rechercherDepuisSaisie = (
  lecteur: Lecteur,
  memoires: ReadonlyArray<MemoireVue>,
  entree: unknown,
): Either.Either<PageResultats<LigneVue>, SaisieInvalide> =>
  Either.map(decoderCriteresRecherche(entree), (criteres) => rechercher(lecteur, memoires, criteres));
