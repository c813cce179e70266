import { Data } from "effect";

/** No coordonnée bancaire with this id in the structure. */
export class CoordonneeBancaireIntrouvable extends Data.TaggedError("CoordonneeBancaireIntrouvable")<{
  readonly structureId: string;
  readonly coordonneeBancaireId: string;
}> {
  override get message(): string {
    return `La structure ${this.structureId} n'a pas de coordonnée bancaire ${this.coordonneeBancaireId}.`;
  }
}

/** Deactivating a deactivated coordonnée or reactivating an active one: refused rather than a silent no-op. */
export class CoordonneeBancaireDejaDansCetEtat extends Data.TaggedError("CoordonneeBancaireDejaDansCetEtat")<{
  readonly coordonneeBancaireId: string;
  readonly active: boolean;
}> {
  override get message(): string {
    return `La coordonnée bancaire ${this.coordonneeBancaireId} est déjà ${this.active ? "active" : "désactivée"}.`;
  }
}

/** The same account (same IBAN, a RIB compared through its IBAN) is already active on the structure. */
export class CompteDejaEnregistre extends Data.TaggedError("CompteDejaEnregistre")<{
  readonly structureId: string;
  /** The active coordonnée holding the same account. */
  readonly coordonneeBancaireId: string;
}> {
  override get message(): string {
    return `Ce compte est déjà enregistré et actif sur la structure ${this.structureId} (coordonnée bancaire ${this.coordonneeBancaireId}).`;
  }
}
