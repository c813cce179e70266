import { Data } from "effect";

/** No version of the catégories tree applies at that date (the first one starts later). */
export class ReferentielIntrouvable extends Data.TaggedError("ReferentielIntrouvable")<{
  /** The ISO date asked for. */
  readonly date: string;
}> {
  override get message(): string {
    return `aucune version du référentiel des catégories ne s'applique au ${this.date}`;
  }
}

/** The catégorie / sous-catégorie pair is not in the version of the tree applied. */
export class CategorieInconnue extends Data.TaggedError("CategorieInconnue")<{
  readonly version: string;
  readonly categorie: string;
  readonly sousCategorie: string;
}> {
  override get message(): string {
    return `catégorie « ${this.categorie} » / sous-catégorie « ${this.sousCategorie} » inconnue dans le référentiel ${this.version}`;
  }
}
