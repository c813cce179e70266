import { Schema } from "effect";

/** A literal union whose decoding error lists the accepted values once (not one error per literal). */
const literaux = <const L extends readonly [string, ...Array<string>]>(...valeurs: L) =>
  Schema.Literal(...valeurs).annotations({
    message: () => ({ message: `valeur attendue parmi : ${valeurs.join(", ")}`, override: true }),
  });

// ---------------------------------------------------------------------------------------------
// Vocabulary shared by every module that asks "may this actor do this?". The identifiers are
// plain strings here on purpose: the owning modules may brand them, a brand is still a string.
// ---------------------------------------------------------------------------------------------

/** Roles of a user attached to a structure (seed 004: gestionnaire principal / secondaire / utilisateur simple). */
export const RoleStructure = literaux("GESTIONNAIRE_PRINCIPAL", "GESTIONNAIRE_SECONDAIRE", "UTILISATEUR");
export type RoleStructure = typeof RoleStructure.Type;
/** Every structure role, strongest first. */
export const ROLES_STRUCTURE: ReadonlyArray<RoleStructure> = RoleStructure.literals;

/** Roles of a court-side agent (CPP R224-1 to R230; support and administration of the system). */
export const RoleAgent = literaux(
  "GREFFIER",
  "MAGISTRAT_TAXATEUR",
  "ORDONNATEUR",
  "COMPTABLE",
  "SUPPORT",
  "ADMINISTRATEUR",
);
export type RoleAgent = typeof RoleAgent.Type;
/** Every agent role, in the order used to name the role that granted an action. */
export const ROLES_AGENT: ReadonlyArray<RoleAgent> = RoleAgent.literals;

/**
 * Applications of the portal a habilitation (profil) is given for (seed 001: "Frais de justice
 * consultation", "Engagements consultation", "Suivi des flux modification"...).
 */
export const Application = literaux(
  "FRAIS_DE_JUSTICE",
  "FACTURES_EMISES",
  "FACTURES_DE_TRAVAUX",
  "FACTURES_A_VALIDER",
  "SUIVI_DES_FLUX",
  "ENGAGEMENTS",
  "DEMANDE_REMBOURSEMENT_TIC",
);
export type Application = typeof Application.Type;
/** Every application. */
export const APPLICATIONS: ReadonlyArray<Application> = Application.literals;

/** Mode of a habilitation: CONSULTATION reads, MODIFICATION reads and writes (seed 001). */
export const ModeHabilitation = literaux("CONSULTATION", "MODIFICATION");
export type ModeHabilitation = typeof ModeHabilitation.Type;

/** Espaces open by default on every structure (seed 004); Activités du gestionnaire is for gestionnaires only. */
export const EspaceParDefaut = literaux("ACTIVITES_DU_GESTIONNAIRE", "MON_COMPTE", "SOLLICITATIONS_EMISES");
export type EspaceParDefaut = typeof EspaceParDefaut.Type;

/** Espaces a gestionnaire must open on the structure before anyone can use them (seed 004). */
export const EspaceOuvrable = literaux(
  "FACTURES_EMISES",
  "FACTURES_DE_TRAVAUX",
  "FACTURES_A_VALIDER",
  "SUIVI_DES_FLUX",
  "MEMOIRES_DE_FRAIS_DE_JUSTICE",
  "ENGAGEMENTS",
  "DEMANDE_REMBOURSEMENT_TIC",
);
export type EspaceOuvrable = typeof EspaceOuvrable.Type;
/** Every espace that can be opened on a structure. */
export const ESPACES_OUVRABLES: ReadonlyArray<EspaceOuvrable> = EspaceOuvrable.literals;

/** The application whose habilitations give access to an espace that can be opened. */
export const APPLICATION_DE_L_ESPACE: { readonly [E in EspaceOuvrable]: Application } = {
  FACTURES_EMISES: "FACTURES_EMISES",
  FACTURES_DE_TRAVAUX: "FACTURES_DE_TRAVAUX",
  FACTURES_A_VALIDER: "FACTURES_A_VALIDER",
  SUIVI_DES_FLUX: "SUIVI_DES_FLUX",
  MEMOIRES_DE_FRAIS_DE_JUSTICE: "FRAIS_DE_JUSTICE",
  ENGAGEMENTS: "ENGAGEMENTS",
  DEMANDE_REMBOURSEMENT_TIC: "DEMANDE_REMBOURSEMENT_TIC",
};

