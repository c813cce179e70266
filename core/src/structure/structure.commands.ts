import { Either, Schema } from "effect";
import { autoriser, type Acteur, type Action, type NonAutorise } from "../autorisation/index.js";
import { depuisParseError, SaisieInvalide, type Contexte } from "../shared/index.js";
import {
  IdentifiantStructureNonConforme,
  ServiceDejaDansCetEtat,
  ServiceDejaExistant,
  ServiceIntrouvable,
} from "./structure.errors.js";
import { raisonIdentifiantInvalide } from "./structure.identifiant.js";
import {
  AdresseSchema,
  EvenementStructure,
  IdentifiantStructureSchema,
  InformationsMemoireSchema,
  isPersonnePhysique,
  texte,
  type InformationsMemoire,
  type Service,
  type Structure,
} from "./structure.model.js";

/** What a successful structure command returns: the new state and the events to record. */
export interface ResultatStructure {
  readonly state: Structure;
  readonly events: ReadonlyArray<EvenementStructure>;
}

const decoder =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all" })(entree), (e) => depuisParseError(e));

const informationsParDefaut: InformationsMemoire = { droitOption: false };

/** Checks that a PARTICULIER structure keeps a régime (seed 002, prérequis 04). */
const regimeExigePourParticulier = (
  estParticulier: boolean,
  informations: InformationsMemoire,
  chemin: string,
): Either.Either<InformationsMemoire, SaisieInvalide> =>
  estParticulier && informations.regime === undefined
    ? Either.left(new SaisieInvalide({ erreurs: [{ chemin, raison: "le régime (COSP ou INDEPENDANT) est obligatoire pour un particulier" }] }))
    : Either.right(informations);

// ---------------------------------------------------------------------------------------------
// creerStructure
// ---------------------------------------------------------------------------------------------

/** Input of {@link creerStructure}, as typed by the user. */
export const CreerStructureSchema = Schema.Struct({
  identifiant: IdentifiantStructureSchema,
  raisonSociale: texte(100),
  adresse: AdresseSchema,
  informationsMemoire: Schema.optionalWith(InformationsMemoireSchema, { exact: true }),
});
/** Encoded (input) form of the creation command. */
export type CreerStructure = typeof CreerStructureSchema.Encoded;

/**
 * Creates a structure, open to any authenticated user (`createurId`, authenticated by the adapter).
 * The creator becomes its gestionnaire principal: the `StructureCreee` event carries `createurId`
 * for the rattachement module to fold. The identifier is validated for its type; the informations
 * mémoire are optional at creation (the prérequis list what is missing).
 */
export const creerStructure = (
  commande: { readonly createurId: string; readonly donnees: CreerStructure },
  contexte: Contexte,
): Either.Either<ResultatStructure, SaisieInvalide> =>
  Either.gen(function* () {
    const d = yield* decoder(CreerStructureSchema)(commande.donnees);
    const informationsMemoire = d.informationsMemoire ?? informationsParDefaut;
    const structure: Structure = {
      id: contexte.genererId(),
      identifiant: d.identifiant,
      raisonSociale: d.raisonSociale,
      adresse: d.adresse,
      statut: "ACTIF",
      services: [],
      informationsMemoire,
      espacesOuverts: [],
      dateCreation: contexte.maintenant,
    };
    return {
      state: structure,
      events: [
        EvenementStructure.StructureCreee({
          structureId: structure.id,
          createurId: commande.createurId,
          identifiant: structure.identifiant,
          raisonSociale: structure.raisonSociale,
          date: contexte.maintenant,
        }),
      ],
    };
  });

// ---------------------------------------------------------------------------------------------
// Commands on an existing structure: authorization, then conformity of the stored identifier.
// ---------------------------------------------------------------------------------------------

const autoriserSurStructure = (acteur: Acteur, action: Action, structure: Structure): Either.Either<unknown, NonAutorise> =>
  autoriser(acteur, action, { _tag: "Structure", structureId: structure.id, espacesOuverts: structure.espacesOuverts });

/** Id of the acting user for the audit trail (`systeme` for the system). */
const idActeur = (acteur: Acteur): string => (acteur._tag === "Systeme" ? "systeme" : acteur.id);

const identifiantConforme = (structure: Structure): Either.Either<Structure, IdentifiantStructureNonConforme> => {
  const raison = raisonIdentifiantInvalide(structure.identifiant.type, structure.identifiant.valeur);
  return raison === undefined
    ? Either.right(structure)
    : Either.left(
        new IdentifiantStructureNonConforme({
          structureId: structure.id,
          type: structure.identifiant.type,
          valeur: structure.identifiant.valeur,
          raison,
        }),
      );
};

