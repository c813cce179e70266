/**
 * # Un mémoire d'interprète, de la réquisition au paiement
 *
 * Le samedi 9 mars 2019, Nadia Benali, interprète-traductrice en langue arabe, est requise par un
 * officier de police judiciaire pour une audition en garde à vue, de 21 h 30 à 23 h 40. Le tarif
 * de la traduction orale (CPP R122, A43-7) est calculé par le module des tarifs : toute heure
 * commencée est due, la première heure est majorée de 40 %, les heures de nuit (22 h – 7 h) et du
 * samedi de 25 % chacune.
 *
 * Elle saisit son mémoire (en-tête, une ligne de prestation, la réquisition en pièce jointe), le
 * valide et l'envoie en attestant sur l'honneur : un numéro MJ et un certificat de dépôt lui sont
 * remis. Le mémoire est mis à disposition du tribunal ; le greffier le prend en charge et le certifie
 * (frais tarifés : la certification est permise quel que soit le montant, CPP R224-1), l'ordonnateur
 * valide la demande de paiement et le comptable le met en paiement. Chaque étape laisse une trace
 * dans l'historique du mémoire.
 */
import { Either } from "effect";
import type { ActeurAgent, ActeurSysteme, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import {
  creerBrouillon,
  evenementsPossibles,
  historique,
  numerotationEnMemoire,
  unsafeExecuter,
  verifierCertificat,
  type Certificat,
  type Commande,
  type ContexteMemoire,
  type EvenementMemoire,
  type Historique,
  type Memoire,
} from "@frais-justice/core/memoire";
import { formaterMontant } from "@frais-justice/core/montants";
import { tarifTraductionOrale } from "@frais-justice/core/tarifs";

/** What the test checks. */
export interface Resultat {
  readonly memoire: Memoire;
  readonly certificat: Certificat;
  readonly certificatVerifie: boolean;
  readonly tarifHt: string;
  readonly historique: Historique;
  /** What the back-office offers the greffier once the mémoire is mis à disposition. */
  readonly actionsDuGreffier: ReadonlyArray<string>;
}

const STRUCTURE = "S-BENALI";
const JURIDICTION = { code: "75", libelle: "TRIBUNAL JUDICIAIRE DE PARIS", courAppel: "CA-PARIS" };

const interprete: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-nadia-benali",
  rattachements: [{ structureId: STRUCTURE, role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [{ structureId: STRUCTURE, application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }],
};
const agent = (id: string, role: ActeurAgent["roles"][number]): ActeurAgent => ({
  _tag: "Agent",
  id,
  roles: [role],
  perimetre: { juridictions: [JURIDICTION.code], coursAppel: [] },
});
const greffier = agent("a-greffier-paris", "GREFFIER");
const ordonnateur = agent("a-pole-chorus", "ORDONNATEUR");
const comptable = agent("a-comptable-drfip", "COMPTABLE");
const systeme: ActeurSysteme = { _tag: "Systeme" };

export const main = (journal: (ligne: string) => void = console.log): Resultat => {
  // The adapters' services: one number sequence, a fixed clock per step, counter ids.
  const numerotation = numerotationEnMemoire({ tmp: 4, mj: 2117 });
  let ids = 0;
  const contexte = (acteur: ContexteMemoire["acteur"], iso: string): ContexteMemoire => ({
    acteur,
    maintenant: new Date(iso),
    genererId: () => `paiement-${String((ids += 1)).padStart(4, "0")}`,
    numerotation,
    espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
  });
  const evenements: Array<EvenementMemoire> = [];
  const suivre = (m: Memoire, commande: Commande, acteur: ContexteMemoire["acteur"], iso: string): Memoire => {
    const r = unsafeExecuter(m, commande, contexte(acteur, iso));
    evenements.push(...r.evenements);
    return r.memoire;
  };

  journal("1. Le tarif de la traduction orale du samedi 9 mars 2019, 21 h 30 – 23 h 40 (CPP R122, A43-7) :");
  const tarif = tarifTraductionOrale({ debut: "2019-03-09T21:30", fin: "2019-03-09T23:40" });
  if (Either.isLeft(tarif)) throw new Error(tarif.left.message);
  const tarifHt = formaterMontant(tarif.right.montantHt);
  journal(`   3 heures commencées, majorations de nuit et du samedi : ${tarifHt} € HT`);

  journal("2. Nadia Benali saisit l'en-tête : un numéro provisoire TMP est attribué au brouillon.");
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
    },
    contexte(interprete, "2019-03-11T09:00:00Z"),
  );
  if (Either.isLeft(creation)) throw new Error(creation.left.message);
  evenements.push(...creation.right.evenements);
  let memoire = creation.right.memoire;
  journal(`   ${memoire.numero}, état ${memoire.etat}`);

  journal("3. Elle ajoute la ligne de prestation et y joint la réquisition de l'OPJ.");
  memoire = suivre(
    memoire,
    {
      type: "memoire.ajouter-ligne",
      ligne: {
        numeroAffaire: "2019/0309/GAV",
        dateRequisition: "2019-03-09",
        autoriteRequerante: "OFFICIER_POLICE_JUDICIAIRE",
        typePrestation: "TRADUCTION_ORALE",
        datePrestation: "2019-03-09",
        debut: "2019-03-09T21:30",
        fin: "2019-03-09T23:40",
        quantite: "1",
        tarifHt,
        tauxTva: "0",
      },
    },
    interprete,
    "2019-03-11T09:05:00Z",
  );
  memoire = suivre(
    memoire,
    {
      type: "memoire.joindre-piece",
      piece: {
        ligneId: memoire.lignes[0]?.id ?? "",
        designation: "Réquisition OPJ du 9 mars 2019",
        type: "REQUISITION",
        nomFichier: "requisition-opj.pdf",
        typeContenu: "application/pdf",
        taille: 215_340,
        empreinte: "3f0a6c1e9b2d4f5a7c8e0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a",
      },
    },
    interprete,
    "2019-03-11T09:07:00Z",
  );
  journal(`   montant TTC du mémoire : ${formaterMontant(memoire.montants.montantTtc)} €`);

  journal("4. « Valider et envoyer » : elle atteste sur l'honneur la sincérité du mémoire.");
  const envoi = unsafeExecuter(
    memoire,
    {
      type: "memoire.valider-et-envoyer",
      attestationSurLHonneur: true,
      // Computed by the adapter with prerequisManquants(structure, coordonnées bancaires, mandats): all met.
      prerequisManquants: [],
      prestataire: { identifiant: "2850599350", raisonSociale: "Nadia Benali" },
      coordonneesBancaires: {
        designation: "RIB Nadia Benali",
        type: "COORDONNEE_BANCAIRE",
        nomFichier: "rib-benali.pdf",
        typeContenu: "application/pdf",
        taille: 48_200,
        empreinte: "0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9eafb",
      },
    },
    contexte(interprete, "2019-03-11T09:10:00Z"),
  );
  evenements.push(...envoi.evenements);
  memoire = envoi.memoire;
  const certificat = envoi.certificat;
  if (certificat === undefined) throw new Error("l'envoi n'a pas produit de certificat de dépôt");
  journal(`   mémoire n° ${certificat.numero} (brouillon ${memoire.numeroProvisoire}), empreinte ${certificat.empreinte}`);

  journal("5. Le mémoire est mis à disposition du tribunal ; le greffier le prend en charge.");
  memoire = suivre(memoire, { type: "memoire.transmettre" }, systeme, "2019-03-11T10:00:00Z");
  const actionsDuGreffier = evenementsPossibles(memoire, { acteur: greffier, maintenant: new Date("2019-03-12T08:00:00Z") });
  journal(`   actions proposées au greffier : ${actionsDuGreffier.join(", ")}`);
  memoire = suivre(memoire, { type: "memoire.prendre-en-charge" }, greffier, "2019-03-12T08:00:00Z");

  journal("6. Frais tarifés : le greffier certifie le mémoire.");
  memoire = suivre(memoire, { type: "memoire.certifier" }, greffier, "2019-03-12T08:30:00Z");
  journal("7. L'ordonnateur valide la demande de paiement ; le comptable met en paiement.");
  memoire = suivre(memoire, { type: "memoire.valider-paiement" }, ordonnateur, "2019-03-14T14:00:00Z");
  memoire = suivre(
    memoire,
    { type: "memoire.mettre-en-paiement", paiement: { date: "2019-03-20", reference: "VIR-2019-0320-0042" } },
    comptable,
    "2019-03-20T07:00:00Z",
  );
  journal(`   état final : ${memoire.etat}, ${formaterMontant(memoire.montants.montantTtc)} € payés le ${memoire.paiement?.date ?? "?"}`);

  const h = historique(evenements);
  journal("8. Historique :");
  for (const e of h.entrees) journal(`   ${e.le.toISOString()} ${e.auteur.type} ${e.auteur.id} — ${e.libelle} (${e.de} → ${e.vers})`);

  // The certificate still verifies after payment: the court's steps are outside the empreinte.
  const certificatVerifie = Either.isRight(verifierCertificat(memoire, certificat));
  journal(`9. Le certificat de dépôt se vérifie toujours : ${certificatVerifie ? "oui" : "non"}`);
  return { memoire, certificat, certificatVerifie, tarifHt, historique: h, actionsDuGreffier };
};
