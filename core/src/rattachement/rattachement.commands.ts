import { Either, Schema } from "effect";
import {
  autoriser,
  RoleStructure,
  type ActeurUtilisateur,
  type Action,
  type Habilitation,
  type NonAutorise,
} from "../autorisation/index.js";
import { depuisParseError, type Contexte, type SaisieInvalide } from "../shared/index.js";
import {
  DejaRattache,
  DemandeDejaEnCours,
  DemandeRattachementIntrouvable,
  GestionnairePrincipalInamovible,
  RoleInchange,
  RolePrincipalParTransfertSeulement,
  StructureDejaFondee,
  StructureSansGestionnaire,
  UtilisateurNonRattache,
} from "./rattachement.errors.js";
import {
  EvenementRattachement,
  Identifiant,
  type DemandeRattachement,
  type EtatRattachements,
  type Rattachement,
  type ResultatRattachement,
} from "./rattachement.model.js";

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** The rattachement of a user to a structure, if any. */
export const rattachementDe = (etat: EtatRattachements, structureId: string, utilisateurId: string): Rattachement | undefined =>
  etat.rattachements.find((r) => r.structureId === structureId && r.utilisateurId === utilisateurId);

/** The id of the structure's gestionnaire principal (`undefined` for an unknown structure). */
export const gestionnairePrincipal = (etat: EtatRattachements, structureId: string): string | undefined =>
  etat.rattachements.find((r) => r.structureId === structureId && r.role === "GESTIONNAIRE_PRINCIPAL")?.utilisateurId;

/** Every user attached to the structure. */
export const membres = (etat: EtatRattachements, structureId: string): ReadonlyArray<Rattachement> =>
  etat.rattachements.filter((r) => r.structureId === structureId);

/** Every structure a user is attached to. */
export const rattachementsDe = (etat: EtatRattachements, utilisateurId: string): ReadonlyArray<Rattachement> =>
  etat.rattachements.filter((r) => r.utilisateurId === utilisateurId);

/** The pending requests for a structure (what its gestionnaires see in "Activités du gestionnaire"). */
export const demandesEnAttente = (etat: EtatRattachements, structureId: string): ReadonlyArray<DemandeRattachement> =>
  etat.demandes.filter((d) => d.structureId === structureId);

/**
 * The acting user as `autoriser` reads them: their rattachements from this state, and the
 * habilitations the caller loaded (from the habilitation module).
 */
