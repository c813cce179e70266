import { Either } from "effect";
import { CategorieInconnue, ReferentielIntrouvable } from "./categorie.errors.js";
import type { Categorie, ReferentielCategories, SousCategorie } from "./categorie.model.js";

/**
 * The catégories tree applied from 2026-01-01 [decision]: the three "M - …" topics of seed 001
 * (routed to the service métier of the juridiction) and the account, structure and access topics
 * of the national support (seed 001 "Le support : une aide à l'utilisation du portail").
 */
export const REFERENTIEL_2026: ReferentielCategories = {
  version: "2026-01",
  applicableLe: "2026-01-01",
  source: "Formation prestataires Chorus Pro, « Envoyer une demande d'aide au support » (seed 001)",
  categories: [
    {
      code: "MEMOIRE_FRAIS_DE_JUSTICE",
      libelle: "Mémoire de frais de justice",
      sousCategories: [
        { code: "M_SUIVI_TRAITEMENT_MEMOIRE", libelle: "M - Suivi du traitement d'un mémoire", typeObjet: "MEMOIRE", routage: "SERVICE_METIER" },
        { code: "SAISIE_MEMOIRE", libelle: "Saisie d'un mémoire", typeObjet: "MEMOIRE", routage: "SUPPORT_NATIONAL" },
      ],
    },
    {
      code: "FACTURES_EMISES",
      libelle: "Factures émises",
      sousCategories: [
        { code: "M_QUESTION_ENTITE_PUBLIQUE", libelle: "M - Question pour une entité publique", typeObjet: "MEMOIRE", routage: "SERVICE_METIER" },
        { code: "M_QUESTION_DESTINATAIRE_FACTURE", libelle: "M - Question pour le destinataire de ma facture", typeObjet: "FACTURE", routage: "SERVICE_METIER" },
      ],
    },
    {
      code: "MON_COMPTE",
      libelle: "Mon compte",
      sousCategories: [{ code: "CONNEXION_MOT_DE_PASSE", libelle: "Connexion, mot de passe", typeObjet: "AUCUN", routage: "SUPPORT_NATIONAL" }],
    },
    {
      code: "MA_STRUCTURE",
      libelle: "Ma structure",
      sousCategories: [
        { code: "CREATION_MODIFICATION_RATTACHEMENT", libelle: "Création, modification, rattachement", typeObjet: "STRUCTURE", routage: "SUPPORT_NATIONAL" },
      ],
    },
    {
      code: "HABILITATIONS",
      libelle: "Habilitations",
      sousCategories: [{ code: "DEMANDE_ACCES", libelle: "Demande d'accès", typeObjet: "AUCUN", routage: "SUPPORT_NATIONAL" }],
    },
  ],
};

/** Every version of the tree known to the code, oldest first; adapters may load newer ones as data. */
export const REFERENTIELS: ReadonlyArray<ReferentielCategories> = [REFERENTIEL_2026];

/**
 * The version of the tree that applies on `date` (ISO `YYYY-MM-DD`): the latest whose `applicableLe`
 * is on or before it.
 */
export const referentielApplicable = (
  date: string,
  referentiels: ReadonlyArray<ReferentielCategories> = REFERENTIELS,
): Either.Either<ReferentielCategories, ReferentielIntrouvable> => {
  const candidats = referentiels.filter((r) => r.applicableLe <= date).sort((a, b) => (a.applicableLe < b.applicableLe ? 1 : -1));
  const choisi = candidats[0];
  return choisi === undefined ? Either.left(new ReferentielIntrouvable({ date })) : Either.right(choisi);
};

/** The catégorie and sous-catégorie of a pair of codes in one version of the tree. */
export const trouverSousCategorie = (
  referentiel: ReferentielCategories,
  categorie: string,
  sousCategorie: string,
): Either.Either<{ readonly categorie: Categorie; readonly sousCategorie: SousCategorie }, CategorieInconnue> => {
  const cat = referentiel.categories.find((c) => c.code === categorie);
  const sous = cat?.sousCategories.find((s) => s.code === sousCategorie);
  return cat === undefined || sous === undefined
    ? Either.left(new CategorieInconnue({ version: referentiel.version, categorie, sousCategorie }))
    : Either.right({ categorie: cat, sousCategorie: sous });
};
