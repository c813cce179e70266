import { Data } from "effect";
import type { Action, Cible, RaisonRefus } from "./autorisation.model.js";

/** Renders a target the way the audit trail shows it: `Structure S1 / service SV2`, `Juridiction 75 (CA 75)`. */
export const decrireCible = (cible: Cible): string => {
  switch (cible._tag) {
    case "Structure":
      return `structure ${cible.structureId}${cible.serviceId === undefined ? "" : ` / service ${cible.serviceId}`}`;
    case "Memoire":
      return `mémoire de la structure ${cible.structureId}${cible.serviceId === undefined ? "" : ` / service ${cible.serviceId}`} adressé à la juridiction ${cible.juridiction.code} (cour d'appel ${cible.juridiction.courAppel})`;
    case "Juridiction":
      return `juridiction ${cible.code} (cour d'appel ${cible.courAppel})`;
    case "Global":
      return "périmètre national";
  }
};

/**
 * The actor may not do this action on this target. Carries the action, the target, the reason
 * (`NON_RATTACHE`, `HABILITATION_ABSENTE`, `HORS_PERIMETRE`...) and a detail; adapters map it to a 403.
 */
export class NonAutorise extends Data.TaggedError("NonAutorise")<{
  /** Who was refused: `Utilisateur u-1`, `Agent a-3`, `Systeme`. */
  readonly acteur: string;
  readonly action: Action;
  readonly cible: Cible;
  readonly raison: RaisonRefus;
  /** Plain-words explanation. */
  readonly detail: string;
}> {
  override get message(): string {
    return `${this.acteur} n'est pas autorisé à « ${this.action} » sur ${decrireCible(this.cible)} : ${this.raison} (${this.detail})`;
  }
}
