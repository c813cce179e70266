import { Either, Schema } from "effect";
import {
  Application,
  APPLICATION_DE_L_ESPACE,
  autoriser,
  ESPACE_DE_L_APPLICATION,
  EspaceOuvrable,
  ModeHabilitation,
  type Acteur,
  type Action,
  type NonAutorise,
  type RattachementActeur,
} from "../autorisation/index.js";
import { depuisParseError, type Contexte, type SaisieInvalide } from "../shared/index.js";
import {
  AbonnementDejaDemande,
  BeneficiaireNonRattache,
  DemandeAbonnementIntrouvable,
  EspaceDejaOuvert,
  EspaceNonOuvert,
  HabilitationDejaAttribuee,
  HabilitationIntrouvable,
} from "./habilitation.errors.js";
import {
  EvenementHabilitation,
  libelleProfil,
  type DemandeAbonnement,
  type EtatHabilitations,
  type HabilitationAttribuee,
  type ResultatHabilitation,
} from "./habilitation.model.js";

const Identifiant = Schema.Trim.pipe(
  Schema.nonEmptyString({ message: () => "identifiant obligatoire" }),
  Schema.maxLength(100, { message: () => "identifiant trop long (100 caractères au plus)" }),
);

const decoder =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all" })(entree), (e) => depuisParseError(e));

const service = (serviceId: string | undefined): { readonly serviceId?: string } => (serviceId === undefined ? {} : { serviceId });

const idActeur = (acteur: Acteur): string => (acteur._tag === "Systeme" ? "systeme" : acteur.id);

const autoriserSur = (
  acteur: Acteur,
  action: Action,
  structureId: string,
  espacesOuverts: ReadonlyArray<EspaceOuvrable>,
): Either.Either<unknown, NonAutorise> => autoriser(acteur, action, { _tag: "Structure", structureId, espacesOuverts });

const memeCle = (h: HabilitationAttribuee, utilisateurId: string, structureId: string, serviceId: string | undefined, application: Application): boolean =>
  h.utilisateurId === utilisateurId && h.structureId === structureId && h.serviceId === serviceId && h.application === application;

/** Gives (or changes the mode of) a habilitation; shared by attribution and subscription validation. */
const donner = (
  etat: EtatHabilitations,
  h: Omit<HabilitationAttribuee, "id" | "depuis">,
  contexte: Contexte,
): Either.Either<{ readonly habilitations: ReadonlyArray<HabilitationAttribuee>; readonly evenement: EvenementHabilitation }, HabilitationDejaAttribuee> => {
  const existante = etat.habilitations.find((x) => memeCle(x, h.utilisateurId, h.structureId, h.serviceId, h.application));
  if (existante?.mode === h.mode) {
    return Either.left(
      new HabilitationDejaAttribuee({
        utilisateurId: h.utilisateurId,
        structureId: h.structureId,
        serviceId: h.serviceId,
        profil: libelleProfil(h.application, h.mode),
      }),
    );
  }
  const nouvelle: HabilitationAttribuee = { ...h, id: existante?.id ?? contexte.genererId(), depuis: contexte.maintenant };
  return Either.right({
    habilitations: [...etat.habilitations.filter((x) => x !== existante), nouvelle],
    evenement: EvenementHabilitation.HabilitationAttribuee({
      habilitationId: nouvelle.id,
      utilisateurId: nouvelle.utilisateurId,
      structureId: nouvelle.structureId,
      serviceId: nouvelle.serviceId,
      application: nouvelle.application,
      mode: nouvelle.mode,
      ancienMode: existante?.mode,
      parId: nouvelle.parId,
      date: contexte.maintenant,
    }),
  });
};

// ---------------------------------------------------------------------------------------------
// attribuerHabilitation / revoquerHabilitation
// ---------------------------------------------------------------------------------------------

/** Input of {@link attribuerHabilitation}: to whom, where, which application, which mode. */
export const AttribuerHabilitationSchema = Schema.Struct({
  utilisateurId: Identifiant,
  structureId: Identifiant,
  serviceId: Schema.optional(Identifiant),
  application: Application,
  mode: ModeHabilitation,
});
export type AttribuerHabilitation = typeof AttribuerHabilitationSchema.Encoded;

