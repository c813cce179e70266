import { Data, Schema } from "effect";
import type { RoleStructure } from "../autorisation/index.js";

/** A non-empty identifier (user, structure, service, demande). */
export const Identifiant = Schema.Trim.pipe(
  Schema.nonEmptyString({ message: () => "identifiant obligatoire" }),
  Schema.maxLength(100, { message: () => "identifiant trop long (100 caractères au plus)" }),
);

/** A user attached to a structure (seed 004), optionally working in one of its services, with a role. */
export interface Rattachement {
  readonly structureId: string;
  readonly utilisateurId: string;
  /** The service the user is attached to; roles stay per structure. */
  readonly serviceId?: string;
  readonly role: RoleStructure;
  /** When the user got this role. */
  readonly depuis: Date;
}

/** A pending request of a user to be attached to a structure (optionally a service), awaiting a gestionnaire. */
export interface DemandeRattachement {
  readonly id: string;
  readonly structureId: string;
  readonly utilisateurId: string;
  readonly serviceId?: string;
  readonly deposeeLe: Date;
}

/**
 * The rattachements of every structure and the pending requests. Invariant: every structure that
 * appears has exactly one gestionnaire principal; a user has at most one rattachement per structure.
 */
export interface EtatRattachements {
  readonly rattachements: ReadonlyArray<Rattachement>;
  readonly demandes: ReadonlyArray<DemandeRattachement>;
}

/** No structure, no request. */
export const etatRattachementsVide: EtatRattachements = { rattachements: [], demandes: [] };

/** Events of the rattachement module: the audit trail of who joined, left or changed role. */
export type EvenementRattachement = Data.TaggedEnum<{
  /** The creator of a structure became its gestionnaire principal. */
  GestionnairePrincipalInitial: { readonly structureId: string; readonly utilisateurId: string; readonly date: Date };
  RattachementDemande: {
    readonly demandeId: string;
    readonly structureId: string;
    readonly utilisateurId: string;
    readonly serviceId: string | undefined;
    readonly date: Date;
  };
  RattachementAccepte: {
    readonly demandeId: string;
    readonly structureId: string;
    readonly utilisateurId: string;
    readonly serviceId: string | undefined;
    readonly role: RoleStructure;
    readonly parId: string;
    readonly date: Date;
  };
  RattachementRefuse: {
    readonly demandeId: string;
    readonly structureId: string;
    readonly utilisateurId: string;
    readonly motif: string | undefined;
    readonly parId: string;
    readonly date: Date;
  };
  RoleModifie: {
    readonly structureId: string;
    readonly utilisateurId: string;
    readonly ancienRole: RoleStructure;
    readonly nouveauRole: RoleStructure;
    readonly parId: string;
    readonly date: Date;
  };
  /** The principal handed the role over; the former principal is now gestionnaire secondaire. */
  GestionnairePrincipalTransfere: {
    readonly structureId: string;
    readonly ancienPrincipalId: string;
    readonly nouveauPrincipalId: string;
    readonly date: Date;
  };
  UtilisateurDetache: {
    readonly structureId: string;
    readonly utilisateurId: string;
    readonly ancienRole: RoleStructure;
    readonly parId: string;
    readonly date: Date;
  };
}>;
/** Constructors and matchers of {@link EvenementRattachement}. */
export const EvenementRattachement = Data.taggedEnum<EvenementRattachement>();

/** What a successful rattachement command returns. */
export interface ResultatRattachement {
  readonly state: EtatRattachements;
  readonly events: ReadonlyArray<EvenementRattachement>;
}