/** A command on an existing structure: who acts, and the data as typed. */
export interface CommandeStructure<D> {
  readonly acteur: Acteur;
  readonly donnees: D;
}

/** Input of {@link modifierIdentite}: the raison sociale and, optionally, a corrected identifier. */
export const ModifierIdentiteSchema = Schema.Struct({
  raisonSociale: texte(100),
  identifiant: Schema.optionalWith(IdentifiantStructureSchema, { exact: true }),
});
/** Input as typed (encoded form) of {@link ModifierIdentiteSchema}. */
export type ModifierIdentite = typeof ModifierIdentiteSchema.Encoded;

/**
 * Changes the raison sociale and optionally the identifier (action `structure.modifier`). Refused
 * with `IdentifiantStructureNonConforme` when the stored identifier is not conforming (seed 002).
 * Changing the type to PARTICULIER requires a régime already recorded (set the informations mémoire first).
 */
export const modifierIdentite = (
  structure: Structure,
  commande: CommandeStructure<ModifierIdentite>,
  contexte: Contexte,
): Either.Either<ResultatStructure, NonAutorise | IdentifiantStructureNonConforme | SaisieInvalide> =>
  Either.gen(function* () {
    yield* autoriserSurStructure(commande.acteur, "structure.modifier", structure);
    yield* identifiantConforme(structure);
    const d = yield* decoder(ModifierIdentiteSchema)(commande.donnees);
    const identifiant = d.identifiant ?? structure.identifiant;
    const devientParticulier = identifiant.type === "PARTICULIER" && structure.identifiant.type !== "PARTICULIER";
    yield* regimeExigePourParticulier(devientParticulier, structure.informationsMemoire, "identifiant.type");
    const state: Structure = { ...structure, raisonSociale: d.raisonSociale, identifiant };
    return {
      state,
      events: [
        EvenementStructure.IdentiteStructureModifiee({
          structureId: structure.id,
          parId: idActeur(commande.acteur),
          raisonSociale: state.raisonSociale,
          identifiant,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link modifierAdresse}. */
export const ModifierAdresseSchema = Schema.Struct({ adresse: AdresseSchema });
/** Input as typed (encoded form) of {@link ModifierAdresseSchema}. */
export type ModifierAdresse = typeof ModifierAdresseSchema.Encoded;

/** Replaces the address of the seat (action `structure.modifier`). */
export const modifierAdresse = (
  structure: Structure,
  commande: CommandeStructure<ModifierAdresse>,
  contexte: Contexte,
): Either.Either<ResultatStructure, NonAutorise | IdentifiantStructureNonConforme | SaisieInvalide> =>
  Either.gen(function* () {
    yield* autoriserSurStructure(commande.acteur, "structure.modifier", structure);
    yield* identifiantConforme(structure);
    const d = yield* decoder(ModifierAdresseSchema)(commande.donnees);
    return {
      state: { ...structure, adresse: d.adresse },
      events: [
        EvenementStructure.AdresseStructureModifiee({
          structureId: structure.id,
          parId: idActeur(commande.acteur),
          adresse: d.adresse,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link modifierInformationsMemoire}. */
export const ModifierInformationsMemoireSchema = Schema.Struct({ informationsMemoire: InformationsMemoireSchema });
/** Input as typed (encoded form) of {@link ModifierInformationsMemoireSchema}. */
export type ModifierInformationsMemoire = typeof ModifierInformationsMemoireSchema.Encoded;

/**
 * Sets the informations mémoire (action `structure.modifier`): default catégorie de prestataire,
 * régime — mandatory for a PARTICULIER (seed 002, prérequis 04) —, droit d'option.
 */
export const modifierInformationsMemoire = (
  structure: Structure,
  commande: CommandeStructure<ModifierInformationsMemoire>,
  contexte: Contexte,
): Either.Either<ResultatStructure, NonAutorise | IdentifiantStructureNonConforme | SaisieInvalide> =>
  Either.gen(function* () {
    yield* autoriserSurStructure(commande.acteur, "structure.modifier", structure);
    yield* identifiantConforme(structure);
    const d = yield* decoder(ModifierInformationsMemoireSchema)(commande.donnees);
    const informationsMemoire = yield* regimeExigePourParticulier(
      isPersonnePhysique(structure),
      d.informationsMemoire,
      "informationsMemoire.regime",
    );
    return {
      state: { ...structure, informationsMemoire },
      events: [
        EvenementStructure.InformationsMemoireModifiees({
          structureId: structure.id,
          parId: idActeur(commande.acteur),
          informationsMemoire,
          date: contexte.maintenant,
        }),
      ],
    };
  });

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------

const CodeService = texte(100);
const memeCode = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/** Input of {@link ajouterService}. */
export const AjouterServiceSchema = Schema.Struct({ code: CodeService, libelle: texte(100) });
/** Input as typed (encoded form) of {@link AjouterServiceSchema}. */
export type AjouterService = typeof AjouterServiceSchema.Encoded;

/** Adds an active service (action `structure.gerer-services`); its code must be new in the structure (compared without case). */
export const ajouterService = (
  structure: Structure,
  commande: CommandeStructure<AjouterService>,
  contexte: Contexte,
): Either.Either<ResultatStructure, NonAutorise | IdentifiantStructureNonConforme | SaisieInvalide | ServiceDejaExistant> =>
  Either.gen(function* () {
    yield* autoriserSurStructure(commande.acteur, "structure.gerer-services", structure);
    yield* identifiantConforme(structure);
    const d = yield* decoder(AjouterServiceSchema)(commande.donnees);
    if (structure.services.some((s) => memeCode(s.code, d.code))) {
      return yield* Either.left(new ServiceDejaExistant({ structureId: structure.id, code: d.code }));
    }
    const service: Service = { code: d.code, libelle: d.libelle, actif: true };
    return {
      state: { ...structure, services: [...structure.services, service] },
      events: [
        EvenementStructure.ServiceAjoute({ structureId: structure.id, parId: idActeur(commande.acteur), service, date: contexte.maintenant }),
      ],
    };
  });

const trouverService = (structure: Structure, code: string): Either.Either<Service, ServiceIntrouvable> => {
  const service = structure.services.find((s) => memeCode(s.code, code));
  return service === undefined ? Either.left(new ServiceIntrouvable({ structureId: structure.id, code })) : Either.right(service);
};

const remplacerService = (structure: Structure, service: Service): Structure => ({
  ...structure,
  services: structure.services.map((s) => (memeCode(s.code, service.code) ? service : s)),
});

/** Input of {@link modifierService}: the code designates the service, the libellé is the new one. */
export const ModifierServiceSchema = Schema.Struct({ code: CodeService, libelle: texte(100) });
/** Input as typed (encoded form) of {@link ModifierServiceSchema}. */
export type ModifierService = typeof ModifierServiceSchema.Encoded;

/** Changes a service's libellé (action `structure.gerer-services`); the code is its identity and never changes. */
export const modifierService = (
  structure: Structure,
  commande: CommandeStructure<ModifierService>,
  contexte: Contexte,
): Either.Either<ResultatStructure, NonAutorise | IdentifiantStructureNonConforme | SaisieInvalide | ServiceIntrouvable> =>
  Either.gen(function* () {
    yield* autoriserSurStructure(commande.acteur, "structure.gerer-services", structure);
    yield* identifiantConforme(structure);
    const d = yield* decoder(ModifierServiceSchema)(commande.donnees);
    const service = yield* trouverService(structure, d.code);
    return {
      state: remplacerService(structure, { ...service, libelle: d.libelle }),
      events: [
        EvenementStructure.ServiceModifie({
          structureId: structure.id,
          parId: idActeur(commande.acteur),
          code: service.code,
          libelle: d.libelle,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link activerService} and {@link desactiverService}. */
export const DesignationServiceSchema = Schema.Struct({ code: CodeService });
/** Input as typed (encoded form) of {@link DesignationServiceSchema}. */
export type DesignationService = typeof DesignationServiceSchema.Encoded;

const changerEtatService =
  (actif: boolean) =>
  (
    structure: Structure,
    commande: CommandeStructure<DesignationService>,
    contexte: Contexte,
  ): Either.Either<
    ResultatStructure,
    NonAutorise | IdentifiantStructureNonConforme | SaisieInvalide | ServiceIntrouvable | ServiceDejaDansCetEtat
  > =>
    Either.gen(function* () {
      yield* autoriserSurStructure(commande.acteur, "structure.gerer-services", structure);
      yield* identifiantConforme(structure);
      const d = yield* decoder(DesignationServiceSchema)(commande.donnees);
      const service = yield* trouverService(structure, d.code);
      if (service.actif === actif) {
        return yield* Either.left(new ServiceDejaDansCetEtat({ structureId: structure.id, code: service.code, actif }));
      }
      const evenement = { structureId: structure.id, parId: idActeur(commande.acteur), code: service.code, date: contexte.maintenant };
      return {
        state: remplacerService(structure, { ...service, actif }),
        events: [actif ? EvenementStructure.ServiceActive(evenement) : EvenementStructure.ServiceDesactive(evenement)],
      };
    });

/** Reactivates an inactive service (action `structure.gerer-services`). */
export const activerService = changerEtatService(true);
/** Deactivates an active service (action `structure.gerer-services`); it stays listed, its code stays taken. */
export const desactiverService = changerEtatService(false);
