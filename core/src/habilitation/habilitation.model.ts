import { Data } from "effect";
import type { Application, EspaceOuvrable, EspaceParDefaut, ModeHabilitation } from "../autorisation/index.js";

/** A habilitation given to a user: an application on a structure (or one service), in a mode (seed 001). */
export interface HabilitationAttribuee {
  readonly id: string;
  readonly utilisateurId: string;
  readonly structureId: string;
  /** Absent: every service of the structure. */
  readonly serviceId?: string;
  readonly application: Application;
  readonly mode: ModeHabilitation;
  /** When it was given (or its mode last changed). */
  readonly depuis: Date;
  /** The gestionnaire who gave it. */
  readonly parId: string;
}

/** A simple user's request to subscribe to an espace opened on the structure (seed 004), awaiting a gestionnaire. */
export interface DemandeAbonnement {
  readonly id: string;
  readonly utilisateurId: string;
  readonly structureId: string;
  readonly serviceId?: string;
  readonly espace: EspaceOuvrable;
  readonly mode: ModeHabilitation;
  readonly deposeeLe: Date;
}

/**
 * Every habilitation and pending subscription request. Invariant: at most one habilitation per
 * (user, structure, service, application); a new mode replaces the old one.
 */
export interface EtatHabilitations {
  readonly habilitations: ReadonlyArray<HabilitationAttribuee>;
  readonly abonnements: ReadonlyArray<DemandeAbonnement>;
}

/** No habilitation, no request. */
export const etatHabilitationsVide: EtatHabilitations = { habilitations: [], abonnements: [] };

/** The espaces every attached user sees without asking (Activités du gestionnaire: gestionnaires only) — seed 004. */
export const ESPACES_PAR_DEFAUT: ReadonlyArray<EspaceParDefaut> = ["ACTIVITES_DU_GESTIONNAIRE", "MON_COMPTE", "SOLLICITATIONS_EMISES"];

/** Name of each application as the portal writes profiles ("Frais de justice modification"). */
export const LIBELLE_APPLICATION: { readonly [A in Application]: string } = {
  FRAIS_DE_JUSTICE: "Frais de justice",
  FACTURES_EMISES: "Factures émises",
  FACTURES_DE_TRAVAUX: "Factures de travaux",
  FACTURES_A_VALIDER: "Factures à valider",
  SUIVI_DES_FLUX: "Suivi des flux",
  ENGAGEMENTS: "Engagements",
  DEMANDE_REMBOURSEMENT_TIC: "Demande de remboursement TIC",
};

/** Name of each espace as the portal shows it (seed 004). */
export const LIBELLE_ESPACE: { readonly [E in EspaceOuvrable | EspaceParDefaut]: string } = {
  ACTIVITES_DU_GESTIONNAIRE: "Activités du gestionnaire",
  MON_COMPTE: "Mon compte",
  SOLLICITATIONS_EMISES: "Sollicitations émises",
  FACTURES_EMISES: "Factures émises",
  FACTURES_DE_TRAVAUX: "Factures de travaux",
  FACTURES_A_VALIDER: "Factures à valider",
  SUIVI_DES_FLUX: "Suivi des flux",
  MEMOIRES_DE_FRAIS_DE_JUSTICE: "Mémoires de frais de justice",
  ENGAGEMENTS: "Engagements",
  DEMANDE_REMBOURSEMENT_TIC: "Demande de remboursement TIC",
};

/** The profile label of a habilitation: "Frais de justice consultation", "Frais de justice modification". */
export const libelleProfil = (application: Application, mode: ModeHabilitation): string =>
  `${LIBELLE_APPLICATION[application]} ${mode === "CONSULTATION" ? "consultation" : "modification"}`;

/** One row of "Mes habilitations" (seed 001): structure, service, profile, mode, date. */
export interface LigneHabilitation {
  readonly structureId: string;
  /** From the caller's directory; the id itself when unknown. */
  readonly raisonSociale: string;
  readonly codeService: string | undefined;
  readonly libelleService: string | undefined;
  /** "Frais de justice modification". */
  readonly profil: string;
  readonly application: Application;
  readonly mode: ModeHabilitation;
  readonly depuis: Date;
}

/** Events of the habilitation module: the audit trail of access rights. */
export type EvenementHabilitation = Data.TaggedEnum<{
  HabilitationAttribuee: {
    readonly habilitationId: string;
    readonly utilisateurId: string;
    readonly structureId: string;
    readonly serviceId: string | undefined;
    readonly application: Application;
    readonly mode: ModeHabilitation;
    /** The mode it replaces, if the user already had this application there. */
    readonly ancienMode: ModeHabilitation | undefined;
    readonly parId: string;
    readonly date: Date;
  };
  HabilitationRevoquee: {
    readonly habilitationId: string;
    readonly utilisateurId: string;
    readonly structureId: string;
    readonly application: Application;
    readonly mode: ModeHabilitation;
    /** The gestionnaire, or `undefined` when the user left the structure. */
    readonly parId: string | undefined;
    readonly date: Date;
  };
  AbonnementDemande: {
    readonly demandeId: string;
    readonly utilisateurId: string;
    readonly structureId: string;
    readonly serviceId: string | undefined;
    readonly espace: EspaceOuvrable;
    readonly mode: ModeHabilitation;
    readonly date: Date;
  };
  AbonnementValide: { readonly demandeId: string; readonly utilisateurId: string; readonly structureId: string; readonly parId: string; readonly date: Date };
  AbonnementRefuse: {
    readonly demandeId: string;
    readonly utilisateurId: string;
    readonly structureId: string;
    readonly motif: string | undefined;
    readonly parId: string;
    readonly date: Date;
  };
  EspaceOuvert: { readonly structureId: string; readonly espace: EspaceOuvrable; readonly parId: string; readonly date: Date };
}>;
/** Constructors and matchers of {@link EvenementHabilitation}. */
export const EvenementHabilitation = Data.taggedEnum<EvenementHabilitation>();

/** What a successful habilitation command returns. */
export interface ResultatHabilitation {
  readonly state: EtatHabilitations;
  readonly events: ReadonlyArray<EvenementHabilitation>;
}
