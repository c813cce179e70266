import { Either, Option, Schema } from "effect";
import { initialTransition, transition } from "xstate";
import { autoriser, type Acteur, type NonAutorise } from "../autorisation/index.js";
import { depuisParseError, type Contexte, type SaisieInvalide } from "../shared/index.js";
import { MandatDejaEnCours, MandatIntrouvable, TransitionMandatRefusee } from "./mandat.errors.js";
import { gardesMandat, mandatMachine, type EvenementMachineMandat, type GardeMandat } from "./mandat.machine.js";
import {
  EvenementMandat,
  REGLES_MANDAT,
  SouscrireMandatSchema,
  DesignationMandatSchema,
  SignerMandatSchema,
  type DesignationMandat,
  type SignerMandat,
  type ContexteMandat,
  type Mandat,
  type MandatsStructure,
  type ReglesMandat,
  type StatutMandat,
  type SouscrireMandat,
} from "./mandat.model.js";

/** What a successful mandat command returns: the new state and the events to record. */
export interface ResultatMandat {
  readonly state: MandatsStructure;
  readonly events: ReadonlyArray<EvenementMandat>;
}

/** A command of a structure's user: who acts, and the data as typed. */
export interface CommandeMandat<D> {
  readonly acteur: Acteur;
  readonly donnees: D;
}

/** No mandat yet: the state of a new structure. */
export const aucunMandat = (structureId: string): MandatsStructure => ({ structureId, mandats: [] });

/** The active (signed) mandat of the structure, if any. */
export const mandatActif = (etat: MandatsStructure): Option.Option<Mandat> =>
  Option.fromNullable(etat.mandats.find((m) => m.statut === "SIGNE"));

/** The mandat pending or signed, which blocks a new souscription. */
export const mandatEnCours = (etat: MandatsStructure): Option.Option<Mandat> =>
  Option.fromNullable(etat.mandats.find((m) => m.statut !== "REVOQUE"));

const HEURE_MS = 3_600_000;
const decoder =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all" })(entree), (e) => depuisParseError(e));
const idActeur = (acteur: Acteur): string => (acteur._tag === "Systeme" ? "systeme" : acteur.id);
const autoriserGestion = (acteur: Acteur, structureId: string): Either.Either<unknown, NonAutorise> =>
  autoriser(acteur, "mandat.gerer", { _tag: "Structure", structureId });

/** A mandat from a machine state; the signature link only exists while the signature is pending. */
const versMandat = (statut: StatutMandat, context: ContexteMandat): Mandat => {
  if (statut === "EN_ATTENTE_SIGNATURE") return { ...context, statut };
  const { jetonSignature: _jeton, signatureExpireLe: _expiration, ...reste } = context;
  return { ...reste, statut };
};

/** Rebuilds the machine snapshot of a stored mandat, applies the event, and names the refusal. */
const appliquer = (mandat: Mandat, evenement: EvenementMachineMandat): Either.Either<Mandat, TransitionMandatRefusee> => {
  const { statut, ...context } = mandat;
  const snapshot = mandatMachine.resolveState({ value: statut, context });
  if (!snapshot.can(evenement)) {
    const garde =
      evenement.type === "mandat.signer" && statut === "EN_ATTENTE_SIGNATURE"
        ? (Object.keys(gardesMandat) as ReadonlyArray<GardeMandat>).find((g) => !gardesMandat[g](context, evenement))
        : undefined;
    return Either.left(
      new TransitionMandatRefusee({ mandatId: mandat.id, statut, evenement: evenement.type, ...(garde === undefined ? {} : { garde }) }),
    );
  }
  const [suivant] = transition(mandatMachine, snapshot, evenement);
  return Either.right(versMandat(suivant.value, suivant.context));
};

const remplacer = (etat: MandatsStructure, mandat: Mandat): MandatsStructure => ({
  ...etat,
  mandats: etat.mandats.map((m) => (m.id === mandat.id ? mandat : m)),
});

const trouver = (etat: MandatsStructure, mandatId: string): Either.Either<Mandat, MandatIntrouvable> => {
  const mandat = etat.mandats.find((m) => m.id === mandatId);
  return mandat === undefined ? Either.left(new MandatIntrouvable({ structureId: etat.structureId, mandatId })) : Either.right(mandat);
};

/**
 * Souscrit a mandat de facturation (action `mandat.gerer`; seed 002): EN_ATTENTE_SIGNATURE with a
 * signature link — secret `secretSignature` or `contexte.genererId()` — valid
 * `dureeValiditeLienSignatureHeures`. [decision] Refused with `MandatDejaEnCours` while another one
 * is pending or signed: revoke it first, so there is never more than one active.
 */