/** A command on a structure: who acts, what the caller loaded about the structure, the input. */
export interface CommandeSurStructure<D> {
  /** The acting user, as loaded by the caller (rattachement module: `acteurUtilisateur`). */
  readonly acteur: Acteur;
  /** The espaces opened on the structure (structure module). */
  readonly espacesOuverts: ReadonlyArray<EspaceOuvrable>;
  readonly donnees: D;
}

/**
 * A gestionnaire (`habilitation.gerer`) gives a user attached to the structure a profile, e.g.
 * "Frais de justice modification" (seed 001, "Gérer mes habilitations"). The application's espace
 * must be open on the structure. Giving another mode replaces the previous one.
 */
export const attribuerHabilitation = (
  etat: EtatHabilitations,
  commande: CommandeSurStructure<AttribuerHabilitation> & {
    /** The beneficiary's rattachements (rattachement module). */
    readonly rattachementsDuBeneficiaire: ReadonlyArray<RattachementActeur>;
  },
  contexte: Contexte,
): Either.Either<ResultatHabilitation, SaisieInvalide | NonAutorise | BeneficiaireNonRattache | EspaceNonOuvert | HabilitationDejaAttribuee> =>
  Either.gen(function* () {
    const d = yield* decoder(AttribuerHabilitationSchema)(commande.donnees);
    yield* autoriserSur(commande.acteur, "habilitation.gerer", d.structureId, commande.espacesOuverts);
    if (!commande.rattachementsDuBeneficiaire.some((r) => r.structureId === d.structureId)) {
      return yield* Either.left(new BeneficiaireNonRattache({ utilisateurId: d.utilisateurId, structureId: d.structureId }));
    }
    const espace = ESPACE_DE_L_APPLICATION[d.application];
    if (!commande.espacesOuverts.includes(espace)) return yield* Either.left(new EspaceNonOuvert({ structureId: d.structureId, espace }));
    const r = yield* donner(
      etat,
      {
        utilisateurId: d.utilisateurId,
        structureId: d.structureId,
        ...service(d.serviceId),
        application: d.application,
        mode: d.mode,
        parId: idActeur(commande.acteur),
      },
      contexte,
    );
    return { state: { ...etat, habilitations: r.habilitations }, events: [r.evenement] };
  });

/** Input of {@link revoquerHabilitation}. */
export const RevoquerHabilitationSchema = Schema.Struct({ habilitationId: Identifiant });
export type RevoquerHabilitation = typeof RevoquerHabilitationSchema.Encoded;

/** A gestionnaire (`habilitation.gerer`) removes a habilitation. */
export const revoquerHabilitation = (
  etat: EtatHabilitations,
  commande: CommandeSurStructure<RevoquerHabilitation>,
  contexte: Contexte,
): Either.Either<ResultatHabilitation, SaisieInvalide | NonAutorise | HabilitationIntrouvable> =>
  Either.gen(function* () {
    const d = yield* decoder(RevoquerHabilitationSchema)(commande.donnees);
    const h = etat.habilitations.find((x) => x.id === d.habilitationId);
    if (h === undefined) return yield* Either.left(new HabilitationIntrouvable({ habilitationId: d.habilitationId }));
    yield* autoriserSur(commande.acteur, "habilitation.gerer", h.structureId, commande.espacesOuverts);
    return {
      state: { ...etat, habilitations: etat.habilitations.filter((x) => x !== h) },
      events: [
        EvenementHabilitation.HabilitationRevoquee({
          habilitationId: h.id,
          utilisateurId: h.utilisateurId,
          structureId: h.structureId,
          application: h.application,
          mode: h.mode,
          parId: idActeur(commande.acteur),
          date: contexte.maintenant,
        }),
      ],
    };
  });

/**
 * A user left (or was detached from) a structure: every habilitation they held there goes
 * (folds the rattachement module's `UtilisateurDetache`). Never refused; no event when there was none.
 */
export const surUtilisateurDetache = (
  etat: EtatHabilitations,
  evenement: { readonly structureId: string; readonly utilisateurId: string },
  contexte: Contexte,
): ResultatHabilitation => {
  const perdues = etat.habilitations.filter((h) => h.structureId === evenement.structureId && h.utilisateurId === evenement.utilisateurId);
  return {
    state: {
      habilitations: etat.habilitations.filter((h) => !perdues.includes(h)),
      abonnements: etat.abonnements.filter((a) => !(a.structureId === evenement.structureId && a.utilisateurId === evenement.utilisateurId)),
    },
    events: perdues.map((h) =>
      EvenementHabilitation.HabilitationRevoquee({
        habilitationId: h.id,
        utilisateurId: h.utilisateurId,
        structureId: h.structureId,
        application: h.application,
        mode: h.mode,
        parId: undefined,
        date: contexte.maintenant,
      }),
    ),
  };
};

