import { Data } from "effect";

/** The structure already has members: its gestionnaire principal was designated when it was created. */
export class StructureDejaFondee extends Data.TaggedError("StructureDejaFondee")<{ readonly structureId: string }> {
  override get message(): string {
    return `La structure ${this.structureId} a déjà un gestionnaire principal.`;
  }
}

/** No user is attached to this structure: it does not exist (yet) for the rattachement module. */
export class StructureSansGestionnaire extends Data.TaggedError("StructureSansGestionnaire")<{ readonly structureId: string }> {
  override get message(): string {
    return `La structure ${this.structureId} est inconnue : aucun gestionnaire ne peut traiter de demande de rattachement.`;
  }
}

/** The user is already attached to the structure. */
export class DejaRattache extends Data.TaggedError("DejaRattache")<{ readonly structureId: string; readonly utilisateurId: string }> {
  override get message(): string {
    return `L'utilisateur ${this.utilisateurId} est déjà rattaché à la structure ${this.structureId}.`;
  }
}

/** The user already has a pending request for the structure. */
export class DemandeDejaEnCours extends Data.TaggedError("DemandeDejaEnCours")<{
  readonly structureId: string;
  readonly utilisateurId: string;
  readonly demandeId: string;
}> {
  override get message(): string {
    return `L'utilisateur ${this.utilisateurId} a déjà une demande de rattachement en attente (${this.demandeId}) pour la structure ${this.structureId}.`;
  }
}

/** No pending request has this id (already processed, or never made). */
export class DemandeRattachementIntrouvable extends Data.TaggedError("DemandeRattachementIntrouvable")<{ readonly demandeId: string }> {
  override get message(): string {
    return `Aucune demande de rattachement en attente n'a l'identifiant ${this.demandeId}.`;
  }
}

/** The user the command is about is not attached to the structure. */
export class UtilisateurNonRattache extends Data.TaggedError("UtilisateurNonRattache")<{
  readonly structureId: string;
  readonly utilisateurId: string;
}> {
  override get message(): string {
    return `L'utilisateur ${this.utilisateurId} n'est pas rattaché à la structure ${this.structureId}.`;
  }
}

/** The gestionnaire principal role is only ever given by a transfer from the current principal (seed 004). */
export class RolePrincipalParTransfertSeulement extends Data.TaggedError("RolePrincipalParTransfertSeulement")<{
  readonly structureId: string;
  readonly utilisateurId: string;
}> {
  override get message(): string {
    return `Le rôle de gestionnaire principal de la structure ${this.structureId} ne peut être donné à ${this.utilisateurId} que par un transfert du gestionnaire principal.`;
  }
}

/** The gestionnaire principal can be neither demoted nor detached: they must first transfer the role. */
export class GestionnairePrincipalInamovible extends Data.TaggedError("GestionnairePrincipalInamovible")<{
  readonly structureId: string;
  readonly utilisateurId: string;
}> {
  override get message(): string {
    return `${this.utilisateurId} est le gestionnaire principal de la structure ${this.structureId} : il doit d'abord transférer ce rôle à un autre utilisateur rattaché.`;
  }
}

/** The role asked is the one the user already holds: refused rather than a silent no-op. */
export class RoleInchange extends Data.TaggedError("RoleInchange")<{
  readonly structureId: string;
  readonly utilisateurId: string;
  readonly role: string;
}> {
  override get message(): string {
    return `L'utilisateur ${this.utilisateurId} a déjà le rôle ${this.role} sur la structure ${this.structureId}.`;
  }
}
