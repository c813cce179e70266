import type { ActeurAgent, ActeurSysteme, ActeurUtilisateur, EspaceOuvrable } from "../../autorisation/index.js";
import { contexteDeterministe } from "../../shared/index.js";
import type { ContexteMemoire } from "../memoire.commands.js";
import { numerotationEnMemoire, type Numerotation } from "../memoire.numerotation.js";
import type { EnTeteSaisie, LigneSaisie, PieceJointeSaisie } from "../memoire.saisie.js";

/** Actors and inputs shared by the mémoire tests: a structure S1 sending to juridiction 75 (cour d'appel CA-PARIS). */

export const ESPACES: ReadonlyArray<EspaceOuvrable> = ["MEMOIRES_DE_FRAIS_DE_JUSTICE"];

export const prestataire: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-prestataire",
  rattachements: [{ structureId: "S1", role: "UTILISATEUR" }],
  habilitations: [{ structureId: "S1", application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }],
};

export const prestataireConsultation: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-lecteur",
  rattachements: [{ structureId: "S1", role: "UTILISATEUR" }],
  habilitations: [{ structureId: "S1", application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION" }],
};

const agent = (id: string, role: ActeurAgent["roles"][number], juridictions: ReadonlyArray<string> = ["75"]): ActeurAgent => ({
  _tag: "Agent",
  id,
  roles: [role],
  perimetre: { juridictions, coursAppel: [] },
});

export const greffier = agent("a-greffier", "GREFFIER");
export const greffierAutreJuridiction = agent("a-greffier-13", "GREFFIER", ["13"]);
export const magistrat = agent("a-magistrat", "MAGISTRAT_TAXATEUR");
export const ordonnateur = agent("a-ordonnateur", "ORDONNATEUR");
export const comptable = agent("a-comptable", "COMPTABLE");
export const systeme: ActeurSysteme = { _tag: "Systeme" };

export const enTete: EnTeteSaisie = {
  juridiction: { code: "75", libelle: "JURIDICTION_LFR", courAppel: "CA-PARIS" },
  structureId: "S1",
  categoriePrestataire: "INTERPRETE_TRADUCTEUR",
  referenceCoordonneesBancaires: "CB-1",
  texteReference: "Article R 92 CPP (procédure pénale)",
  typeTva: "TVA_SUR_DEBIT",
};

/** The seed's line (seed 001): 1 × 150.00 at 5.5 % → HT 150.00, TTC 158.25. */
export const ligneSeed: LigneSaisie = {
  numeroAffaire: "2019/00",
  dateRequisition: "2019-07-01",
  autoriteRequerante: "OFFICIER_POLICE_JUDICIAIRE",
  typePrestation: "TRADUCTION_ORALE",
  datePrestation: "2019-07-17",
  quantite: "1",
  tarifHt: "150",
  tauxTva: "5.5",
};

export const piece = (designation = "Réquisition", ligneId?: string): PieceJointeSaisie => ({
  designation,
  type: "REQUISITION",
  nomFichier: "requisition.pdf",
  typeContenu: "application/pdf",
  taille: 120_000,
  empreinte: "a".repeat(64),
  ...(ligneId === undefined ? {} : { ligneId }),
});

export const coordonneesBancaires: PieceJointeSaisie = {
  designation: "RIB",
  type: "COORDONNEE_BANCAIRE",
  nomFichier: "rib.pdf",
  typeContenu: "application/pdf",
  taille: 40_000,
  empreinte: "b".repeat(64),
};

export const prestataireCertificat = { identifiant: "31486913200048", raisonSociale: "COMPAGNIE FINANCIERE PRIVEE" };

/** A context at an instant, for an actor, sharing one numbering and one id counter across the test. */
export const fabriqueContextes = (numerotation: Numerotation = numerotationEnMemoire()) => {
  let compteur = 0;
  return (acteur: ContexteMemoire["acteur"], maintenant: Date | string): ContexteMemoire => {
    compteur += 1;
    const base = contexteDeterministe(typeof maintenant === "string" ? new Date(maintenant) : maintenant, `id${compteur}`);
    return { ...base, acteur, numerotation, espacesOuverts: ESPACES };
  };
};