/** The espace in which an application is used (inverse of {@link APPLICATION_DE_L_ESPACE}). */
export const ESPACE_DE_L_APPLICATION: { readonly [A in Application]: EspaceOuvrable } = {
  FRAIS_DE_JUSTICE: "MEMOIRES_DE_FRAIS_DE_JUSTICE",
  FACTURES_EMISES: "FACTURES_EMISES",
  FACTURES_DE_TRAVAUX: "FACTURES_DE_TRAVAUX",
  FACTURES_A_VALIDER: "FACTURES_A_VALIDER",
  SUIVI_DES_FLUX: "SUIVI_DES_FLUX",
  ENGAGEMENTS: "ENGAGEMENTS",
  DEMANDE_REMBOURSEMENT_TIC: "DEMANDE_REMBOURSEMENT_TIC",
};

/**
 * What a habilitation grants, as `autoriser` reads it: an application on a structure (all its
 * services) or on one service only, in a mode.
 */
export interface Habilitation {
  readonly structureId: string;
  /** Absent: the whole structure, every service. Present: that service only. */
  readonly serviceId?: string;
  readonly application: Application;
  readonly mode: ModeHabilitation;
}

/** One attachment of a user to a structure (optionally to one of its services), with the role held there. */
export interface RattachementActeur {
  readonly structureId: string;
  /** The service the user works in; it does not narrow a gestionnaire's rights (roles are per structure). */
  readonly serviceId?: string;
  readonly role: RoleStructure;
}

/** Where a court-side agent may act: juridictions listed one by one, or every juridiction of a cour d'appel. */
export interface Perimetre {
  /** Codes of juridictions. */
  readonly juridictions: ReadonlyArray<string>;
  /** Codes of cours d'appel: every juridiction of their ressort (and the cour itself). */
  readonly coursAppel: ReadonlyArray<string>;
  /**
   * `true` when the perimeter includes the national support queue (`Cible.Global` of
   * `ticket.traiter`). Absent: it does not — a support agent of a juridiction handles its service
   * métier queue only.
   */
  readonly supportNational?: boolean;
}

/** A user of the prestataire side, with the rattachements and habilitations the caller loaded. */
export interface ActeurUtilisateur {
  readonly _tag: "Utilisateur";
  readonly id: string;
  readonly rattachements: ReadonlyArray<RattachementActeur>;
  readonly habilitations: ReadonlyArray<Habilitation>;
  /** `false` for a deactivated or locked account: every action is refused (`COMPTE_INACTIF`). Absent: active. */
  readonly actif?: boolean;
}

/** A court-side agent with their roles and perimeter. */
export interface ActeurAgent {
  readonly _tag: "Agent";
  readonly id: string;
  readonly roles: ReadonlyArray<RoleAgent>;
  readonly perimetre: Perimetre;
  /** `false` for a deactivated agent: every action is refused (`COMPTE_INACTIF`). Absent: active. */
  readonly actif?: boolean;
}

/** The system itself: transmission of sent mémoires to the juridiction, scheduled closures. */
export interface ActeurSysteme {
  readonly _tag: "Systeme";
}

/** Who acts. The caller loads the data first; `autoriser` never looks anything up. */
export type Acteur = ActeurUtilisateur | ActeurAgent | ActeurSysteme;

/** Reference to a juridiction as a target: its code and the code of its cour d'appel. */
export interface JuridictionRef {
  readonly code: string;
  readonly courAppel: string;
}

/** A structure (optionally one of its services), or a list / creation inside it. */
export interface CibleStructure {
  readonly _tag: "Structure";
  readonly structureId: string;
  readonly serviceId?: string;
  /**
   * Espaces opened on the structure. Only read for `memoire.*` actions, which need
   * `MEMOIRES_DE_FRAIS_DE_JUSTICE`; absent means none is open (refused with `ESPACE_NON_OUVERT`).
   */
  readonly espacesOuverts?: ReadonlyArray<EspaceOuvrable>;
}