export const acteurUtilisateur = (
  etat: EtatRattachements,
  utilisateurId: string,
  habilitations: ReadonlyArray<Habilitation> = [],
): ActeurUtilisateur => ({
  _tag: "Utilisateur",
  id: utilisateurId,
  rattachements: rattachementsDe(etat, utilisateurId).map((r) => ({ structureId: r.structureId, ...service(r.serviceId), role: r.role })),
  habilitations,
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const decoder =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all" })(entree), (e) => depuisParseError(e));

const autoriserSur = (etat: EtatRattachements, par: string, action: Action, structureId: string): Either.Either<unknown, NonAutorise> =>
  autoriser(acteurUtilisateur(etat, par), action, { _tag: "Structure", structureId });

const remplacer = (etat: EtatRattachements, nouveaux: ReadonlyArray<Rattachement>): ReadonlyArray<Rattachement> =>
  etat.rattachements
    .filter((r) => !nouveaux.some((n) => n.structureId === r.structureId && n.utilisateurId === r.utilisateurId))
    .concat(nouveaux);

const avecRole = (r: Rattachement, role: Rattachement["role"], depuis: Date): Rattachement => ({ ...r, role, depuis });

const membre = (etat: EtatRattachements, structureId: string, utilisateurId: string): Either.Either<Rattachement, UtilisateurNonRattache> => {
  const r = rattachementDe(etat, structureId, utilisateurId);
  return r === undefined ? Either.left(new UtilisateurNonRattache({ structureId, utilisateurId })) : Either.right(r);
};

const service = (serviceId: string | undefined): { readonly serviceId?: string } => (serviceId === undefined ? {} : { serviceId });

// ---------------------------------------------------------------------------------------------
// fonderStructure
// ---------------------------------------------------------------------------------------------

/** Input of {@link fonderStructure}: the `StructureCreee` event of the structure module fits it as is. */
export const FonderStructureSchema = Schema.Struct({ structureId: Identifiant, createurId: Identifiant });
export type FonderStructure = typeof FonderStructureSchema.Encoded;

/**
 * The creator of a new structure becomes its gestionnaire principal (seed 004: "après l'avoir
 * créée, Manuela sera nommée par défaut gestionnaire principal"). Folds the structure module's
 * `StructureCreee { structureId, createurId }`.
 */
export const fonderStructure = (
  etat: EtatRattachements,
  commande: FonderStructure,
  contexte: Contexte,
): Either.Either<ResultatRattachement, SaisieInvalide | StructureDejaFondee> =>
  Either.gen(function* () {
    const c = yield* decoder(FonderStructureSchema)({ structureId: commande.structureId, createurId: commande.createurId });
    if (membres(etat, c.structureId).length > 0) return yield* Either.left(new StructureDejaFondee({ structureId: c.structureId }));
    const rattachement: Rattachement = {
      structureId: c.structureId,
      utilisateurId: c.createurId,
      role: "GESTIONNAIRE_PRINCIPAL",
      depuis: contexte.maintenant,
    };
    return {
      state: { ...etat, rattachements: [...etat.rattachements, rattachement] },
      events: [
        EvenementRattachement.GestionnairePrincipalInitial({
          structureId: c.structureId,
          utilisateurId: c.createurId,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/**
 * The rattachement of the creator of a structure, as the initial state of a new structure
 * (same rule as {@link fonderStructure}, for callers that start from nothing).
 */
export const rattachementsInitiaux = (structureId: string, createurId: string, depuis: Date): EtatRattachements => ({
  rattachements: [{ structureId, utilisateurId: createurId, role: "GESTIONNAIRE_PRINCIPAL", depuis }],
  demandes: [],
});

// ---------------------------------------------------------------------------------------------
// demanderRattachement
// ---------------------------------------------------------------------------------------------

/** Input of {@link demanderRattachement}. */
export const DemanderRattachementSchema = Schema.Struct({
  utilisateurId: Identifiant,
  structureId: Identifiant,
  serviceId: Schema.optional(Identifiant),
});
export type DemanderRattachement = typeof DemanderRattachementSchema.Encoded;

/**
 * A user (authenticated by the adapter) asks to be attached to a structure, optionally to one of
 * its services (seed 004, "Mon compte"). The structure's gestionnaires accept or refuse. The
 * service code is checked against the structure by the caller (structure module).
 */
export const demanderRattachement = (
  etat: EtatRattachements,
  commande: DemanderRattachement,
  contexte: Contexte,
): Either.Either<ResultatRattachement, SaisieInvalide | StructureSansGestionnaire | DejaRattache | DemandeDejaEnCours> =>
  Either.gen(function* () {
    const c = yield* decoder(DemanderRattachementSchema)(commande);
    if (gestionnairePrincipal(etat, c.structureId) === undefined) {
      return yield* Either.left(new StructureSansGestionnaire({ structureId: c.structureId }));
    }
    if (rattachementDe(etat, c.structureId, c.utilisateurId) !== undefined) {
      return yield* Either.left(new DejaRattache({ structureId: c.structureId, utilisateurId: c.utilisateurId }));
    }
    const enCours = etat.demandes.find((d) => d.structureId === c.structureId && d.utilisateurId === c.utilisateurId);
    if (enCours !== undefined) {
      return yield* Either.left(new DemandeDejaEnCours({ structureId: c.structureId, utilisateurId: c.utilisateurId, demandeId: enCours.id }));
    }
    const demande: DemandeRattachement = {
      id: contexte.genererId(),
      structureId: c.structureId,
      utilisateurId: c.utilisateurId,
      ...service(c.serviceId),
      deposeeLe: contexte.maintenant,
    };
    return {
      state: { ...etat, demandes: [...etat.demandes, demande] },
      events: [
        EvenementRattachement.RattachementDemande({
          demandeId: demande.id,
          structureId: demande.structureId,
          utilisateurId: demande.utilisateurId,
          serviceId: c.serviceId,
          date: contexte.maintenant,
        }),
      ],
    };
  });

// ---------------------------------------------------------------------------------------------
// accepterRattachement / refuserRattachement
// ---------------------------------------------------------------------------------------------

/** Input of {@link accepterRattachement}: who accepts, which request, which role to give. */
export const AccepterRattachementSchema = Schema.Struct({ par: Identifiant, demandeId: Identifiant, role: RoleStructure });
export type AccepterRattachement = typeof AccepterRattachementSchema.Encoded;

const demandeEnAttente = (etat: EtatRattachements, demandeId: string): Either.Either<DemandeRattachement, DemandeRattachementIntrouvable> => {
  const d = etat.demandes.find((x) => x.id === demandeId);
  return d === undefined ? Either.left(new DemandeRattachementIntrouvable({ demandeId })) : Either.right(d);
};

/**
 * A gestionnaire (principal or secondaire: `rattachement.traiter`) accepts a request and chooses
 * the role: GESTIONNAIRE_SECONDAIRE or UTILISATEUR (the principal role is only transferred).
 */
export const accepterRattachement = (
  etat: EtatRattachements,
  commande: AccepterRattachement,
  contexte: Contexte,
): Either.Either<ResultatRattachement, SaisieInvalide | DemandeRattachementIntrouvable | NonAutorise | RolePrincipalParTransfertSeulement> =>
  Either.gen(function* () {
    const c = yield* decoder(AccepterRattachementSchema)(commande);
    const demande = yield* demandeEnAttente(etat, c.demandeId);
    yield* autoriserSur(etat, c.par, "rattachement.traiter", demande.structureId);
    if (c.role === "GESTIONNAIRE_PRINCIPAL") {
      return yield* Either.left(new RolePrincipalParTransfertSeulement({ structureId: demande.structureId, utilisateurId: demande.utilisateurId }));
    }
    const rattachement: Rattachement = {
      structureId: demande.structureId,
      utilisateurId: demande.utilisateurId,
      ...service(demande.serviceId),
      role: c.role,
      depuis: contexte.maintenant,
    };
    return {
      state: {
        rattachements: [...etat.rattachements, rattachement],
        demandes: etat.demandes.filter((d) => d.id !== demande.id),
      },
      events: [
        EvenementRattachement.RattachementAccepte({
          demandeId: demande.id,
          structureId: demande.structureId,
          utilisateurId: demande.utilisateurId,
          serviceId: demande.serviceId,
          role: c.role,
          parId: c.par,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link refuserRattachement}: who refuses, which request, an optional motif shown to the requester. */
export const RefuserRattachementSchema = Schema.Struct({
  par: Identifiant,
  demandeId: Identifiant,
  motif: Schema.optional(Schema.Trim.pipe(Schema.maxLength(500))),
});
export type RefuserRattachement = typeof RefuserRattachementSchema.Encoded;

/** A gestionnaire (`rattachement.traiter`) refuses a request; the request is closed. */
export const refuserRattachement = (
  etat: EtatRattachements,
  commande: RefuserRattachement,
  contexte: Contexte,
): Either.Either<ResultatRattachement, SaisieInvalide | DemandeRattachementIntrouvable | NonAutorise> =>
  Either.gen(function* () {
    const c = yield* decoder(RefuserRattachementSchema)(commande);
    const demande = yield* demandeEnAttente(etat, c.demandeId);
    yield* autoriserSur(etat, c.par, "rattachement.traiter", demande.structureId);
    return {
      state: { ...etat, demandes: etat.demandes.filter((d) => d.id !== demande.id) },
      events: [
        EvenementRattachement.RattachementRefuse({
          demandeId: demande.id,
          structureId: demande.structureId,
          utilisateurId: demande.utilisateurId,
          motif: c.motif === undefined || c.motif === "" ? undefined : c.motif,
          parId: c.par,
          date: contexte.maintenant,
        }),
      ],
    };
  });

// ---------------------------------------------------------------------------------------------
// modifierRole / transfererGestionnairePrincipal / detacher
// ---------------------------------------------------------------------------------------------

/** Input of {@link modifierRole}. */
export const ModifierRoleSchema = Schema.Struct({
  par: Identifiant,
  structureId: Identifiant,
  utilisateurId: Identifiant,
  role: RoleStructure,
});
export type ModifierRole = typeof ModifierRoleSchema.Encoded;

/**
 * A gestionnaire (`rattachement.modifier-role`) makes a member gestionnaire secondaire or
 * utilisateur simple. The principal's own role cannot be changed this way, nor given: that is
 * {@link transfererGestionnairePrincipal}.
 */
export const modifierRole = (
  etat: EtatRattachements,
  commande: ModifierRole,
  contexte: Contexte,
): Either.Either<
  ResultatRattachement,
  SaisieInvalide | NonAutorise | UtilisateurNonRattache | RolePrincipalParTransfertSeulement | GestionnairePrincipalInamovible | RoleInchange
> =>
  Either.gen(function* () {
    const c = yield* decoder(ModifierRoleSchema)(commande);
    yield* autoriserSur(etat, c.par, "rattachement.modifier-role", c.structureId);
    const cible = yield* membre(etat, c.structureId, c.utilisateurId);
    if (c.role === "GESTIONNAIRE_PRINCIPAL") {
      return yield* Either.left(new RolePrincipalParTransfertSeulement({ structureId: c.structureId, utilisateurId: c.utilisateurId }));
    }
    if (cible.role === "GESTIONNAIRE_PRINCIPAL") {
      return yield* Either.left(new GestionnairePrincipalInamovible({ structureId: c.structureId, utilisateurId: c.utilisateurId }));
    }
    if (cible.role === c.role) {
      return yield* Either.left(new RoleInchange({ structureId: c.structureId, utilisateurId: c.utilisateurId, role: c.role }));
    }
    return {
      state: { ...etat, rattachements: remplacer(etat, [avecRole(cible, c.role, contexte.maintenant)]) },
      events: [
        EvenementRattachement.RoleModifie({
          structureId: c.structureId,
          utilisateurId: c.utilisateurId,
          ancienRole: cible.role,
          nouveauRole: c.role,
          parId: c.par,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link transfererGestionnairePrincipal}. */
export const TransfererGestionnairePrincipalSchema = Schema.Struct({
  par: Identifiant,
  structureId: Identifiant,
  nouveauPrincipalId: Identifiant,
});
export type TransfererGestionnairePrincipal = typeof TransfererGestionnairePrincipalSchema.Encoded;

/**
 * The gestionnaire principal — and only them (`rattachement.transferer-principal`) — hands the
 * role to another member of the structure; they become gestionnaire secondaire (seed 004).
 */
export const transfererGestionnairePrincipal = (
  etat: EtatRattachements,
  commande: TransfererGestionnairePrincipal,
  contexte: Contexte,
): Either.Either<ResultatRattachement, SaisieInvalide | NonAutorise | UtilisateurNonRattache | RoleInchange> =>
  Either.gen(function* () {
    const c = yield* decoder(TransfererGestionnairePrincipalSchema)(commande);
    yield* autoriserSur(etat, c.par, "rattachement.transferer-principal", c.structureId);
    const ancien = yield* membre(etat, c.structureId, c.par);
    const nouveau = yield* membre(etat, c.structureId, c.nouveauPrincipalId);
    if (nouveau.role === "GESTIONNAIRE_PRINCIPAL") {
      return yield* Either.left(
        new RoleInchange({ structureId: c.structureId, utilisateurId: c.nouveauPrincipalId, role: "GESTIONNAIRE_PRINCIPAL" }),
      );
    }
    return {
      state: {
        ...etat,
        rattachements: remplacer(etat, [
          avecRole(ancien, "GESTIONNAIRE_SECONDAIRE", contexte.maintenant),
          avecRole(nouveau, "GESTIONNAIRE_PRINCIPAL", contexte.maintenant),
        ]),
      },
      events: [
        EvenementRattachement.GestionnairePrincipalTransfere({
          structureId: c.structureId,
          ancienPrincipalId: c.par,
          nouveauPrincipalId: c.nouveauPrincipalId,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link detacher}. */
export const DetacherSchema = Schema.Struct({ par: Identifiant, structureId: Identifiant, utilisateurId: Identifiant });
export type Detacher = typeof DetacherSchema.Encoded;

/**
 * Ends a user's rattachement: the user themself (leaving), or a gestionnaire
 * (`rattachement.detacher`). The gestionnaire principal cannot be detached: they transfer the role first.
 */
export const detacher = (
  etat: EtatRattachements,
  commande: Detacher,
  contexte: Contexte,
): Either.Either<ResultatRattachement, SaisieInvalide | NonAutorise | UtilisateurNonRattache | GestionnairePrincipalInamovible> =>
  Either.gen(function* () {
    const c = yield* decoder(DetacherSchema)(commande);
    if (c.par !== c.utilisateurId) yield* autoriserSur(etat, c.par, "rattachement.detacher", c.structureId);
    const cible = yield* membre(etat, c.structureId, c.utilisateurId);
    if (cible.role === "GESTIONNAIRE_PRINCIPAL") {
      return yield* Either.left(new GestionnairePrincipalInamovible({ structureId: c.structureId, utilisateurId: c.utilisateurId }));
    }
    return {
      state: { ...etat, rattachements: etat.rattachements.filter((r) => r !== cible) },
      events: [
        EvenementRattachement.UtilisateurDetache({
          structureId: c.structureId,
          utilisateurId: c.utilisateurId,
          ancienRole: cible.role,
          parId: c.par,
          date: contexte.maintenant,
        }),
      ],
    };
  });
