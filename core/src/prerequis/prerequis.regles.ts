import { Either, Option } from "effect";
import { coordonneesBancairesActives, isCoordonneeBancaireValide, type CoordonneesBancairesStructure } from "../coordonnees-bancaires/index.js";
import { mandatActif, mandatEnCours, type MandatsStructure } from "../mandat/index.js";
import { isPersonnePhysique, raisonIdentifiantInvalide, type Structure } from "../structure/index.js";
import { PrerequisManquant, PrerequisNonRemplis } from "./prerequis.model.js";

/**
 * Lists EVERY unmet prerequisite for issuing mémoires from the structure (seed 002): 01 valid active
 * bank details, 02 a signed mandat de facturation; for a personne physique (identifier PARTICULIER)
 * also 03 a conforming identifier and 04 the régime. Empty when everything is met. Bank details and
 * mandats of another structure are ignored (they do not count for this one).
 */
export const prerequisManquants = (
  structure: Structure,
  coordonneesBancaires: CoordonneesBancairesStructure,
  mandats: MandatsStructure,
): ReadonlyArray<PrerequisManquant> => {
  const manquants: Array<PrerequisManquant> = [];
  const coordonneesValides =
    coordonneesBancaires.structureId === structure.id && coordonneesBancairesActives(coordonneesBancaires).some(isCoordonneeBancaireValide);
  if (!coordonneesValides) {
    manquants.push(
      PrerequisManquant.CoordonneesBancairesManquantes({
        numero: "01",
        libelle: "Valider ses coordonnées bancaires : aucune coordonnée bancaire active et valide (IBAN ou RIB avec son justificatif).",
      }),
    );
  }
  const memeStructure = mandats.structureId === structure.id;
  if (!memeStructure || Option.isNone(mandatActif(mandats))) {
    const enAttente = memeStructure ? mandatEnCours(mandats) : Option.none();
    manquants.push(
      Option.match(enAttente, {
        onNone: () =>
          PrerequisManquant.MandatNonSigne({
            numero: "02",
            libelle: "Signer son mandat de facturation : souscrivez un mandat puis signez-le avec le lien reçu.",
          }),
        onSome: (m) =>
          PrerequisManquant.MandatNonSigne({
            numero: "02",
            libelle: "Signer son mandat de facturation : le mandat souscrit attend sa signature (lien envoyé au signataire).",
            mandatEnAttenteId: m.id,
          }),
      }),
    );
  }
  if (isPersonnePhysique(structure)) {
    const raison = raisonIdentifiantInvalide(structure.identifiant.type, structure.identifiant.valeur);
    if (raison !== undefined) {
      manquants.push(
        PrerequisManquant.IdentifiantNonConforme({
          numero: "03",
          libelle: "Vérifier l'identifiant de la structure : il n'est pas au bon format ; créez une nouvelle structure avec un identifiant conforme.",
          raison,
        }),
      );
    }
    if (structure.informationsMemoire.regime === undefined) {
      manquants.push(
        PrerequisManquant.RegimeNonRenseigne({
          numero: "04",
          libelle: "Renseigner le statut COSP ou Indépendant dans les informations mémoire de la structure.",
        }),
      );
    }
  }
  return manquants;
};

/** The send guard's form: `Right` when every prerequisite is met, else `PrerequisNonRemplis` listing them all. */
export const verifierPrerequis = (
  structure: Structure,
  coordonneesBancaires: CoordonneesBancairesStructure,
  mandats: MandatsStructure,
): Either.Either<void, PrerequisNonRemplis> => {
  const manquants = prerequisManquants(structure, coordonneesBancaires, mandats);
  return manquants.length === 0 ? Either.void : Either.left(new PrerequisNonRemplis({ structureId: structure.id, manquants }));
};
