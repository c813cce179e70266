import { depuisParseError } from "@frais-justice/core";
import { EvenementMemoire } from "@frais-justice/core/memoire";
import { Either, Schema } from "effect";
import { lireEntier, lireInstant } from "../base/sql.js";
import { DonneesCorrompues } from "./memoire.errors.js";
import type { EvenementEcrit, LigneBrute } from "./memoire.mapper.js";
import { decodeurStocke } from "../base/decodage.js";

/** core's audit event (its Schema validates the rows on reading). */
export { EvenementMemoire };

const encoder = Schema.encodeSync(EvenementMemoire);
const decoder = decodeurStocke(EvenementMemoire, { onExcessProperty: "error" });

/** The row of an event, numbered `rang` in its mémoire's trail. */
export const evenementVersLigne = (evenement: EvenementMemoire, rang: number): EvenementEcrit => {
  const e = encoder(evenement);
  return {
    id: e.id,
    memoireId: e.memoireId,
    rang,
    numero: e.numero,
    commande: e.commande,
    auteurType: e.auteur.type,
    auteurId: e.auteur.id,
    le: evenement.le,
    de: e.de,
    vers: e.vers,
    motif: e.motif ?? null,
    montantsAvant: JSON.stringify(e.montantsAvant),
    montantsApres: JSON.stringify(e.montantsApres),
    details: JSON.stringify(e.details),
  };
};

const lireJson = (v: unknown): unknown => (typeof v === "string" ? (JSON.parse(v) as unknown) : v);

/** Decodes an event row; `Left(DonneesCorrompues)` when it breaks the schema. */
export const evenementDepuisLigne = (r: LigneBrute): Either.Either<{ readonly rang: number; readonly evenement: EvenementMemoire }, DonneesCorrompues> => {
  const id = String(r["id"]);
  try {
    const encode = {
      id,
      memoireId: r["memoireId"],
      numero: r["numero"],
      commande: r["commande"],
      auteur: { type: r["auteurType"], id: r["auteurId"] },
      le: lireInstant(r["le"]).toISOString(),
      de: r["de"],
      vers: r["vers"],
      ...(r["motif"] === null || r["motif"] === undefined ? {} : { motif: r["motif"] }),
      montantsAvant: lireJson(r["montantsAvant"]),
      montantsApres: lireJson(r["montantsApres"]),
      details: lireJson(r["details"]),
    };
    return Either.map(
      Either.mapLeft(decoder(encode), (e) => new DonneesCorrompues({ table: "evenement_memoire", id, erreurs: depuisParseError(e).erreurs })),
      (evenement) => ({ rang: lireEntier(r["rang"]), evenement }),
    );
  } catch (e) {
    return Either.left(new DonneesCorrompues({ table: "evenement_memoire", id, erreurs: [{ chemin: "", raison: String(e) }] }));
  }
};
