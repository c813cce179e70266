import { Data } from "effect";

/** A juridiction with this code already exists. */
export class JuridictionDejaExistante extends Data.TaggedError("JuridictionDejaExistante")<{ readonly code: string }> {
  override get message(): string {
    return `Une juridiction de code ${this.code} existe déjà.`;
  }
}

/** No juridiction has this code. */
export class JuridictionIntrouvable extends Data.TaggedError("JuridictionIntrouvable")<{ readonly code: string }> {
  override get message(): string {
    return `Aucune juridiction n'a le code ${this.code}.`;
  }
}

/** The code given as cour d'appel is not a known cour d'appel. */
export class CourAppelInconnue extends Data.TaggedError("CourAppelInconnue")<{ readonly code: string }> {
  override get message(): string {
    return `${this.code} n'est pas une cour d'appel connue : créez d'abord la cour d'appel.`;
  }
}

/** An agent already signs in with this e-mail. */
export class AgentDejaExistant extends Data.TaggedError("AgentDejaExistant")<{ readonly email: string }> {
  override get message(): string {
    return `Un agent utilise déjà l'adresse ${this.email}.`;
  }
}

/** No agent has this id. */
export class AgentIntrouvable extends Data.TaggedError("AgentIntrouvable")<{ readonly agentId: string }> {
  override get message(): string {
    return `Aucun agent n'a l'identifiant ${this.agentId}.`;
  }
}

/** Deactivating an inactive agent, reactivating an active one, or setting the same roles/perimeter: refused rather than a silent no-op. */
export class AgentInchange extends Data.TaggedError("AgentInchange")<{ readonly agentId: string; readonly detail: string }> {
  override get message(): string {
    return `L'agent ${this.agentId} est inchangé : ${this.detail}.`;
  }
}
