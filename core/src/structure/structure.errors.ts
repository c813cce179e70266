import { Data } from "effect";
import type { TypeIdentifiantStructure } from "./structure.identifiant.js";

/**
 * The structure's stored identifier does not follow the rule of its type (legacy data): seed 002,
 * "la structure ne pourra pas être modifiée"; a new structure must be created with a conforming identifier.
 */
export class IdentifiantStructureNonConforme extends Data.TaggedError("IdentifiantStructureNonConforme")<{
  readonly structureId: string;
  readonly type: TypeIdentifiantStructure;
  readonly valeur: string;
  readonly raison: string;
}> {
  override get message(): string {
    return `L'identifiant ${this.type} « ${this.valeur} » de la structure ${this.structureId} n'est pas au bon format (${this.raison}) : la structure ne peut pas être modifiée ; créez une nouvelle structure avec un identifiant conforme.`;
  }
}

/** A service with this code already exists in the structure (codes are unique per structure, compared without case). */
export class ServiceDejaExistant extends Data.TaggedError("ServiceDejaExistant")<{
  readonly structureId: string;
  readonly code: string;
}> {
  override get message(): string {
    return `La structure ${this.structureId} a déjà un service de code « ${this.code} ».`;
  }
}

/** No service with this code in the structure. */
export class ServiceIntrouvable extends Data.TaggedError("ServiceIntrouvable")<{
  readonly structureId: string;
  readonly code: string;
}> {
  override get message(): string {
    return `La structure ${this.structureId} n'a pas de service de code « ${this.code} ».`;
  }
}

/** Activating an active service or deactivating an inactive one: refused rather than a silent no-op. */
export class ServiceDejaDansCetEtat extends Data.TaggedError("ServiceDejaDansCetEtat")<{
  readonly structureId: string;
  readonly code: string;
  readonly actif: boolean;
}> {
  override get message(): string {
    return `Le service « ${this.code} » de la structure ${this.structureId} est déjà ${this.actif ? "actif" : "inactif"}.`;
  }
}