/** A mémoire: the prestataire side is checked on its structure/service, the court side on its juridiction. */
export interface CibleMemoire {
  readonly _tag: "Memoire";
  readonly structureId: string;
  readonly serviceId?: string;
  readonly juridiction: JuridictionRef;
  /** As for {@link CibleStructure}: read for the prestataire-side `memoire.*` actions only. */
  readonly espacesOuverts?: ReadonlyArray<EspaceOuvrable>;
}

/** A juridiction (its mémoires as a whole, its administration, its agents, its tickets). */
export interface CibleJuridiction extends JuridictionRef {
  readonly _tag: "Juridiction";
}

/** Nothing in particular: the national support queue, system-wide jobs. */
export interface CibleGlobale {
  readonly _tag: "Global";
}

/** What the action is done on. */
export type Cible = CibleStructure | CibleMemoire | CibleJuridiction | CibleGlobale;

/** Every action the system authorizes, dot-namespaced by the thing acted upon. */
export const ACTIONS = [
  // prestataire side — structure administration
  "structure.consulter",
  "structure.modifier",
  "structure.gerer-services",
  "structure.ouvrir-espace",
  "coordonnees-bancaires.consulter",
  "coordonnees-bancaires.gerer",
  "mandat.consulter",
  "mandat.gerer",
  "rattachement.traiter",
  "rattachement.modifier-role",
  "rattachement.transferer-principal",
  "rattachement.detacher",
  "abonnement.demander",
  "abonnement.traiter",
  "habilitation.gerer",
  // prestataire side — support tickets
  "ticket.emettre",
  // prestataire side — mémoires
  "memoire.consulter",
  "memoire.modifier",
  // court side
  "memoire.consulter-juridiction",
  "memoire.prendre-en-charge",
  "memoire.certifier",
  "memoire.envoyer-en-taxation",
  "memoire.refuser",
  "memoire.taxer",
  "memoire.constater-forclusion",
  "memoire.constater-notification-taxe",
  "memoire.constater-recours-taxe",
  "memoire.constater-decision-recours",
  "memoire.valider-paiement",
  "memoire.mettre-en-paiement",
  // system
  "memoire.transmettre",
  "ticket.cloturer-automatiquement",
  // administration
  "juridiction.administrer",
  "agent.administrer",
  // support
  "ticket.traiter",
  "reponse-type.administrer",
] as const;

/** An action name (see {@link ACTIONS}). */
export type Action = (typeof ACTIONS)[number];
/** Schema of an action name, to decode it from input. */
export const ActionSchema = literaux(...ACTIONS);

/** Why an action was allowed. */
export type MotifAutorisation =
  | "GESTIONNAIRE_PRINCIPAL"
  | "GESTIONNAIRE_SECONDAIRE"
  | "HABILITATION_MODIFICATION"
  | "HABILITATION_CONSULTATION"
  | "RATTACHEMENT"
  | "ROLE_AGENT"
  | "SYSTEME";

/** Why an action was refused. */
export type RaisonRefus =
  | "COMPTE_INACTIF"
  | "ACTEUR_INCOMPATIBLE"
  | "CIBLE_INCOMPATIBLE"
  | "NON_RATTACHE"
  | "ESPACE_NON_OUVERT"
  | "ROLE_INSUFFISANT"
  | "HABILITATION_ABSENTE"
  | "HABILITATION_CONSULTATION_SEULEMENT"
  | "HORS_PERIMETRE";

/** Where an agent's perimeter reached the juridiction (or the national queue, for the support). */
export type Portee = "JURIDICTION" | "COUR_APPEL" | "NATIONALE";

/** A granted action and what granted it. */
export interface Autorise {
  readonly _tag: "Autorise";
  readonly action: Action;
  readonly motif: MotifAutorisation;
  /** The structure role (gestionnaire motifs) or agent role (`ROLE_AGENT`) that granted it. */
  readonly role?: RoleStructure | RoleAgent;
  /** The habilitation that granted it (habilitation motifs). */
  readonly habilitation?: Habilitation;
  /** For `ROLE_AGENT`: how the perimeter reached the target. */
  readonly portee?: Portee;
  /** Human-readable explanation, for the audit trail. */
  readonly detail: string;
}
