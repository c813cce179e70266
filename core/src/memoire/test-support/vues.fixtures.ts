import { Either, Schema } from "effect";
import { calculerMontants, montantsEnJson } from "../../montants/index.js";
import { Memoire, type MemoireEncodee } from "../memoire.model.js";

/** A line as typed in the portal (decimals as strings). */
export interface LigneSaisie {
  readonly id: string;
  readonly numeroAffaire: string;
  readonly dateRequisition: string;
  readonly autoriteRequerante: MemoireEncodee["lignes"][number]["autoriteRequerante"];
  readonly typePrestation: string;
  readonly datePrestation: string;
  readonly quantite: string;
  readonly tarifHt: string;
  readonly tauxTva: string;
  readonly fraisDivers?: string;
  readonly debours?: string;
  readonly remise?: string;
}

/**
 * The two lines of seed 001 ("Transmission du mémoire"): 605,28 and 379,80 TTC. Inputs chosen at 20 %
 * VAT: 504,40 HT + 100,88 TVA = 605,28; 316,50 HT + 63,30 TVA = 379,80.
 */
export const LIGNES_SEED: ReadonlyArray<LigneSaisie> = [
  {
    id: "ligne-1",
    numeroAffaire: "1",
    dateRequisition: "2019-07-24",
    autoriteRequerante: "TRIBUNAL_POLICE",
    typePrestation: "EXPERTISE_PSYCHIATRIQUE_PENAL_INSTRUCTION",
    datePrestation: "2019-07-24",
    quantite: "1",
    tarifHt: "504.40",
    tauxTva: "20",
  },
  {
    id: "ligne-2",
    numeroAffaire: "1",
    dateRequisition: "2019-07-24",
    autoriteRequerante: "JUGE_ENFANTS",
    typePrestation: "EXPERTISE_MEDICALE",
    datePrestation: "2019-07-24",
    quantite: "1",
    tarifHt: "316.50",
    tauxTva: "20",
  },
];

/** What a fixture may override; everything else is the seed's sent mémoire MJ0000002117. */
export interface ParametresMemoire {
  readonly id?: string;
  readonly numero?: string;
  readonly numeroProvisoire?: string;
  readonly etat?: MemoireEncodee["etat"];
  readonly structureId?: string;
  readonly serviceId?: string;
  readonly juridiction?: { readonly code: string; readonly libelle: string; readonly courAppel: string };
  readonly categoriePrestataire?: string;
  readonly texteReference?: string;
  readonly numeroEngagementJuridique?: string;
  readonly lignes?: ReadonlyArray<LigneSaisie>;
  readonly piecesJointes?: MemoireEncodee["piecesJointes"];
  readonly remiseGlobaleTtc?: string;
  /** ISO instant; `null` for a draft never sent. */
  readonly envoyeLe?: string | null;
  readonly etatLe?: string;
  readonly paiement?: { readonly date: string; readonly reference: string };
}

/** A digest as an adapter would supply it (64 hexadecimal characters). */
export const empreinteHex = (graine: string): string => {
  let hex = "";
  for (let i = 0; hex.length < 64; i++) hex += ((graine.charCodeAt(i % Math.max(graine.length, 1)) + i * 7) % 256).toString(16).padStart(2, "0");
  return hex.slice(0, 64);
};

export const PIECES_SEED: MemoireEncodee["piecesJointes"] = [
  {
    id: "pj-1",
    ligneId: "ligne-1",
    designation: "Réquisition du tribunal de police",
    type: "REQUISITION",
    nomFichier: "requisition.pdf",
    typeContenu: "application/pdf",
    taille: 120_000,
    empreinte: empreinteHex("requisition"),
    origine: "MEMOIRE",
  },
  {
    id: "pj-2",
    designation: "RIB",
    type: "COORDONNEE_BANCAIRE",
    nomFichier: "rib.pdf",
    typeContenu: "application/pdf",
    taille: 40_000,
    empreinte: empreinteHex("rib"),
    origine: "STRUCTURE",
  },
];

/** Builds a valid {@link Memoire} (decoded through its schema), amounts computed by the montants engine. */
export const fabriquerMemoire = (p: ParametresMemoire = {}): Memoire => {
  const lignes = p.lignes ?? LIGNES_SEED;
  const remiseGlobaleTtc = p.remiseGlobaleTtc ?? "0.00";
  const calcul = calculerMontants({
    typeTva: "TVA_SUR_DEBIT",
    remiseGlobaleTtc,
    lignes: lignes.map((l) => ({
      quantite: l.quantite,
      tarifHt: l.tarifHt,
      tauxTva: l.tauxTva,
      fraisDivers: l.fraisDivers ?? "0.00",
      debours: l.debours ?? "0.00",
      remise: l.remise ?? "0.00",
    })),
  });
  if (Either.isLeft(calcul)) throw calcul.left;
  const json = montantsEnJson(calcul.right);
  const envoyeLe = p.envoyeLe === undefined ? "2019-07-25T08:30:00.000Z" : p.envoyeLe;
  const encodee: MemoireEncodee = {
    id: p.id ?? "memoire-2117",
    numero: p.numero ?? "MJ0000002117",
    numeroProvisoire: p.numeroProvisoire ?? "TMP201900000004",
    etat: p.etat ?? "ENVOYE",
    enTete: {
      juridiction: p.juridiction ?? { code: "75", libelle: "JURIDICTION_LFR", courAppel: "CA-PARIS" },
      structureId: p.structureId ?? "31486913200048",
      ...(p.serviceId === undefined ? {} : { serviceId: p.serviceId }),
      categoriePrestataire: p.categoriePrestataire ?? "EXPERT",
      referenceCoordonneesBancaires: "rib-1",
      devise: "EUR",
      texteReference: p.texteReference ?? "Article R 92 CPP (procédure pénale)",
      typeTva: "TVA_SUR_DEBIT",
      ...(p.numeroEngagementJuridique === undefined ? {} : { numeroEngagementJuridique: p.numeroEngagementJuridique }),
      modeDepot: "SAISIE_WEB",
    },
    lignes: lignes.map((l) => ({
      id: l.id,
      numeroAffaire: l.numeroAffaire,
      dateRequisition: l.dateRequisition,
      autoriteRequerante: l.autoriteRequerante,
      typePrestation: l.typePrestation,
      datePrestation: l.datePrestation,
      quantite: l.quantite,
      tarifHt: l.tarifHt,
      tauxTva: l.tauxTva,
      fraisDivers: l.fraisDivers ?? "0.00",
      debours: l.debours ?? "0.00",
      remise: l.remise ?? "0.00",
    })),
    piecesJointes: p.piecesJointes ?? PIECES_SEED,
    remiseGlobaleTtc,
    attestationSurLHonneur: envoyeLe !== null,
    montants: {
      lignes: json.lignes.map((l, i) => ({ ligneId: lignes[i]?.id ?? "", ...l })),
      recapitulatifTva: json.recapitulatifTva,
      ...json.totaux,
    },
    montantModifie: false,
    creeLe: "2019-07-24T09:00:00.000Z",
    creePar: { type: "UTILISATEUR", id: "utilisateur-1" },
    version: 3,
    ...(envoyeLe === null ? {} : { envoyeLe }),
    redressements: [],
    ...(p.paiement === undefined ? {} : { paiement: p.paiement }),
    etatLe: p.etatLe ?? envoyeLe ?? "2019-07-24T09:00:00.000Z",
  };
  return Schema.decodeUnknownSync(Memoire)(encodee);
};
