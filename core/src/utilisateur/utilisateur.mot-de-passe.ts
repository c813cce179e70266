import { Data } from "effect";
import { REGLES_COMPTE, type ReglesMotDePasse } from "./utilisateur.model.js";

/** The four groups of characters of the policy (seed 002). */
export type GroupeCaracteres = "MAJUSCULES" | "MINUSCULES" | "CHIFFRES" | "SPECIAUX";
/** Every group, in the order the seed lists them. */
export const GROUPES_CARACTERES: ReadonlyArray<GroupeCaracteres> = ["MAJUSCULES", "MINUSCULES", "CHIFFRES", "SPECIAUX"];

/**
 * Group of one character: A–Z, a–z, 0–9; anything else is special — seed 002 counts accents as
 * special characters ("ponctuation, accents, etc.").
 */
export const groupeDe = (c: string): GroupeCaracteres =>
  /^[A-Z]$/.test(c) ? "MAJUSCULES" : /^[a-z]$/.test(c) ? "MINUSCULES" : /^[0-9]$/.test(c) ? "CHIFFRES" : "SPECIAUX";

/** One unmet rule of the password policy, with what is needed to explain it. */
export type RegleMotDePasseNonRespectee = Data.TaggedEnum<{
  /** Fewer characters (Unicode code points) than required. */
  TropCourt: { readonly longueur: number; readonly minimum: number; readonly libelle: string };
  /** Too few groups of characters; `manquants` lists the absent ones. */
  GroupesInsuffisants: {
    readonly presents: ReadonlyArray<GroupeCaracteres>;
    readonly manquants: ReadonlyArray<GroupeCaracteres>;
    readonly minimum: number;
    readonly libelle: string;
  };
}>;
/** Constructors and matchers of {@link RegleMotDePasseNonRespectee}. */
export const RegleMotDePasseNonRespectee = Data.taggedEnum<RegleMotDePasseNonRespectee>();

const NOMS_GROUPES: { readonly [G in GroupeCaracteres]: string } = {
  MAJUSCULES: "majuscules",
  MINUSCULES: "minuscules",
  CHIFFRES: "chiffres",
  SPECIAUX: "caractères spéciaux",
};

/**
 * Checks a password against the policy and returns EVERY unmet rule (empty: accepted). Seed 002:
 * "au minimum 12 caractères et au moins 3 types de caractères parmi les 4 groupes suivants :
 * majuscules, minuscules, chiffres, caractères spéciaux (ponctuation, accents, etc.)".
 */
export const verifierMotDePasse = (
  motDePasse: string,
  regles: ReglesMotDePasse = REGLES_COMPTE.motDePasse,
): ReadonlyArray<RegleMotDePasseNonRespectee> => {
  const caracteres = Array.from(motDePasse);
  const erreurs: Array<RegleMotDePasseNonRespectee> = [];
  if (caracteres.length < regles.longueurMinimale) {
    erreurs.push(
      RegleMotDePasseNonRespectee.TropCourt({
        longueur: caracteres.length,
        minimum: regles.longueurMinimale,
        libelle: `Le mot de passe doit comporter au moins ${regles.longueurMinimale} caractères (${caracteres.length} saisis).`,
      }),
    );
  }
  const presents = GROUPES_CARACTERES.filter((g) => caracteres.some((c) => groupeDe(c) === g));
  if (presents.length < regles.groupesMinimum) {
    const manquants = GROUPES_CARACTERES.filter((g) => !presents.includes(g));
    erreurs.push(
      RegleMotDePasseNonRespectee.GroupesInsuffisants({
        presents,
        manquants,
        minimum: regles.groupesMinimum,
        libelle: `Le mot de passe doit mêler au moins ${regles.groupesMinimum} types de caractères parmi majuscules, minuscules, chiffres et caractères spéciaux ; ajoutez-en ${regles.groupesMinimum - presents.length} parmi : ${manquants.map((g) => NOMS_GROUPES[g]).join(", ")}.`,
      }),
    );
  }
  return erreurs;
};
