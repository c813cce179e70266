import { Either } from "effect";
import { NonAutorise } from "./autorisation.errors.js";
import {
  ROLES_AGENT,
  type Acteur,
  type ActeurAgent,
  type ActeurUtilisateur,
  type Action,
  type Application,
  type Autorise,
  type Cible,
  type CibleMemoire,
  type CibleStructure,
  type Habilitation,
  type JuridictionRef,
  type RaisonRefus,
  type RoleAgent,
  type RoleStructure,
} from "./autorisation.model.js";

/**
 * What a prestataire-side action requires (the role matrix of `docs/autorisation.md`):
 * - `PRINCIPAL`: the gestionnaire principal only;
 * - `GESTION`: a gestionnaire (principal or secondaire);
 * - `CONSULTATION`: a gestionnaire, or a habilitation on `application` in any mode;
 * - `ECRITURE`: a gestionnaire, or a habilitation on `application` in MODIFICATION mode;
 * - `RATTACHEMENT`: any user attached to the structure.
 * `application: "TOUTE"` accepts a habilitation on any application; `espace` must be open on the structure.
 */
export type ReglePrestataire =
  | { readonly cote: "PRESTATAIRE"; readonly niveau: "PRINCIPAL" | "GESTION" | "RATTACHEMENT" }
  | {
      readonly cote: "PRESTATAIRE";
      readonly niveau: "CONSULTATION" | "ECRITURE";
      readonly application: Application | "TOUTE";
      readonly espaceRequis: boolean;
    };

/** A court-side action: the agent roles that may do it and the targets it applies to. */
export interface RegleJuridiction {
  readonly cote: "JURIDICTION";
  readonly roles: ReadonlyArray<RoleAgent>;
  readonly cibles: ReadonlyArray<"Memoire" | "Juridiction" | "Global">;
}

/** An action done by the system only. */
export interface RegleSysteme {
  readonly cote: "SYSTEME";
}

/** The rule of one action. */
export type Regle = ReglePrestataire | RegleJuridiction | RegleSysteme;

const gestion: ReglePrestataire = { cote: "PRESTATAIRE", niveau: "GESTION" };
const consultationFdj: ReglePrestataire = {
  cote: "PRESTATAIRE",
  niveau: "CONSULTATION",
  application: "FRAIS_DE_JUSTICE",
  espaceRequis: false,
};
const traitementMemoire = (roles: ReadonlyArray<RoleAgent>): RegleJuridiction => ({
  cote: "JURIDICTION",
  roles,
  cibles: ["Memoire", "Juridiction"],
});

