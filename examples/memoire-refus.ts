/**
 * # Un mémoire refusé pour pièce manquante, dupliqué, corrigé et payé
 *
 * Nadia Benali, interprète-traductrice, envoie le mémoire d'une traduction orale faite le 14 mai 2019
 * sur réquisition du juge d'instruction, mais oublie d'y joindre la réquisition. Le greffier refuse
 * le mémoire avec le motif « pièce jointe manquante » : le mémoire refusé ne se modifie plus (une
 * tentative est refusée par la règle `etatIncompatible`).
 *
 * Plutôt que de l'abandonner, elle le duplique : un nouveau brouillon, identique en champs et en
 * pièces jointes, reçoit son propre numéro provisoire ; les deux mémoires sont liés et le refusé
 * passe à l'état « dupliqué post refus ». Elle joint la réquisition au duplicata et l'envoie (un
 * premier essai sans l'attestation sur l'honneur est refusé par la règle qui l'exige). Le greffier
 * certifie ce nouveau mémoire, l'ordonnateur le valide, le comptable le met en paiement.
 */
import { Either } from "effect";
import type { ActeurAgent, ActeurSysteme, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import {
  creerBrouillon,
  executer,
  numerotationEnMemoire,
  unsafeExecuter,
  type Commande,
  type ContexteMemoire,
  type Memoire,
  type TransitionRefusee,
} from "@frais-justice/core/memoire";
import { formaterMontant } from "@frais-justice/core/montants";
import { tarifTraductionOrale } from "@frais-justice/core/tarifs";

/** What the test checks. */
export interface Resultat {
  readonly refuse: Memoire;
  readonly duplicata: Memoire;
  /** The refusals met on the way, as the rule each names. */
  readonly refusRencontres: ReadonlyArray<Pick<TransitionRefusee, "evenement" | "etat" | "garde">>;
}

const STRUCTURE = "S-BENALI";
const JURIDICTION = { code: "93", libelle: "TRIBUNAL JUDICIAIRE DE BOBIGNY", courAppel: "CA-PARIS" };

const interprete: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-nadia-benali",
  rattachements: [{ structureId: STRUCTURE, role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};
const agent = (id: string, role: ActeurAgent["roles"][number]): ActeurAgent => ({
  _tag: "Agent",
  id,
  roles: [role],
  // This greffe works for every juridiction of the cour d'appel.
  perimetre: { juridictions: [], coursAppel: [JURIDICTION.courAppel] },
});
const greffier = agent("a-greffier-bobigny", "GREFFIER");
const ordonnateur = agent("a-pole-chorus", "ORDONNATEUR");
const comptable = agent("a-comptable-drfip", "COMPTABLE");
const systeme: ActeurSysteme = { _tag: "Systeme" };

const REQUISITION = {
  designation: "Réquisition du juge d'instruction",
  type: "REQUISITION",
  nomFichier: "requisition-ji.pdf",
  typeContenu: "application/pdf",
  taille: 198_004,
  empreinte: "7d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8",
} as const;

export const main = (journal: (ligne: string) => void = console.log): Resultat => {
  const numerotation = numerotationEnMemoire({ tmp: 17, mj: 3051 });
  let ids = 0;
  const contexte = (acteur: ContexteMemoire["acteur"], iso: string): ContexteMemoire => ({
    acteur,
    maintenant: new Date(iso),
    genererId: () => `refus-${String((ids += 1)).padStart(4, "0")}`,
    numerotation,
    espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
  });
  const faire = (m: Memoire, commande: Commande, acteur: ContexteMemoire["acteur"], iso: string): Memoire =>
    unsafeExecuter(m, commande, contexte(acteur, iso)).memoire;
  const refusRencontres: Array<Pick<TransitionRefusee, "evenement" | "etat" | "garde">> = [];
  const tenter = (m: Memoire, commande: Commande, acteur: ContexteMemoire["acteur"], iso: string): void => {
    const r = executer(m, commande, contexte(acteur, iso));
    if (Either.isRight(r)) throw new Error(`« ${commande.type} » aurait dû être refusé`);
    if (r.left._tag !== "TransitionRefusee") throw new Error(r.left.message);
    refusRencontres.push({ evenement: r.left.evenement, etat: r.left.etat, garde: r.left.garde });
    journal(`   refusé (${r.left.garde}) : ${r.left.detail}`);
  };
  const envoi = (attestationSurLHonneur: boolean): Commande => ({
    type: "memoire.valider-et-envoyer",
    attestationSurLHonneur,
    prerequisManquants: [],
    prestataire: { identifiant: "2850599350", raisonSociale: "Nadia Benali" },
  });

  const tarif = tarifTraductionOrale({ debut: "2019-05-14T14:00", fin: "2019-05-14T15:45" });
  if (Either.isLeft(tarif)) throw new Error(tarif.left.message);
  const tarifHt = formaterMontant(tarif.right.montantHt);

  journal(`1. Mémoire de la traduction orale du 14 mai 2019, 14 h – 15 h 45 : ${tarifHt} € HT ; envoyé sans la réquisition.`);
  const creation = creerBrouillon(
    {
      enTete: {
        juridiction: JURIDICTION,
        structureId: STRUCTURE,
        categoriePrestataire: "INTERPRETE_TRADUCTEUR",
        referenceCoordonneesBancaires: "CB-BENALI-1",
        texteReference: "Article R 92 CPP (procédure pénale)",
        typeTva: "SANS_TVA",
      },
      lignes: [
        {
          numeroAffaire: "JI-2019-118",
          dateRequisition: "2019-05-10",
          autoriteRequerante: "JUGE_INSTRUCTION",
          typePrestation: "TRADUCTION_ORALE",
          datePrestation: "2019-05-14",
          debut: "2019-05-14T14:00",
          fin: "2019-05-14T15:45",
          quantite: "1",
          tarifHt,
          tauxTva: "0",
        },
      ],
    },
    contexte(interprete, "2019-05-15T08:00:00Z"),
  );
  if (Either.isLeft(creation)) throw new Error(creation.left.message);
  let premier = faire(creation.right.memoire, envoi(true), interprete, "2019-05-15T08:05:00Z");
  premier = faire(premier, { type: "memoire.transmettre" }, systeme, "2019-05-15T09:00:00Z");
  journal(`   ${premier.numero} mis à disposition du tribunal`);

  journal("2. Le greffier refuse : pièce jointe manquante.");
  premier = faire(
    premier,
    { type: "memoire.refuser", motif: "PIECE_JOINTE_MANQUANTE", commentaire: "Joindre la réquisition du juge d'instruction." },
    greffier,
    "2019-05-20T10:00:00Z",
  );
  journal(`   ${premier.numero} : ${premier.etat}, motif ${premier.refus?.motif ?? "?"}`);

  journal("3. Un mémoire refusé ne se modifie plus :");
  tenter(premier, { type: "memoire.joindre-piece", piece: REQUISITION }, interprete, "2019-05-20T12:00:00Z");

  journal("4. Elle le duplique : un nouveau brouillon, lié au mémoire refusé.");
  const duplication = unsafeExecuter(premier, { type: "memoire.dupliquer" }, contexte(interprete, "2019-05-20T12:05:00Z"));
  const refuse = duplication.memoire;
  let duplicata = duplication.duplicata;
  if (duplicata === undefined) throw new Error("la duplication n'a pas produit de brouillon");
  journal(`   ${refuse.numero} : ${refuse.etat} ; nouveau brouillon ${duplicata.numero} (duplicata de ${refuse.numero})`);

  journal("5. Elle joint la réquisition, puis envoie ; le premier essai oublie l'attestation sur l'honneur.");
  duplicata = faire(duplicata, { type: "memoire.joindre-piece", piece: { ...REQUISITION, ligneId: duplicata.lignes[0]?.id ?? "" } }, interprete, "2019-05-20T12:10:00Z");
  tenter(duplicata, envoi(false), interprete, "2019-05-20T12:15:00Z");
  duplicata = faire(duplicata, envoi(true), interprete, "2019-05-20T12:16:00Z");
  journal(`   envoyé sous le n° ${duplicata.numero}`);

  journal("6. Certification, validation de la demande de paiement, mise en paiement.");
  duplicata = faire(duplicata, { type: "memoire.transmettre" }, systeme, "2019-05-20T13:00:00Z");
  duplicata = faire(duplicata, { type: "memoire.certifier" }, greffier, "2019-05-22T09:00:00Z");
  duplicata = faire(duplicata, { type: "memoire.valider-paiement" }, ordonnateur, "2019-05-23T09:00:00Z");
  duplicata = faire(
    duplicata,
    { type: "memoire.mettre-en-paiement", paiement: { date: "2019-05-29", reference: "VIR-2019-0529-0007" } },
    comptable,
    "2019-05-29T07:00:00Z",
  );
  journal(`   ${duplicata.numero} : ${duplicata.etat}, ${formaterMontant(duplicata.montants.montantTtc)} € payés le ${duplicata.paiement?.date ?? "?"}`);
  return { refuse, duplicata, refusRencontres };
};
