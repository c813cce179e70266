/**
 * # Préparer sa structure avant le premier mémoire
 *
 * Alexandre Chevalier, interprète-traducteur sans SIRET, veut déposer ses mémoires de frais de
 * justice. Il crée son compte utilisateur (lien d'activation, mot de passe conforme à la politique),
 * puis sa structure de type PARTICULIER : sexe, année et mois de naissance, code INSEE de la commune
 * de naissance (Rennes, 35238). Créateur de la structure, il en devient le gestionnaire principal.
 *
 * Avant le premier mémoire, le portail exige les prérequis du guide « 1ers pas » : coordonnées
 * bancaires valides, mandat de facturation signé et, pour une personne physique, un identifiant
 * conforme et le régime (COSP ou Indépendant). Alexandre les remplit un à un ; la liste des
 * prérequis manquants finit vide.
 */
import { Either } from "effect";
import {
  ajouterCoordonneeBancaire,
  aucuneCoordonneeBancaire,
  coordonneesBancairesActives,
  type CoordonneesBancairesStructure,
} from "@frais-justice/core/coordonnees-bancaires";
import { aucunMandat, mandatActif, signerMandat, souscrireMandat, type MandatsStructure } from "@frais-justice/core/mandat";
import { prerequisManquants, type PrerequisManquant } from "@frais-justice/core/prerequis";
import { creerStructure, modifierInformationsMemoire, type Structure } from "@frais-justice/core/structure";
import { activerCompte, creerUtilisateur, joursAvantExpiration, verifierMotDePasse, type Utilisateur } from "@frais-justice/core/utilisateur";

/** The outcome the test checks. */
export interface Resultat {
  readonly utilisateur: Utilisateur;
  readonly structure: Structure;
  readonly coordonneesBancaires: CoordonneesBancairesStructure;
  readonly mandats: MandatsStructure;
  readonly prerequisAuDepart: ReadonlyArray<PrerequisManquant>;
  readonly prerequisALaFin: ReadonlyArray<PrerequisManquant>;
  readonly reglesMotDePasseRefuse: ReadonlyArray<string>;
}

/** A fixed clock and counter ids, so that the scenario is reproducible. */
const contexte = (iso: string, prefixe: string) => {
  let n = 0;
  return { maintenant: new Date(iso), genererId: () => `${prefixe}-${String((n += 1)).padStart(3, "0")}` };
};

const ou = <A, E extends { readonly message: string }>(r: Either.Either<A, E>): A =>
  Either.getOrElse(r, (e) => {
    throw new Error(e.message);
  });