// ---------------------------------------------------------------------------------------------
// Abonnements
// ---------------------------------------------------------------------------------------------

/** Input of {@link demanderAbonnement}: which espace of which structure (optionally a service), in which mode. */
export const DemanderAbonnementSchema = Schema.Struct({
  structureId: Identifiant,
  serviceId: Schema.optional(Identifiant),
  espace: EspaceOuvrable,
  mode: ModeHabilitation,
});
export type DemanderAbonnement = typeof DemanderAbonnementSchema.Encoded;

/**
 * A user attached to the structure (`abonnement.demander`) asks to use an espace opened on it, in
 * consultation or modification mode (seed 004: "les utilisateurs simples demandent un abonnement
 * aux espaces ; ces demandes sont validées par les GP et GS de leur structure").
 */
export const demanderAbonnement = (
  etat: EtatHabilitations,
  commande: CommandeSurStructure<DemanderAbonnement>,
  contexte: Contexte,
): Either.Either<ResultatHabilitation, SaisieInvalide | NonAutorise | EspaceNonOuvert | HabilitationDejaAttribuee | AbonnementDejaDemande> =>
  Either.gen(function* () {
    const d = yield* decoder(DemanderAbonnementSchema)(commande.donnees);
    yield* autoriserSur(commande.acteur, "abonnement.demander", d.structureId, commande.espacesOuverts);
    const utilisateurId = idActeur(commande.acteur);
    if (!commande.espacesOuverts.includes(d.espace)) return yield* Either.left(new EspaceNonOuvert({ structureId: d.structureId, espace: d.espace }));
    const application = APPLICATION_DE_L_ESPACE[d.espace];
    const existante = etat.habilitations.find((h) => memeCle(h, utilisateurId, d.structureId, d.serviceId, application));
    if (existante !== undefined && (existante.mode === "MODIFICATION" || existante.mode === d.mode)) {
      return yield* Either.left(
        new HabilitationDejaAttribuee({
          utilisateurId,
          structureId: d.structureId,
          serviceId: d.serviceId,
          profil: libelleProfil(application, existante.mode),
        }),
      );
    }
    const enCours = etat.abonnements.find(
      (a) => a.utilisateurId === utilisateurId && a.structureId === d.structureId && a.serviceId === d.serviceId && a.espace === d.espace,
    );
    if (enCours !== undefined) {
      return yield* Either.left(new AbonnementDejaDemande({ utilisateurId, structureId: d.structureId, espace: d.espace, demandeId: enCours.id }));
    }
    const demande: DemandeAbonnement = {
      id: contexte.genererId(),
      utilisateurId,
      structureId: d.structureId,
      ...service(d.serviceId),
      espace: d.espace,
      mode: d.mode,
      deposeeLe: contexte.maintenant,
    };
    return {
      state: { ...etat, abonnements: [...etat.abonnements, demande] },
      events: [
        EvenementHabilitation.AbonnementDemande({
          demandeId: demande.id,
          utilisateurId,
          structureId: demande.structureId,
          serviceId: d.serviceId,
          espace: demande.espace,
          mode: demande.mode,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link validerAbonnement} and {@link refuserAbonnement}. */
export const TraiterAbonnementSchema = Schema.Struct({
  demandeId: Identifiant,
  motif: Schema.optional(Schema.Trim.pipe(Schema.maxLength(500))),
});
export type TraiterAbonnement = typeof TraiterAbonnementSchema.Encoded;

const demandeAbonnement = (etat: EtatHabilitations, demandeId: string): Either.Either<DemandeAbonnement, DemandeAbonnementIntrouvable> => {
  const a = etat.abonnements.find((x) => x.id === demandeId);
  return a === undefined ? Either.left(new DemandeAbonnementIntrouvable({ demandeId })) : Either.right(a);
};

/**
 * A gestionnaire (`abonnement.traiter`) validates a subscription request: the user gets the
 * habilitation on the espace's application, in the mode asked.
 */
export const validerAbonnement = (
  etat: EtatHabilitations,
  commande: CommandeSurStructure<TraiterAbonnement>,
  contexte: Contexte,
): Either.Either<ResultatHabilitation, SaisieInvalide | NonAutorise | DemandeAbonnementIntrouvable | EspaceNonOuvert | HabilitationDejaAttribuee> =>
  Either.gen(function* () {
    const d = yield* decoder(TraiterAbonnementSchema)(commande.donnees);
    const a = yield* demandeAbonnement(etat, d.demandeId);
    yield* autoriserSur(commande.acteur, "abonnement.traiter", a.structureId, commande.espacesOuverts);
    if (!commande.espacesOuverts.includes(a.espace)) return yield* Either.left(new EspaceNonOuvert({ structureId: a.structureId, espace: a.espace }));
    const parId = idActeur(commande.acteur);
    const r = yield* donner(
      etat,
      {
        utilisateurId: a.utilisateurId,
        structureId: a.structureId,
        ...service(a.serviceId),
        application: APPLICATION_DE_L_ESPACE[a.espace],
        mode: a.mode,
        parId,
      },
      contexte,
    );
    return {
      state: { habilitations: r.habilitations, abonnements: etat.abonnements.filter((x) => x !== a) },
      events: [
        EvenementHabilitation.AbonnementValide({ demandeId: a.id, utilisateurId: a.utilisateurId, structureId: a.structureId, parId, date: contexte.maintenant }),
        r.evenement,
      ],
    };
  });

/** A gestionnaire (`abonnement.traiter`) refuses a subscription request, with an optional motif. */
export const refuserAbonnement = (
  etat: EtatHabilitations,
  commande: CommandeSurStructure<TraiterAbonnement>,
  contexte: Contexte,
): Either.Either<ResultatHabilitation, SaisieInvalide | NonAutorise | DemandeAbonnementIntrouvable> =>
  Either.gen(function* () {
    const d = yield* decoder(TraiterAbonnementSchema)(commande.donnees);
    const a = yield* demandeAbonnement(etat, d.demandeId);
    yield* autoriserSur(commande.acteur, "abonnement.traiter", a.structureId, commande.espacesOuverts);
    return {
      state: { ...etat, abonnements: etat.abonnements.filter((x) => x !== a) },
      events: [
        EvenementHabilitation.AbonnementRefuse({
          demandeId: a.id,
          utilisateurId: a.utilisateurId,
          structureId: a.structureId,
          motif: d.motif === undefined || d.motif === "" ? undefined : d.motif,
          parId: idActeur(commande.acteur),
          date: contexte.maintenant,
        }),
      ],
    };
  });

// ---------------------------------------------------------------------------------------------
// ouvrirEspace
// ---------------------------------------------------------------------------------------------

/** Input of {@link ouvrirEspace}. */
export const OuvrirEspaceSchema = Schema.Struct({ espace: EspaceOuvrable });
export type OuvrirEspace = typeof OuvrirEspaceSchema.Encoded;

/**
 * A gestionnaire (`structure.ouvrir-espace`) opens an espace on the structure (seed 004: "Manuela
 * ouvre l'espace Engagements"). Works on any structure record carrying `id` and `espacesOuverts`
 * (the structure module's `Structure` fits), and returns it with the espace added.
 */
export const ouvrirEspace = <S extends { readonly id: string; readonly espacesOuverts: ReadonlyArray<EspaceOuvrable> }>(
  structure: S,
  commande: { readonly acteur: Acteur; readonly donnees: OuvrirEspace },
  contexte: Contexte,
): Either.Either<{ readonly state: S; readonly events: ReadonlyArray<EvenementHabilitation> }, SaisieInvalide | NonAutorise | EspaceDejaOuvert> =>
  Either.gen(function* () {
    const d = yield* decoder(OuvrirEspaceSchema)(commande.donnees);
    yield* autoriserSur(commande.acteur, "structure.ouvrir-espace", structure.id, structure.espacesOuverts);
    if (structure.espacesOuverts.includes(d.espace)) return yield* Either.left(new EspaceDejaOuvert({ structureId: structure.id, espace: d.espace }));
    return {
      state: { ...structure, espacesOuverts: [...structure.espacesOuverts, d.espace] },
      events: [EvenementHabilitation.EspaceOuvert({ structureId: structure.id, espace: d.espace, parId: idActeur(commande.acteur), date: contexte.maintenant })],
    };
  });
