import { ParseResult } from "effect";
import { SaisieInvalide, formaterChemin, type ErreurDeChamp } from "../shared/index.js";
import { formaterMontant } from "./montants.decimal.js";
import type { BigDecimal } from "effect";

/**
 * Reasons (in French, the users' language) for the refusals of the amount engine. Every refusal is a
 * {@link SaisieInvalide} naming each offending field; these helpers only word the reasons.
 */
export const raisons = {
  remiseSuperieure: (remise: BigDecimal.BigDecimal, plafond: BigDecimal.BigDecimal): string =>
    `la remise (${formaterMontant(remise)}) dépasse le montant HT de la prestation augmenté des frais divers (${formaterMontant(plafond)}) : le montant HT de la ligne serait négatif`,
  tauxNonNulSansTaxe: (typeTva: string): string => `avec le type de TVA ${typeTva}, le taux de TVA doit être 0`,
  remiseGlobaleSuperieure: (remise: BigDecimal.BigDecimal, plafond: BigDecimal.BigDecimal): string =>
    `la remise globale TTC (${formaterMontant(remise)}) dépasse le montant TTC avant remise globale (${formaterMontant(plafond)})`,
  aucuneLigne: "au moins une ligne de prestation est requise",
  tropDeDecimales: (max: number): string => `au plus ${max} décimale${max > 1 ? "s" : ""}`,
  negatif: "doit être positif ou nul",
  nonPositif: "doit être strictement positif",
} as const;

const reformuler = (issue: ParseResult.ArrayFormatterIssue): string => {
  switch (issue._tag) {
    case "Unexpected":
      return "champ inconnu, non accepté";
    case "Missing":
      return "champ obligatoire manquant";
    case "Type":
      // Our own schemas word their refusals; only the structural ones come from Effect in English.
      if (issue.message.startsWith("Expected ReadonlyArray") || issue.message.startsWith("Expected Array")) return "doit être une liste";
      if (issue.message.startsWith("Expected ")) return "doit être un objet";
      return issue.message;
    case "Forbidden":
    case "Pointer":
    case "Refinement":
    case "Transformation":
    case "Composite":
      return issue.message;
  }
};

/** Converts a schema decoding failure into field errors, one per field, with French reasons. */
export const erreursDepuisParseError = (erreur: ParseResult.ParseError): ReadonlyArray<ErreurDeChamp> => {
  const vues = new Set<string>();
  const erreurs: Array<ErreurDeChamp> = [];
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(erreur)) {
    const chemin = formaterChemin(issue.path);
    const raison = reformuler(issue);
    const cle = `${chemin}\u0000${raison}`;
    if (!vues.has(cle)) {
      vues.add(cle);
      erreurs.push({ chemin, raison });
    }
  }
  return erreurs;
};

/** The refusal listing every offending field. */
export const saisieInvalide = (erreurs: ReadonlyArray<ErreurDeChamp>): SaisieInvalide => new SaisieInvalide({ erreurs });
