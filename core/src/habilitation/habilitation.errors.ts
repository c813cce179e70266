import { Data } from "effect";

/** The user already holds this application there, in this very mode: refused rather than a silent no-op. */
export class HabilitationDejaAttribuee extends Data.TaggedError("HabilitationDejaAttribuee")<{
  readonly utilisateurId: string;
  readonly structureId: string;
  readonly serviceId: string | undefined;
  readonly profil: string;
}> {
  override get message(): string {
    return `L'utilisateur ${this.utilisateurId} a déjà le profil « ${this.profil} » sur la structure ${this.structureId}${this.serviceId === undefined ? "" : ` (service ${this.serviceId})`}.`;
  }
}

/** No habilitation has this id. */
export class HabilitationIntrouvable extends Data.TaggedError("HabilitationIntrouvable")<{ readonly habilitationId: string }> {
  override get message(): string {
    return `Aucune habilitation n'a l'identifiant ${this.habilitationId}.`;
  }
}

/** Habilitations are only given to users attached to the structure. */
export class BeneficiaireNonRattache extends Data.TaggedError("BeneficiaireNonRattache")<{
  readonly utilisateurId: string;
  readonly structureId: string;
}> {
  override get message(): string {
    return `L'utilisateur ${this.utilisateurId} n'est pas rattaché à la structure ${this.structureId} : rattachez-le d'abord.`;
  }
}

/** The espace is not open on the structure: a gestionnaire must open it first (seed 004). */
export class EspaceNonOuvert extends Data.TaggedError("EspaceNonOuvert")<{ readonly structureId: string; readonly espace: string }> {
  override get message(): string {
    return `L'espace ${this.espace} n'est pas ouvert sur la structure ${this.structureId} : un gestionnaire doit d'abord l'ouvrir.`;
  }
}

/** The espace is already open on the structure. */
export class EspaceDejaOuvert extends Data.TaggedError("EspaceDejaOuvert")<{ readonly structureId: string; readonly espace: string }> {
  override get message(): string {
    return `L'espace ${this.espace} est déjà ouvert sur la structure ${this.structureId}.`;
  }
}

/** The user already has a pending subscription request for this espace. */
export class AbonnementDejaDemande extends Data.TaggedError("AbonnementDejaDemande")<{
  readonly utilisateurId: string;
  readonly structureId: string;
  readonly espace: string;
  readonly demandeId: string;
}> {
  override get message(): string {
    return `L'utilisateur ${this.utilisateurId} a déjà demandé l'abonnement à l'espace ${this.espace} de la structure ${this.structureId} (demande ${this.demandeId}).`;
  }
}

/** No pending subscription request has this id. */
export class DemandeAbonnementIntrouvable extends Data.TaggedError("DemandeAbonnementIntrouvable")<{ readonly demandeId: string }> {
  override get message(): string {
    return `Aucune demande d'abonnement en attente n'a l'identifiant ${this.demandeId}.`;
  }
}
