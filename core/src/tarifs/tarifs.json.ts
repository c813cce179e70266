import { formaterMontant2, formaterTaux } from "./tarifs.decimal.js";
import { type CalculTarif, type CodeCalcul, type CodeMajoration } from "./tarifs.model.js";

/** Plain-JSON rendering of a majoration: amounts as strings with two decimals. */
export interface MajorationJson {
  readonly code: CodeMajoration;
  readonly taux: string;
  readonly libelle: string;
  readonly montant: string;
}

/** Plain-JSON rendering of one line of the breakdown. */
export type LigneDetailJson =
  | {
      readonly rang: number;
      readonly debut: string;
      readonly fin: string;
      readonly base: string;
      readonly majorations: ReadonlyArray<MajorationJson>;
      readonly montant: string;
    }
  | { readonly mots: number; readonly pages: number; readonly tarifPage: string; readonly montant: string };

/** Plain-JSON rendering of a {@link CalculTarif}. */
export interface CalculTarifJson {
  readonly typePrestation: CodeCalcul;
  readonly montantHt: string;
  readonly version: { readonly applicableDepuis: string; readonly source: string };
  readonly detail: ReadonlyArray<LigneDetailJson>;
}

/** Renders a computation as plain JSON (amounts `"139.50"`, rates `"40"`, dates ISO). */
export const calculTarifEnJson = (calcul: CalculTarif): CalculTarifJson => ({
  typePrestation: calcul.typePrestation,
  montantHt: formaterMontant2(calcul.montantHt),
  version: { applicableDepuis: calcul.version.applicableDepuis.toString(), source: calcul.version.source },
  detail: calcul.detail.map((ligne): LigneDetailJson => {
    switch (ligne._tag) {
      case "HeureDePresence":
        return {
          rang: ligne.rang,
          debut: ligne.debut,
          fin: ligne.fin,
          base: formaterMontant2(ligne.base),
          majorations: ligne.majorations.map((m) => ({
            code: m.code,
            taux: formaterTaux(m.taux),
            libelle: m.libelle,
            montant: formaterMontant2(m.montant),
          })),
          montant: formaterMontant2(ligne.montant),
        };
      case "PagesTraduites":
        return { mots: ligne.mots, pages: ligne.pages, tarifPage: formaterMontant2(ligne.tarifPage), montant: formaterMontant2(ligne.montant) };
    }
  }),
});