export const souscrireMandat = (
  etat: MandatsStructure,
  commande: CommandeMandat<SouscrireMandat> & { readonly secretSignature?: string },
  contexte: Contexte,
  regles: ReglesMandat = REGLES_MANDAT,
): Either.Either<ResultatMandat, NonAutorise | SaisieInvalide | MandatDejaEnCours> =>
  Either.gen(function* () {
    yield* autoriserGestion(commande.acteur, etat.structureId);
    const d = yield* decoder(SouscrireMandatSchema)(commande.donnees);
    const enCours = mandatEnCours(etat);
    if (Option.isSome(enCours)) {
      return yield* Either.left(new MandatDejaEnCours({ structureId: etat.structureId, mandatId: enCours.value.id, statut: enCours.value.statut }));
    }
    const id = contexte.genererId();
    const signatureExpireLe = new Date(contexte.maintenant.getTime() + regles.dureeValiditeLienSignatureHeures * HEURE_MS);
    const [initial] = initialTransition(mandatMachine, {
      id,
      structureId: etat.structureId,
      libelle: d.libelle,
      signataire: d.signataire,
      jetonSignature: commande.secretSignature ?? contexte.genererId(),
      signatureExpireLe,
      dateCreation: contexte.maintenant,
    });
    const mandat = versMandat(initial.value, initial.context);
    return {
      state: { ...etat, mandats: [...etat.mandats, mandat] },
      events: [
        EvenementMandat.MandatSouscrit({
          structureId: etat.structureId,
          mandatId: id,
          parId: idActeur(commande.acteur),
          libelle: d.libelle,
          signataire: d.signataire,
          signatureExpireLe,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/**
 * Signs the mandat through the e-mailed link: the token is the capability (the signataire need not
 * be a user of the portal), checked by the guards `jetonSignatureConforme` and `lienSignatureNonExpire`.
 */
export const signerMandat = (
  etat: MandatsStructure,
  commande: SignerMandat,
  contexte: Contexte,
): Either.Either<ResultatMandat, SaisieInvalide | MandatIntrouvable | TransitionMandatRefusee> =>
  Either.gen(function* () {
    const d = yield* decoder(SignerMandatSchema)(commande);
    const mandat = yield* trouver(etat, d.mandatId);
    const signe = yield* appliquer(mandat, { type: "mandat.signer", jeton: d.jeton, maintenant: contexte.maintenant });
    return {
      state: remplacer(etat, signe),
      events: [EvenementMandat.MandatSigne({ structureId: etat.structureId, mandatId: mandat.id, date: contexte.maintenant })],
    };
  });

/** Revokes a pending or signed mandat (action `mandat.gerer`); it stays in the history with its revocation date. */
export const revoquerMandat = (
  etat: MandatsStructure,
  commande: CommandeMandat<DesignationMandat>,
  contexte: Contexte,
): Either.Either<ResultatMandat, NonAutorise | SaisieInvalide | MandatIntrouvable | TransitionMandatRefusee> =>
  Either.gen(function* () {
    yield* autoriserGestion(commande.acteur, etat.structureId);
    const mandat = yield* trouver(etat, (yield* decoder(DesignationMandatSchema)(commande.donnees)).mandatId);
    const revoque = yield* appliquer(mandat, { type: "mandat.revoquer", maintenant: contexte.maintenant });
    return {
      state: remplacer(etat, revoque),
      events: [
        EvenementMandat.MandatRevoque({ structureId: etat.structureId, mandatId: mandat.id, parId: idActeur(commande.acteur), date: contexte.maintenant }),
      ],
    };
  });

/** Sends a new signature link for a pending mandat (action `mandat.gerer`); the previous link stops working. */
export const renouvelerLienSignature = (
  etat: MandatsStructure,
  commande: CommandeMandat<DesignationMandat> & { readonly secretSignature?: string },
  contexte: Contexte,
  regles: ReglesMandat = REGLES_MANDAT,
): Either.Either<ResultatMandat, NonAutorise | SaisieInvalide | MandatIntrouvable | TransitionMandatRefusee> =>
  Either.gen(function* () {
    yield* autoriserGestion(commande.acteur, etat.structureId);
    const mandat = yield* trouver(etat, (yield* decoder(DesignationMandatSchema)(commande.donnees)).mandatId);
    const expireLe = new Date(contexte.maintenant.getTime() + regles.dureeValiditeLienSignatureHeures * HEURE_MS);
    const renouvele = yield* appliquer(mandat, {
      type: "mandat.renouveler-lien",
      jeton: commande.secretSignature ?? contexte.genererId(),
      expireLe,
      maintenant: contexte.maintenant,
    });
    return {
      state: remplacer(etat, renouvele),
      events: [
        EvenementMandat.LienSignatureMandatRenouvele({
          structureId: etat.structureId,
          mandatId: mandat.id,
          parId: idActeur(commande.acteur),
          signatureExpireLe: expireLe,
          date: contexte.maintenant,
        }),
      ],
    };
  });
