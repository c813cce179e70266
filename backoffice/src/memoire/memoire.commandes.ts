import { creerBrouillon, executer, type Commande, type ContexteMemoire, type ErreurCommande, type ResultatCommande, type SaisieBrouillon } from "@frais-justice/core/memoire";
import type { Either } from "effect";
import type { ConflitDeVersion, DonneesCorrompues, MemoireIntrouvable } from "./memoire.errors.js";
import type { BesoinsNumeros, DepotMemoires } from "./memoire.repository.js";

/** A command's context without the numbering: the repository supplies numbers from the database. */
export type ContexteSansNumerotation = Omit<ContexteMemoire, "numerotation">;

const ANNEE_PARIS = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric" });

/** The year of an instant in Europe/Paris (the year of a TMP number). */
export const anneeParis = (instant: Date): number => Number(ANNEE_PARIS.format(instant));

/** The numbers a command of core may draw: MJ when sending, TMP (of the year) when duplicating. */
export const besoinsDe = (commande: Commande, maintenant: Date): BesoinsNumeros => {
  switch (commande.type) {
    case "memoire.valider-et-envoyer":
      return { mj: true };
    case "memoire.dupliquer":
      return { tmpAnnee: anneeParis(maintenant) };
    default:
      return {};
  }
};

/**
 * Runs one of core's commands on a stored mémoire, in one transaction: load → rebuild → check the
 * expected version → `executer` (machine and guards) → save state, events, counters, numbers.
 */
export const executerCommande = (
  depot: DepotMemoires,
  id: string,
  versionAttendue: number,
  commande: Commande,
  contexte: ContexteSansNumerotation,
): Promise<Either.Either<ResultatCommande, ErreurCommande | ConflitDeVersion | MemoireIntrouvable | DonneesCorrompues>> =>
  depot.executer(id, versionAttendue, (memoire, numerotation) => executer(memoire, commande, { ...contexte, numerotation }), besoinsDe(commande, contexte.maintenant));

/** Creates a draft with core's `creerBrouillon` and a TMP number from the database sequence. */
export const creerMemoire = (depot: DepotMemoires, saisie: SaisieBrouillon, contexte: ContexteSansNumerotation): Promise<Either.Either<ResultatCommande, ErreurCommande>> =>
  depot.creer({ tmpAnnee: anneeParis(contexte.maintenant) }, (numerotation) => creerBrouillon(saisie, { ...contexte, numerotation }));
