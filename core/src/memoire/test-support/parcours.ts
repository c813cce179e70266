import { Either } from "effect";
import { creerBrouillon, unsafeExecuter, type Commande, type ContexteMemoire } from "../memoire.commands.js";
import type { Memoire } from "../memoire.model.js";
import { numerotationEnMemoire, type Numerotation } from "../memoire.numerotation.js";
import type { LigneSaisie } from "../memoire.saisie.js";
import * as F from "./fixtures.js";

/** A line of 2021 (forclusion applies: to send before 2022-05-20). */
export const ligne2021: LigneSaisie = { ...F.ligneSeed, numeroAffaire: "2021/042", dateRequisition: "2021-05-18", datePrestation: "2021-05-20" };

/** A numbering that counts its calls, to check that a refused command draws no number. */
export const numerotationComptee = (): Numerotation & { readonly appels: () => number } => {
  const n = numerotationEnMemoire();
  let appels = 0;
  return {
    prochainNumeroTmp: (annee) => {
      appels += 1;
      return n.prochainNumeroTmp(annee);
    },
    prochainNumeroMj: () => {
      appels += 1;
      return n.prochainNumeroMj();
    },
    appels: () => appels,
  };
};

/**
 * A test scenario: one numbering, a clock that moves one hour per command from `debut`, and helpers
 * to bring a mémoire to a given state through the real commands.
 */
export const scenario = (debut = "2021-06-01T08:00:00Z") => {
  const numerotation = numerotationComptee();
  const fabrique = F.fabriqueContextes(numerotation);
  let instant = Date.parse(debut);
  const ctx = (acteur: ContexteMemoire["acteur"]): ContexteMemoire => {
    instant += 3_600_000;
    return fabrique(acteur, new Date(instant));
  };
  const brouillon = (lignes: ReadonlyArray<LigneSaisie> = [ligne2021]): Memoire => {
    const r = creerBrouillon({ enTete: F.enTete, lignes }, ctx(F.prestataire));
    if (Either.isLeft(r)) throw r.left;
    return r.right.memoire;
  };
  const faire = (m: Memoire, commande: Commande, acteur: ContexteMemoire["acteur"]): Memoire => unsafeExecuter(m, commande, ctx(acteur)).memoire;
  const envoyer = (m: Memoire): Memoire =>
    faire(m, { type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: F.prestataireCertificat }, F.prestataire);
  const misADisposition = (lignes?: ReadonlyArray<LigneSaisie>): Memoire => faire(envoyer(brouillon(lignes)), { type: "memoire.transmettre" }, F.systeme);
  const aTaxer = (lignes?: ReadonlyArray<LigneSaisie>): Memoire => faire(misADisposition(lignes), { type: "memoire.envoyer-en-taxation" }, F.greffier);
  const refuse = (): Memoire => faire(misADisposition(), { type: "memoire.refuser", motif: "PIECE_JOINTE_MANQUANTE" }, F.greffier);
  return { numerotation, ctx, brouillon, faire, envoyer, misADisposition, aTaxer, refuse, maintenant: () => new Date(instant) };
};
