import { Data } from "effect";

/**
 * One unmet prerequisite for issuing mémoires (seed 002, "Vérifier les prérequis"), numbered as the
 * seed numbers them, with a French libellé for the user interface.
 */
export type PrerequisManquant = Data.TaggedEnum<{
  /** 01 — no active coordonnée bancaire passing every check. */
  CoordonneesBancairesManquantes: { readonly numero: "01"; readonly libelle: string };
  /** 02 — no signed mandat de facturation; `mandatEnAttenteId` when one waits for its signature. */
  MandatNonSigne: { readonly numero: "02"; readonly libelle: string; readonly mandatEnAttenteId?: string };
  /** 03 — personne physique only: the structure's identifier does not follow the PARTICULIER rule. */
  IdentifiantNonConforme: { readonly numero: "03"; readonly libelle: string; readonly raison: string };
  /** 04 — personne physique only: régime COSP or INDEPENDANT not recorded. */
  RegimeNonRenseigne: { readonly numero: "04"; readonly libelle: string };
}>;
/** Constructors and matchers of {@link PrerequisManquant}. */
export const PrerequisManquant = Data.taggedEnum<PrerequisManquant>();

/** Refusal of the mémoire send guard: the prerequisites still missing, every one listed. */
export class PrerequisNonRemplis extends Data.TaggedError("PrerequisNonRemplis")<{
  readonly structureId: string;
  readonly manquants: ReadonlyArray<PrerequisManquant>;
}> {
  override get message(): string {
    return `La structure ${this.structureId} ne peut pas encore émettre de mémoire : ${this.manquants.map((m) => `${m.numero} ${m.libelle}`).join(" ; ")}`;
  }
}