export const main = (journal: (ligne: string) => void = console.log): Resultat => {
  journal("1. Alexandre crée son compte : un lien d'activation valable 72 heures lui est envoyé.");
  const creation = ou(
    creerUtilisateur(
      { donnees: { email: "Alexandre.Chevalier@exemple.fr", nom: "Chevalier", prenom: "Alexandre" }, secretActivation: "lien-activation-7f3a" },
      contexte("2026-03-02T09:00:00Z", "utilisateur"),
    ),
  );
  journal(`   compte ${creation.state.email}, lien valable jusqu'au ${creation.state.activation?.expireLe.toISOString() ?? "?"}`);

  const refus = verifierMotDePasse("chevalier");
  journal("2. Le mot de passe « chevalier » est refusé :");
  for (const r of refus) journal(`   - ${r.libelle}`);
  const utilisateur = ou(
    activerCompte(
      creation.state,
      { jeton: "lien-activation-7f3a", motDePasse: "Interprète-Rennes-35", hashMotDePasse: "argon2id$empreinte-calculee-par-l-adaptateur" },
      contexte("2026-03-02T10:00:00Z", "activation"),
    ),
  ).state;
  const jours = joursAvantExpiration(utilisateur, new Date("2026-03-15T10:00:00Z"));
  journal(`   « Interprète-Rennes-35 » est accepté ; le 15 mars, il expire dans ${jours._tag === "Some" ? jours.value : "?"} jour(s).`);

  journal("3. Il crée sa structure PARTICULIER 1850335238 (homme né en mars 1985 à Rennes).");
  const structureCreee = ou(
    creerStructure(
      {
        createurId: utilisateur.id,
        donnees: {
          identifiant: { type: "PARTICULIER", valeur: "1 85 03 35238" },
          raisonSociale: "Alexandre Chevalier",
          adresse: { ligne: "4 rue Saint-Melaine", codePostal: "35000", ville: "Rennes", pays: "FR" },
        },
      },
      contexte("2026-03-02T10:05:00Z", "structure"),
    ),
  );
  let structure = structureCreee.state;
  journal(`   structure ${structure.id}, identifiant ${structure.identifiant.valeur} ; événement ${structureCreee.events.map((e) => e._tag).join(", ")}`);

  // The rattachement module folds StructureCreee: the creator becomes gestionnaire principal.
  const alexandre = {
    _tag: "Utilisateur" as const,
    id: utilisateur.id,
    rattachements: [{ structureId: structure.id, role: "GESTIONNAIRE_PRINCIPAL" as const }],
    habilitations: [],
  };

  let coordonneesBancaires = aucuneCoordonneeBancaire(structure.id);
  let mandats = aucunMandat(structure.id);
  const prerequisAuDepart = prerequisManquants(structure, coordonneesBancaires, mandats);
  journal("4. Prérequis manquants avant tout mémoire :");
  for (const p of prerequisAuDepart) journal(`   ${p.numero} ${p.libelle}`);

  journal("5. Il renseigne ses informations mémoire : interprète-traducteur, régime COSP.");
  structure = ou(
    modifierInformationsMemoire(
      structure,
      { acteur: alexandre, donnees: { informationsMemoire: { categoriePrestataire: "INTERPRETE_TRADUCTEUR", regime: "COSP", droitOption: false } } },
      contexte("2026-03-02T10:10:00Z", "infos"),
    ),
  ).state;

  journal("6. Il souscrit son mandat de facturation, puis le signe avec le lien reçu par courriel.");
  mandats = ou(
    souscrireMandat(
      mandats,
      {
        acteur: alexandre,
        donnees: { libelle: "Mandat de facturation Alexandre Chevalier", signataire: { nom: "Chevalier", prenom: "Alexandre", email: utilisateur.email } },
        secretSignature: "lien-signature-91c2",
      },
      contexte("2026-03-02T10:15:00Z", "mandat"),
    ),
  ).state;
  const mandatId = mandats.mandats[0]?.id ?? "";
  mandats = ou(signerMandat(mandats, { mandatId, jeton: "lien-signature-91c2" }, contexte("2026-03-02T11:00:00Z", "signature"))).state;
  journal(`   mandat ${mandatId} : ${mandatActif(mandats)._tag === "Some" ? "signé, actif" : "non signé"}`);

  journal("7. Il ajoute son IBAN et son BIC, avec le RIB en PDF comme justificatif.");
  coordonneesBancaires = ou(
    ajouterCoordonneeBancaire(
      coordonneesBancaires,
      {
        acteur: alexandre,
        donnees: {
          libelle: "Compte professionnel",
          compte: { type: "IBAN", iban: "FR14 2004 1010 0505 0001 3M02 606" },
          bic: "PSSTFRPPREN",
          affactureur: false,
          fichier: { reference: "pieces/rib-chevalier.pdf", typeContenu: "application/pdf", taille: 182_400 },
        },
      },
      contexte("2026-03-02T11:05:00Z", "coordonnee"),
    ),
  ).state;
  journal(`   ${coordonneesBancairesActives(coordonneesBancaires).length} coordonnée(s) bancaire(s) active(s)`);

  const prerequisALaFin = prerequisManquants(structure, coordonneesBancaires, mandats);
  journal(
    prerequisALaFin.length === 0
      ? "8. Tous les prérequis sont remplis : Alexandre peut saisir son premier mémoire."
      : `8. Il manque encore : ${prerequisALaFin.map((p) => p.numero).join(", ")}`,
  );

  return {
    utilisateur,
    structure,
    coordonneesBancaires,
    mandats,
    prerequisAuDepart,
    prerequisALaFin,
    reglesMotDePasseRefuse: refus.map((r) => r._tag),
  };
};
