import { Either, Schema } from "effect";
import { autoriser, type Acteur, type Action, type JuridictionRef, type NonAutorise, type Perimetre } from "../autorisation/index.js";
import { depuisParseError, SaisieInvalide, type Contexte } from "../shared/index.js";
import {
  AgentDejaExistant,
  AgentInchange,
  AgentIntrouvable,
  CourAppelInconnue,
  JuridictionDejaExistante,
  JuridictionIntrouvable,
} from "./juridiction.errors.js";
import {
  CodeJuridiction,
  Email,
  EvenementJuridiction,
  JuridictionSchema,
  PerimetreSchema,
  RolesAgentSchema,
  type Agent,
  type EtatJuridictions,
  type Juridiction,
  type ResultatJuridiction,
} from "./juridiction.model.js";

const decoder =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all" })(entree), (e) => depuisParseError(e));

const idActeur = (acteur: Acteur): string => (acteur._tag === "Systeme" ? "systeme" : acteur.id);

/** A command of the court-side administration: who acts (loaded by the caller), and the input. */
export interface CommandeAdministration<D> {
  readonly acteur: Acteur;
  readonly donnees: D;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** The juridiction with this code (codes are compared upper-cased). */
export const juridiction = (etat: EtatJuridictions, code: string): Juridiction | undefined =>
  etat.juridictions.find((j) => j.code === code.toUpperCase());

/** Every juridiction an agent's perimeter reaches: those listed and all those of the listed cours d'appel. */
export const juridictionsDuPerimetre = (etat: EtatJuridictions, perimetre: Perimetre): ReadonlyArray<Juridiction> =>
  etat.juridictions.filter((j) => perimetre.juridictions.includes(j.code) || perimetre.coursAppel.includes(j.courAppel));

/** The agent with this id. */
export const agent = (etat: EtatJuridictions, agentId: string): Agent | undefined => etat.agents.find((a) => a.id === agentId);

/** The agent who signs in with this e-mail (compared lower-cased). */
export const agentParEmail = (etat: EtatJuridictions, email: string): Agent | undefined =>
  etat.agents.find((a) => a.email === email.trim().toLowerCase());

// ---------------------------------------------------------------------------------------------
// Juridictions
// ---------------------------------------------------------------------------------------------

/** Input of {@link creerJuridiction}. */
export type CreerJuridiction = typeof JuridictionSchema.Encoded;

/**
 * An administrator (`juridiction.administrer`, with the new juridiction in their perimeter — for
 * a new cour d'appel, the cour itself) creates a juridiction. A cour d'appel heads its own ressort
 * (`courAppel` = its code); any other juridiction names a known cour d'appel.
 */
export const creerJuridiction = (
  etat: EtatJuridictions,
  commande: CommandeAdministration<CreerJuridiction>,
  contexte: Contexte,
): Either.Either<ResultatJuridiction, SaisieInvalide | NonAutorise | JuridictionDejaExistante | CourAppelInconnue> =>
  Either.gen(function* () {
    const d = yield* decoder(JuridictionSchema)(commande.donnees);
    if (d.type === "COUR_APPEL" && d.courAppel !== d.code) {
      return yield* Either.left(
        new SaisieInvalide({ erreurs: [{ chemin: "courAppel", raison: "une cour d'appel est la tête de son ressort : indiquez son propre code" }] }),
      );
    }
    // the list of juridictions is public: checking it before the authorization reveals nothing
    if (d.type !== "COUR_APPEL" && juridiction(etat, d.courAppel)?.type !== "COUR_APPEL") {
      return yield* Either.left(new CourAppelInconnue({ code: d.courAppel }));
    }
    yield* autoriser(commande.acteur, "juridiction.administrer", { _tag: "Juridiction", code: d.code, courAppel: d.courAppel });
    if (juridiction(etat, d.code) !== undefined) return yield* Either.left(new JuridictionDejaExistante({ code: d.code }));
    const nouvelle: Juridiction = { code: d.code, libelle: d.libelle, type: d.type, courAppel: d.courAppel };
    return {
      state: { ...etat, juridictions: [...etat.juridictions, nouvelle] },
      events: [EvenementJuridiction.JuridictionCreee({ juridiction: nouvelle, parId: idActeur(commande.acteur), date: contexte.maintenant })],
    };
  });

/** Input of {@link renommerJuridiction}. */
export const RenommerJuridictionSchema = Schema.Struct({ code: CodeJuridiction, libelle: JuridictionSchema.fields.libelle });
export type RenommerJuridiction = typeof RenommerJuridictionSchema.Encoded;

/** An administrator of the juridiction (`juridiction.administrer`) changes its libellé. */
export const renommerJuridiction = (
  etat: EtatJuridictions,
  commande: CommandeAdministration<RenommerJuridiction>,
  contexte: Contexte,
): Either.Either<ResultatJuridiction, SaisieInvalide | NonAutorise | JuridictionIntrouvable> =>
  Either.gen(function* () {
    const d = yield* decoder(RenommerJuridictionSchema)(commande.donnees);
    const j = juridiction(etat, d.code);
    if (j === undefined) return yield* Either.left(new JuridictionIntrouvable({ code: d.code }));
    yield* autoriser(commande.acteur, "juridiction.administrer", { _tag: "Juridiction", code: j.code, courAppel: j.courAppel });
    return {
      state: { ...etat, juridictions: etat.juridictions.map((x) => (x === j ? { ...j, libelle: d.libelle } : x)) },
      events: [
        EvenementJuridiction.JuridictionRenommee({
          code: j.code,
          ancienLibelle: j.libelle,
          libelle: d.libelle,
          parId: idActeur(commande.acteur),
          date: contexte.maintenant,
        }),
      ],
    };
  });

// ---------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------

/** Checks that every juridiction and cour d'appel of a perimeter exists. */
const perimetreConnu = (etat: EtatJuridictions, p: Perimetre): Either.Either<Perimetre, JuridictionIntrouvable | CourAppelInconnue> => {
  const inconnue = p.juridictions.find((code) => juridiction(etat, code) === undefined);
  if (inconnue !== undefined) return Either.left(new JuridictionIntrouvable({ code: inconnue }));
  const cour = p.coursAppel.find((code) => juridiction(etat, code)?.type !== "COUR_APPEL");
  if (cour !== undefined) return Either.left(new CourAppelInconnue({ code: cour }));
  return Either.right({ juridictions: [...new Set(p.juridictions)], coursAppel: [...new Set(p.coursAppel)] });
};

/**
 * The actor must hold `action` on every juridiction the perimeter names and on every cour d'appel
 * it names as a whole (a cour-wide perimeter needs a cour-wide administrator).
 */
const autoriserSurPerimetre = (etat: EtatJuridictions, acteur: Acteur, action: Action, p: Perimetre): Either.Either<unknown, NonAutorise> => {
  const cibles: ReadonlyArray<JuridictionRef> = [
    ...p.juridictions.map((code) => ({ code, courAppel: juridiction(etat, code)?.courAppel ?? code })),
    ...p.coursAppel.map((code) => ({ code, courAppel: code })),
  ];
  return Either.all(cibles.map((c) => autoriser(acteur, action, { _tag: "Juridiction", ...c })));
};

/** Input of {@link creerAgent}. */
export const CreerAgentSchema = Schema.Struct({
  email: Email,
  nom: JuridictionSchema.fields.libelle,
  prenom: JuridictionSchema.fields.libelle,
  roles: RolesAgentSchema,
  perimetre: PerimetreSchema,
});
export type CreerAgent = typeof CreerAgentSchema.Encoded;

/**
 * An administrator (`agent.administrer` over the whole new perimeter) creates an agent with
 * roles and a perimeter of known juridictions / cours d'appel. The e-mail is unique.
 */
export const creerAgent = (
  etat: EtatJuridictions,
  commande: CommandeAdministration<CreerAgent>,
  contexte: Contexte,
): Either.Either<ResultatJuridiction, SaisieInvalide | NonAutorise | JuridictionIntrouvable | CourAppelInconnue | AgentDejaExistant> =>
  Either.gen(function* () {
    const d = yield* decoder(CreerAgentSchema)(commande.donnees);
    const perimetre = yield* perimetreConnu(etat, d.perimetre);
    yield* autoriserSurPerimetre(etat, commande.acteur, "agent.administrer", perimetre);
    if (agentParEmail(etat, d.email) !== undefined) return yield* Either.left(new AgentDejaExistant({ email: d.email }));
    const nouveau: Agent = {
      id: contexte.genererId(),
      email: d.email,
      nom: d.nom,
      prenom: d.prenom,
      roles: d.roles,
      perimetre,
      actif: true,
      creeLe: contexte.maintenant,
    };
    return {
      state: { ...etat, agents: [...etat.agents, nouveau] },
      events: [
        EvenementJuridiction.AgentCree({
          agentId: nouveau.id,
          email: nouveau.email,
          roles: nouveau.roles,
          perimetre,
          parId: idActeur(commande.acteur),
          date: contexte.maintenant,
        }),
      ],
    };
  });

const agentExistant = (etat: EtatJuridictions, agentId: string): Either.Either<Agent, AgentIntrouvable> => {
  const a = agent(etat, agentId);
  return a === undefined ? Either.left(new AgentIntrouvable({ agentId })) : Either.right(a);
};

const remplacerAgent = (etat: EtatJuridictions, ancien: Agent, nouveau: Agent): EtatJuridictions => ({
  ...etat,
  agents: etat.agents.map((a) => (a === ancien ? nouveau : a)),
});

const memesElements = <T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Input of {@link modifierRolesAgent}. */
export const ModifierRolesAgentSchema = Schema.Struct({ agentId: Schema.NonEmptyTrimmedString, roles: RolesAgentSchema });
export type ModifierRolesAgent = typeof ModifierRolesAgentSchema.Encoded;

/** An administrator over the agent's whole perimeter (`agent.administrer`) sets the agent's roles. */
export const modifierRolesAgent = (
  etat: EtatJuridictions,
  commande: CommandeAdministration<ModifierRolesAgent>,
  contexte: Contexte,
): Either.Either<ResultatJuridiction, SaisieInvalide | NonAutorise | AgentIntrouvable | AgentInchange> =>
  Either.gen(function* () {
    const d = yield* decoder(ModifierRolesAgentSchema)(commande.donnees);
    const a = yield* agentExistant(etat, d.agentId);
    yield* autoriserSurPerimetre(etat, commande.acteur, "agent.administrer", a.perimetre);
    if (memesElements(a.roles, d.roles)) return yield* Either.left(new AgentInchange({ agentId: a.id, detail: "mêmes rôles" }));
    return {
      state: remplacerAgent(etat, a, { ...a, roles: d.roles }),
      events: [
        EvenementJuridiction.RolesAgentModifies({
          agentId: a.id,
          anciensRoles: a.roles,
          roles: d.roles,
          parId: idActeur(commande.acteur),
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link modifierPerimetreAgent}. */
export const ModifierPerimetreAgentSchema = Schema.Struct({ agentId: Schema.NonEmptyTrimmedString, perimetre: PerimetreSchema });
export type ModifierPerimetreAgent = typeof ModifierPerimetreAgentSchema.Encoded;

/**
 * An administrator (`agent.administrer` over both the former and the new perimeter) changes
 * where the agent acts.
 */
export const modifierPerimetreAgent = (
  etat: EtatJuridictions,
  commande: CommandeAdministration<ModifierPerimetreAgent>,
  contexte: Contexte,
): Either.Either<ResultatJuridiction, SaisieInvalide | NonAutorise | AgentIntrouvable | JuridictionIntrouvable | CourAppelInconnue | AgentInchange> =>
  Either.gen(function* () {
    const d = yield* decoder(ModifierPerimetreAgentSchema)(commande.donnees);
    const a = yield* agentExistant(etat, d.agentId);
    const perimetre = yield* perimetreConnu(etat, d.perimetre);
    yield* autoriserSurPerimetre(etat, commande.acteur, "agent.administrer", a.perimetre);
    yield* autoriserSurPerimetre(etat, commande.acteur, "agent.administrer", perimetre);
    if (memesElements(a.perimetre.juridictions, perimetre.juridictions) && memesElements(a.perimetre.coursAppel, perimetre.coursAppel)) {
      return yield* Either.left(new AgentInchange({ agentId: a.id, detail: "même périmètre" }));
    }
    return {
      state: remplacerAgent(etat, a, { ...a, perimetre }),
      events: [
        EvenementJuridiction.PerimetreAgentModifie({
          agentId: a.id,
          ancienPerimetre: a.perimetre,
          perimetre,
          parId: idActeur(commande.acteur),
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link desactiverAgent} and {@link reactiverAgent}. */
export const AgentCibleSchema = Schema.Struct({ agentId: Schema.NonEmptyTrimmedString });
export type AgentCible = typeof AgentCibleSchema.Encoded;

const changerActivite =
  (actif: boolean) =>
  (
    etat: EtatJuridictions,
    commande: CommandeAdministration<AgentCible>,
    contexte: Contexte,
  ): Either.Either<ResultatJuridiction, SaisieInvalide | NonAutorise | AgentIntrouvable | AgentInchange> =>
    Either.gen(function* () {
      const d = yield* decoder(AgentCibleSchema)(commande.donnees);
      const a = yield* agentExistant(etat, d.agentId);
      yield* autoriserSurPerimetre(etat, commande.acteur, "agent.administrer", a.perimetre);
      if (a.actif === actif) return yield* Either.left(new AgentInchange({ agentId: a.id, detail: actif ? "déjà actif" : "déjà désactivé" }));
      const parId = idActeur(commande.acteur);
      return {
        state: remplacerAgent(etat, a, { ...a, actif }),
        events: [
          actif
            ? EvenementJuridiction.AgentReactive({ agentId: a.id, parId, date: contexte.maintenant })
            : EvenementJuridiction.AgentDesactive({ agentId: a.id, parId, date: contexte.maintenant }),
        ],
      };
    });

/** An administrator over the agent's perimeter deactivates them: `autoriser` then refuses them everything (`COMPTE_INACTIF`). */
export const desactiverAgent = changerActivite(false);
/** An administrator over the agent's perimeter reactivates a deactivated agent. */
export const reactiverAgent = changerActivite(true);