/** The rule of every action: the single source of the role matrix. */
export const REGLES: { readonly [A in Action]: Regle } = {
  "structure.consulter": { cote: "PRESTATAIRE", niveau: "CONSULTATION", application: "TOUTE", espaceRequis: false },
  "structure.modifier": gestion,
  "structure.gerer-services": gestion,
  "structure.ouvrir-espace": gestion,
  "coordonnees-bancaires.consulter": consultationFdj,
  "coordonnees-bancaires.gerer": gestion,
  "mandat.consulter": consultationFdj,
  "mandat.gerer": gestion,
  "rattachement.traiter": gestion,
  "rattachement.modifier-role": gestion,
  "rattachement.transferer-principal": { cote: "PRESTATAIRE", niveau: "PRINCIPAL" },
  "rattachement.detacher": gestion,
  "abonnement.demander": { cote: "PRESTATAIRE", niveau: "RATTACHEMENT" },
  "abonnement.traiter": gestion,
  "habilitation.gerer": gestion,
  "ticket.emettre": { cote: "PRESTATAIRE", niveau: "RATTACHEMENT" },
  "memoire.consulter": { cote: "PRESTATAIRE", niveau: "CONSULTATION", application: "FRAIS_DE_JUSTICE", espaceRequis: true },
  "memoire.modifier": { cote: "PRESTATAIRE", niveau: "ECRITURE", application: "FRAIS_DE_JUSTICE", espaceRequis: true },
  "memoire.consulter-juridiction": traitementMemoire(["GREFFIER", "MAGISTRAT_TAXATEUR", "ORDONNATEUR", "COMPTABLE"]),
  "memoire.prendre-en-charge": traitementMemoire(["GREFFIER"]),
  "memoire.certifier": traitementMemoire(["GREFFIER"]),
  "memoire.envoyer-en-taxation": traitementMemoire(["GREFFIER"]),
  "memoire.refuser": traitementMemoire(["GREFFIER", "MAGISTRAT_TAXATEUR"]),
  "memoire.taxer": traitementMemoire(["MAGISTRAT_TAXATEUR"]),
  "memoire.constater-forclusion": traitementMemoire(["MAGISTRAT_TAXATEUR"]),
  // CPP R228: the greffe notifies the ordonnance de taxe; the greffier records the day it was received.
  "memoire.constater-notification-taxe": traitementMemoire(["GREFFIER"]),
  // CPP R230: the appeal is filed at the greffe of the magistrat taxateur, and the chambre de
  // l'instruction's decision is sent to that greffe for execution; the greffier records both.
  "memoire.constater-recours-taxe": traitementMemoire(["GREFFIER"]),
  "memoire.constater-decision-recours": traitementMemoire(["GREFFIER"]),
  "memoire.valider-paiement": traitementMemoire(["ORDONNATEUR"]),
  "memoire.mettre-en-paiement": traitementMemoire(["COMPTABLE"]),
  "memoire.transmettre": { cote: "SYSTEME" },
  "ticket.cloturer-automatiquement": { cote: "SYSTEME" },
  "juridiction.administrer": { cote: "JURIDICTION", roles: ["ADMINISTRATEUR"], cibles: ["Juridiction"] },
  "agent.administrer": { cote: "JURIDICTION", roles: ["ADMINISTRATEUR"], cibles: ["Juridiction"] },
  "ticket.traiter": { cote: "JURIDICTION", roles: ["SUPPORT"], cibles: ["Global", "Juridiction"] },
  // [decision] The réponses types are shared by every queue: the national support, which runs the
  // service, keeps them (a service métier's agent uses them, does not change them).
  "reponse-type.administrer": { cote: "JURIDICTION", roles: ["SUPPORT"], cibles: ["Global"] },
};

/** `true` when the action is done by prestataire-side users. */
export const estActionPrestataire = (action: Action): boolean => REGLES[action].cote === "PRESTATAIRE";
/** `true` when the action is done by court-side agents (including administration and support). */
export const estActionJuridiction = (action: Action): boolean => REGLES[action].cote === "JURIDICTION";
/** `true` when only the system does the action. */
export const estActionSysteme = (action: Action): boolean => REGLES[action].cote === "SYSTEME";

const FORCE_DU_ROLE: { readonly [R in RoleStructure]: number } = {
  GESTIONNAIRE_PRINCIPAL: 3,
  GESTIONNAIRE_SECONDAIRE: 2,
  UTILISATEUR: 1,
};

/**
 * The strongest role a user holds on a structure, from the rattachements the caller loaded
 * (`undefined`: not attached). Several rattachements (one per service) may exist.
 */
export const roleSurStructure = (
  rattachements: ReadonlyArray<{ readonly structureId: string; readonly role: RoleStructure }>,
  structureId: string,
): RoleStructure | undefined =>
  rattachements
    .filter((r) => r.structureId === structureId)
    .reduce<RoleStructure | undefined>(
      (meilleur, r) => (meilleur === undefined || FORCE_DU_ROLE[r.role] > FORCE_DU_ROLE[meilleur] ? r.role : meilleur),
      undefined,
    );

/**
 * `true` when the habilitation reaches the target: same structure, and either the whole structure
 * or the target's own service (a habilitation on a service never reaches the structure as a whole).
 */
export const habilitationCouvre = (habilitation: Habilitation, structureId: string, serviceId: string | undefined): boolean =>
  habilitation.structureId === structureId &&
  (habilitation.serviceId === undefined || habilitation.serviceId === serviceId);

/**
 * `true` when the agent's perimeter contains the juridiction: listed itself, or its cour d'appel listed.
 */
export const dansPerimetre = (perimetre: ActeurAgent["perimetre"], juridiction: JuridictionRef): boolean =>
  perimetre.juridictions.includes(juridiction.code) || perimetre.coursAppel.includes(juridiction.courAppel);

const nomActeur = (acteur: Acteur): string => (acteur._tag === "Systeme" ? "Systeme" : `${acteur._tag} ${acteur.id}`);

/**
 * A refusal before it becomes a {@link NonAutorise}: a plain value, so that {@link estAutorise} (called
 * for every juridiction of a list, every action of every row) never pays for an Error and its stack.
 */
interface Refus {
  readonly raison: RaisonRefus;
  readonly detail: string;
}

