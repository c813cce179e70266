import { Data } from "effect";
import type { StatutMandat } from "./mandat.model.js";

/** A mandat is already pending or signed on the structure: at most one at a time — revoke it first. */
export class MandatDejaEnCours extends Data.TaggedError("MandatDejaEnCours")<{
  readonly structureId: string;
  readonly mandatId: string;
  readonly statut: StatutMandat;
}> {
  override get message(): string {
    return `La structure ${this.structureId} a déjà un mandat de facturation ${this.statut === "SIGNE" ? "signé" : "en attente de signature"} (${this.mandatId}) : révoquez-le avant d'en souscrire un autre.`;
  }
}

/** No mandat with this id on the structure. */
export class MandatIntrouvable extends Data.TaggedError("MandatIntrouvable")<{
  readonly structureId: string;
  readonly mandatId: string;
}> {
  override get message(): string {
    return `La structure ${this.structureId} n'a pas de mandat ${this.mandatId}.`;
  }
}

/**
 * The machine refused the event: impossible from this state, or a guard failed (named:
 * `jetonSignatureConforme`, `lienSignatureNonExpire`).
 */
export class TransitionMandatRefusee extends Data.TaggedError("TransitionMandatRefusee")<{
  readonly mandatId: string;
  readonly statut: StatutMandat;
  readonly evenement: string;
  /** The failed guard, when the event is possible from this state. */
  readonly garde?: string;
}> {
  override get message(): string {
    return this.garde === undefined
      ? `Le mandat ${this.mandatId} est ${this.statut} : « ${this.evenement} » est impossible dans cet état.`
      : `Le mandat ${this.mandatId} : « ${this.evenement} » refusé, condition « ${this.garde} » non remplie.`;
  }
}
