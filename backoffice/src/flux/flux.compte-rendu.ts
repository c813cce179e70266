import { Either } from "effect";
import type { DepotLots, ErreurLot, Lot, LotIntrouvable, ResultatElement } from "./flux.depot.js";
import { LIBELLES_STATUT_LOT, type StatutLot } from "./flux.lot.js";

/**
 * The compte rendu of a lot (DOMAIN.md §4): its status, its counts, the lot-level error if any, and
 * per mémoire its result — the MJ number (sent) or TMP number (draft) of the mémoire created, or every
 * error with its path inside the mémoire (`lignes[0].tauxTva`). Plain JSON (API, CLI, back-office).
 */
export interface CompteRendu {
  readonly lot: {
    readonly id: string;
    readonly statut: StatutLot;
    readonly libelleStatut: string;
    readonly emetteur: { readonly identifiant: string; readonly utilisateur: string };
    readonly canal: string;
    readonly empreinte: string;
    readonly taille: number;
    readonly recuLe: string;
    readonly termineLe?: string;
  };
  readonly totaux: { readonly memoires: number; readonly integres: number; readonly rejetes: number };
  readonly erreurLot?: ErreurLot;
  readonly elements: ReadonlyArray<ResultatElement>;
}

/** The compte rendu's lot part from a stored lot. */
export const enTeteCompteRendu = (lot: Lot): Omit<CompteRendu, "elements"> => ({
  lot: {
    id: lot.id,
    statut: lot.statut,
    libelleStatut: LIBELLES_STATUT_LOT[lot.statut],
    emetteur: { identifiant: lot.emetteurIdentifiant, utilisateur: lot.utilisateur },
    canal: lot.canal,
    empreinte: lot.empreinte,
    taille: lot.taille,
    recuLe: lot.recuLe.toISOString(),
    ...(lot.termineLe === undefined ? {} : { termineLe: lot.termineLe.toISOString() }),
  },
  totaux: { memoires: lot.nombreMemoires, integres: lot.nombreIntegres, rejetes: lot.nombreRejetes },
  ...(lot.erreur === undefined ? {} : { erreurLot: lot.erreur }),
});

/** The whole compte rendu of a lot. */
export const compteRendu = async (lots: DepotLots, lotId: string): Promise<Either.Either<CompteRendu, LotIntrouvable>> => {
  const lot = await lots.charger(lotId);
  if (Either.isLeft(lot)) return Either.left(lot.left);
  return Either.right({ ...enTeteCompteRendu(lot.right), elements: await lots.elements(lotId) });
};

/** One line of text per rejected item and error (the CLI's summary). */
export const lignesErreurs = (elements: ReadonlyArray<ResultatElement>): ReadonlyArray<string> =>
  elements.flatMap((e) => (e.resultat === "REJETE" ? e.erreurs.map((x) => `mémoire ${e.indice} (ligne ${e.ligne}) ${x.chemin === "" ? "(mémoire)" : x.chemin} : ${x.raison}`) : []));