/** What the rules decide: the grant, or the refusal's reason. */
type Decision = Either.Either<Autorise, Refus>;

const autorise = (action: Action, motif: Autorise["motif"], detail: string, extra: Partial<Omit<Autorise, "_tag" | "action" | "motif" | "detail">> = {}): Decision =>
  Either.right({ _tag: "Autorise", action, motif, detail, ...extra });

const refuse = (raison: RaisonRefus, detail: string): Decision => Either.left({ raison, detail });

const decrireHabilitation = (h: Habilitation): string =>
  `habilitation ${h.application} ${h.mode} sur la structure ${h.structureId}${h.serviceId === undefined ? "" : ` / service ${h.serviceId}`}`;

const autoriserUtilisateur = (
  acteur: ActeurUtilisateur,
  action: Action,
  regle: ReglePrestataire,
  cible: CibleStructure | CibleMemoire,
): Decision => {
  const role = roleSurStructure(acteur.rattachements, cible.structureId);
  if (role === undefined) {
    return refuse("NON_RATTACHE", `l'utilisateur n'est pas rattaché à la structure ${cible.structureId}`);
  }
  const espaceRequis = regle.niveau === "CONSULTATION" || regle.niveau === "ECRITURE" ? regle.espaceRequis : false;
  if (espaceRequis) {
    const ouvert = (cible.espacesOuverts ?? []).includes("MEMOIRES_DE_FRAIS_DE_JUSTICE");
    if (!ouvert) {
      return refuse("ESPACE_NON_OUVERT", `l'espace « Mémoires de frais de justice » n'est pas ouvert sur la structure ${cible.structureId}`);
    }
  }
  if (role === "GESTIONNAIRE_PRINCIPAL") {
    return autorise(action, "GESTIONNAIRE_PRINCIPAL", `gestionnaire principal de la structure ${cible.structureId}`, { role });
  }
  if (role === "GESTIONNAIRE_SECONDAIRE") {
    return regle.niveau === "PRINCIPAL"
      ? refuse("ROLE_INSUFFISANT", "seul le gestionnaire principal peut changer le gestionnaire principal")
      : autorise(action, "GESTIONNAIRE_SECONDAIRE", `gestionnaire secondaire de la structure ${cible.structureId}`, { role });
  }
  // utilisateur simple
  switch (regle.niveau) {
    case "PRINCIPAL":
    case "GESTION":
      return refuse("ROLE_INSUFFISANT", "un utilisateur simple n'a aucun droit d'administration sur la structure");
    case "RATTACHEMENT":
      return autorise(action, "RATTACHEMENT", `rattaché à la structure ${cible.structureId}`, { role });
    case "CONSULTATION":
    case "ECRITURE": {
      const application = regle.application;
      const couvrantes = acteur.habilitations.filter(
        (h) => habilitationCouvre(h, cible.structureId, cible.serviceId) && (application === "TOUTE" || h.application === application),
      );
      const modification = couvrantes.find((h) => h.mode === "MODIFICATION");
      if (modification !== undefined) {
        return autorise(action, "HABILITATION_MODIFICATION", decrireHabilitation(modification), { habilitation: modification });
      }
      const consultation = couvrantes.find((h) => h.mode === "CONSULTATION");
      if (consultation === undefined) {
        return refuse("HABILITATION_ABSENTE", `aucune habilitation ${application === "TOUTE" ? "" : `${application} `}ne couvre la cible`);
      }
      return regle.niveau === "CONSULTATION"
        ? autorise(action, "HABILITATION_CONSULTATION", decrireHabilitation(consultation), { habilitation: consultation })
        : refuse("HABILITATION_CONSULTATION_SEULEMENT", `${decrireHabilitation(consultation)} : la consultation ne permet aucune écriture`);
    }
  }
};

const autoriserAgent = (
  acteur: ActeurAgent,
  action: Action,
  regle: RegleJuridiction,
  cible: Cible,
): Decision => {
  if (cible._tag === "Structure" || !regle.cibles.includes(cible._tag)) {
    return refuse("CIBLE_INCOMPATIBLE", `l'action s'applique à : ${regle.cibles.join(", ")}`);
  }
  const role = ROLES_AGENT.find((r) => regle.roles.includes(r) && acteur.roles.includes(r));
  if (role === undefined) {
    return refuse("ROLE_INSUFFISANT", `rôle requis : ${regle.roles.join(" ou ")}`);
  }
  if (cible._tag === "Global") {
    return acteur.perimetre.supportNational === true
      ? autorise(action, "ROLE_AGENT", `${role} (file nationale)`, { role, portee: "NATIONALE" })
      : refuse("HORS_PERIMETRE", "la file nationale du support est hors du périmètre de l'agent");
  }
  const juridiction: JuridictionRef = cible._tag === "Memoire" ? cible.juridiction : cible;
  if (acteur.perimetre.juridictions.includes(juridiction.code)) {
    return autorise(action, "ROLE_AGENT", `${role} de la juridiction ${juridiction.code}`, { role, portee: "JURIDICTION" });
  }
  if (acteur.perimetre.coursAppel.includes(juridiction.courAppel)) {
    return autorise(action, "ROLE_AGENT", `${role} dans le ressort de la cour d'appel ${juridiction.courAppel}`, { role, portee: "COUR_APPEL" });
  }
  return refuse("HORS_PERIMETRE", `la juridiction ${juridiction.code} (cour d'appel ${juridiction.courAppel}) est hors du périmètre de l'agent`);
};

/** The rules of {@link autoriser}, with the refusal as a plain value. */
const decider = (acteur: Acteur, action: Action, cible: Cible): Decision => {
  if (acteur._tag !== "Systeme" && acteur.actif === false) {
    return refuse("COMPTE_INACTIF", "le compte est désactivé");
  }
  const regle = REGLES[action];
  switch (acteur._tag) {
    case "Systeme":
      return regle.cote === "SYSTEME"
        ? autorise(action, "SYSTEME", "traitement automatique du système")
        : refuse("ACTEUR_INCOMPATIBLE", "le système ne fait que les traitements automatiques");
    case "Utilisateur":
      if (regle.cote !== "PRESTATAIRE") {
        return refuse("ACTEUR_INCOMPATIBLE", "un utilisateur prestataire n'accède jamais aux actions de la juridiction");
      }
      if (cible._tag !== "Structure" && cible._tag !== "Memoire") {
        return refuse("CIBLE_INCOMPATIBLE", "l'action porte sur une structure ou un mémoire");
      }
      return autoriserUtilisateur(acteur, action, regle, cible);
    case "Agent":
      if (regle.cote !== "JURIDICTION") {
        return refuse("ACTEUR_INCOMPATIBLE", "un agent n'accède jamais aux actions du prestataire");
      }
      return autoriserAgent(acteur, action, regle, cible);
  }
};

/**
 * The one authorization function: may `acteur` do `action` on `cible`? Pure and total: it reads
 * only its arguments (the caller loads rattachements, habilitations, roles and perimeter first).
 *
 * Right: {@link Autorise} naming what granted it (gestionnaire role, habilitation, agent role and
 * perimeter, system). Left: {@link NonAutorise} with the reason. Checks, in order: account active,
 * actor kind (a user never gets court-side actions, an agent never prestataire-side ones, system
 * actions are the system's), target kind, then rattachement → espace → role → habilitation for
 * users, role → perimeter for agents. The full matrix is in `docs/autorisation.md`.
 *
 * @example
 * autoriser(
 *   { _tag: "Utilisateur", id: "u1", rattachements: [{ structureId: "s1", role: "UTILISATEUR" }],
 *     habilitations: [{ structureId: "s1", application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION" }] },
 *   "memoire.modifier",
 *   { _tag: "Structure", structureId: "s1", espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"] },
 * ) // Left(NonAutorise { raison: "HABILITATION_CONSULTATION_SEULEMENT" })
 */
export const autoriser = (acteur: Acteur, action: Action, cible: Cible): Either.Either<Autorise, NonAutorise> =>
  Either.mapLeft(decider(acteur, action, cible), ({ raison, detail }) => new NonAutorise({ acteur: nomActeur(acteur), action, cible, raison, detail }));

/** Throwing twin of {@link autoriser}, for scripts and tests: returns the grant or throws the {@link NonAutorise}. */
export const unsafeAutoriser = (acteur: Acteur, action: Action, cible: Cible): Autorise =>
  Either.getOrThrowWith(autoriser(acteur, action, cible), (e) => e);

/** `true` when {@link autoriser} grants the action (for menus and guards that need only a boolean). */
export const estAutorise = (acteur: Acteur, action: Action, cible: Cible): boolean => Either.isRight(decider(acteur, action, cible));
