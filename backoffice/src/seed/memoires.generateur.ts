import { estAutorise, type Action, type Perimetre, type RoleAgent } from "@frais-justice/core/autorisation";
import { calculerMontants, montantsEnJson } from "@frais-justice/core/montants";
import { empreinte, executer, Memoire, TotauxMemoire, totaux, type EtatMemoire, type MemoireEncodee } from "@frais-justice/core/memoire";
import { BigDecimal, Either, Schema } from "effect";
import type { EvenementMemoire } from "../memoire/memoire.evenement.mapper.js";
import { EvenementMemoire as EvenementSchema } from "../memoire/memoire.evenement.mapper.js";
import type { ResultatEcriture } from "../memoire/memoire.repository.js";
import { uuid, type Hasard } from "./hasard.js";

/**
 * Generates valid mémoires in any state, with plausible lines (amounts computed by core's montants
 * engine) and an audit trail that follows the lifecycle (creer → valider-et-envoyer → transmettre →
 * prendre-en-charge → certifier | envoyer-en-taxation → taxer | refuser → …). Used by the seed, the
 * benchmark and the property tests. Every aggregate goes through core's Schema (decode) before use.
 */

/** Juridictions of several cours d'appel: `code`, `libelle`, `courAppel`. */
export const JURIDICTIONS = [
  { code: "750", libelle: "Tribunal judiciaire de Paris", courAppel: "CA-PARIS" },
  { code: "930", libelle: "Tribunal judiciaire de Bobigny", courAppel: "CA-PARIS" },
  { code: "940", libelle: "Tribunal judiciaire de Créteil", courAppel: "CA-PARIS" },
  { code: "690", libelle: "Tribunal judiciaire de Lyon", courAppel: "CA-LYON" },
  { code: "420", libelle: "Tribunal judiciaire de Saint-Étienne", courAppel: "CA-LYON" },
  { code: "130", libelle: "Tribunal judiciaire de Marseille", courAppel: "CA-AIX" },
  { code: "060", libelle: "Tribunal judiciaire de Nice", courAppel: "CA-AIX" },
  { code: "590", libelle: "Tribunal judiciaire de Lille", courAppel: "CA-DOUAI" },
  { code: "330", libelle: "Tribunal judiciaire de Bordeaux", courAppel: "CA-BORDEAUX" },
  { code: "2A0", libelle: "Tribunal judiciaire d'Ajaccio", courAppel: "CA-BASTIA" },
  { code: "974", libelle: "Tribunal judiciaire de Saint-Denis (La Réunion)", courAppel: "CA-SAINT-DENIS" },
  { code: "CA-PARIS", libelle: "Cour d'appel de Paris", courAppel: "CA-PARIS" },
] as const;

/** The libellé of each cour d'appel of {@link JURIDICTIONS} (the seed creates those that are not in it). */
export const LIBELLES_COURS_APPEL: Readonly<Record<(typeof JURIDICTIONS)[number]["courAppel"], string>> = {
  "CA-PARIS": "Cour d'appel de Paris",
  "CA-LYON": "Cour d'appel de Lyon",
  "CA-AIX": "Cour d'appel d'Aix-en-Provence",
  "CA-DOUAI": "Cour d'appel de Douai",
  "CA-BORDEAUX": "Cour d'appel de Bordeaux",
  "CA-BASTIA": "Cour d'appel de Bastia",
  "CA-SAINT-DENIS": "Cour d'appel de Saint-Denis de La Réunion",
};

/**
 * Types de prestation of core's catalogue (`TYPES_PRESTATION` codes) per catégorie de prestataire of
 * the structure (core's `CategoriePrestataireSchema`), with a plausible tariff and quantity range:
 * a mémoire only bills what its prestataire's catégorie provides. Tariffs named by DOMAIN.md §3 where
 * it names one (R122: 25 € per page, 30 € per hour; enquête sociale 600 €; certificat médical 160 €;
 * audition d'enfant 40 €), demo figures otherwise.
 */
const PRESTATIONS = [
  { code: "TRADUCTION_ORALE", categorie: "INTERPRETE_TRADUCTEUR", tarif: "30.00", quantites: [1, 2, 3, 4, 5] },
  { code: "TRADUCTION_ECRITE", categorie: "INTERPRETE_TRADUCTEUR", tarif: "25.00", quantites: [2, 4, 8, 12] },
  { code: "EXPERTISE_PSYCHIATRIQUE_PENAL_INSTRUCTION", categorie: "EXPERT", tarif: "429.00", quantites: [1] },
  { code: "EXPERTISE_MEDICALE", categorie: "EXPERT", tarif: "350.00", quantites: [1] },
  { code: "CERTIFICAT_MEDICAL", categorie: "EXPERT", tarif: "160.00", quantites: [1, 2] },
  { code: "ENQUETE_SOCIALE", categorie: "ENQUETEUR_SOCIAL", tarif: "600.00", quantites: [1] },
  { code: "AUDITION_ENFANT", categorie: "ENQUETEUR_SOCIAL", tarif: "40.00", quantites: [1, 2] },
  { code: "ANALYSE_LABORATOIRE", categorie: "LABORATOIRE", tarif: "195.0000", quantites: [1, 2, 3] },
  { code: "GARDIENNAGE_SCELLES", categorie: "GARDIEN_FOURRIERE_SCELLES", tarif: "4.5000", quantites: [10, 30, 90] },
  { code: "FRAIS_FOURRIERE", categorie: "GARDIEN_FOURRIERE_SCELLES", tarif: "6.4200", quantites: [5, 15, 30] },
  { code: "AUTRE", categorie: "OPERATEUR_TELECOM", tarif: "17.2500", quantites: [1, 5, 12] },
  { code: "AUTRE", categorie: "DELEGUE_MEDIATEUR_PROCUREUR", tarif: "38.0000", quantites: [1, 2, 4] },
  { code: "AUTRE", categorie: "ADMINISTRATEUR_AD_HOC", tarif: "120.00", quantites: [1, 2] },
  { code: "AUTRE", categorie: "COMMISSAIRE_DE_JUSTICE", tarif: "75.00", quantites: [1, 2, 3] },
  { code: "AUTRE", categorie: "AUTRE", tarif: "50.00", quantites: [1, 2] },
] as const;

const AUTORITES = ["OFFICIER_POLICE_JUDICIAIRE", "PROCUREUR_REPUBLIQUE", "JUGE_INSTRUCTION", "JUGE_ENFANTS", "TRIBUNAL_CORRECTIONNEL"] as const;
const TAUX = ["20", "20", "20", "10", "5.5", "0"] as const;

/** The states a generated mémoire can end in, with a national-looking distribution (most are paid). */
export const REPARTITION_ETATS: ReadonlyArray<readonly [EtatMemoire, number]> = [
  ["BROUILLON", 4],
  ["SUPPRIME", 1],
  ["ENVOYE", 2],
  ["MIS_A_DISPOSITION", 6],
  ["A_TAXER", 2],
  ["CERTIFIE", 4],
  ["TAXE", 2],
  ["VALIDE", 4],
  ["MIS_EN_PAIEMENT", 66],
  ["REFUSE", 3],
  ["ABANDONNE", 3],
  ["DUPLIQUE_POST_REFUS", 3],
];

/** The commands that lead from creation to a state: [command, from, to]. */
export const CHEMINS: { readonly [E in EtatMemoire]: ReadonlyArray<readonly [string, EtatMemoire, EtatMemoire]> } = (() => {
  const envoye = [["memoire.creer", "BROUILLON", "BROUILLON"], ["memoire.valider-et-envoyer", "BROUILLON", "ENVOYE"]] as const;
  const dispo = [...envoye, ["memoire.transmettre", "ENVOYE", "MIS_A_DISPOSITION"], ["memoire.prendre-en-charge", "MIS_A_DISPOSITION", "MIS_A_DISPOSITION"]] as const;
  const certifie = [...dispo, ["memoire.certifier", "MIS_A_DISPOSITION", "CERTIFIE"]] as const;
  const aTaxer = [...dispo, ["memoire.envoyer-en-taxation", "MIS_A_DISPOSITION", "A_TAXER"]] as const;
  const refuse = [...dispo, ["memoire.refuser", "MIS_A_DISPOSITION", "REFUSE"]] as const;
  const valide = [...certifie, ["memoire.valider-paiement", "CERTIFIE", "VALIDE"]] as const;
  return {
    BROUILLON: [envoye[0]],
    SUPPRIME: [envoye[0], ["memoire.supprimer", "BROUILLON", "SUPPRIME"]],
    ENVOYE: envoye,
    MIS_A_DISPOSITION: dispo.slice(0, 3),
    A_TAXER: aTaxer,
    CERTIFIE: certifie,
    TAXE: [...aTaxer, ["memoire.taxer", "A_TAXER", "TAXE"]],
    VALIDE: valide,
    MIS_EN_PAIEMENT: [...valide, ["memoire.mettre-en-paiement", "VALIDE", "MIS_EN_PAIEMENT"]],
    REFUSE: refuse,
    ABANDONNE: [...refuse, ["memoire.abandonner", "REFUSE", "ABANDONNE"]],
    DUPLIQUE_POST_REFUS: [...refuse, ["memoire.dupliquer", "REFUSE", "DUPLIQUE_POST_REFUS"]],
  };
})();

/** A prestataire mémoires are billed from: its id, catégorie, services and bank details. */
export interface StructureGeneration {
  readonly id: string;
  readonly categorie: string;
  readonly serviceIds?: ReadonlyArray<string>;
  readonly coordonneesId?: string;
}

/** A court-side agent with what core's `autoriser` reads of them: their roles and perimeter. */
export interface AgentGeneration {
  readonly id: string;
  readonly roles: ReadonlyArray<RoleAgent>;
  readonly perimetre: Perimetre;
}

/** What the generator needs from the rest of the dataset. */
export interface ParametresGeneration {
  /** Structures to bill from (id and default category). */
  readonly structures: ReadonlyArray<StructureGeneration>;
  /**
   * Agents acting on the court side. Given with their roles and perimeter, each court-side step is
   * signed by an agent core's `autoriser` lets do it on this mémoire (the greffier of its juridiction
   * certifies, its magistrat taxateur taxes, the ordonnateur and the comptable of its cour d'appel
   * validate and pay); when none of them may, or given as bare ids, by the agent drawn for the mémoire.
   */
  readonly agents: ReadonlyArray<string | AgentGeneration>;
  /** Users acting on the prestataire side (ids). */
  readonly utilisateurs: ReadonlyArray<string>;
  /** Numbers: the n-th mémoire gets TMP n of its year and, once sent, MJ n. */
  readonly numero: number;
  /** Creation instant (defaults to a date between 2019 and 2026). */
  readonly creeLe?: Date;
  /**
   * No step of the history after this instant (the demo passes its "now"): when the last step drawn
   * would fall later, the steps are brought closer, in the same order, the last one at a drawn instant
   * before it (one more draw, only then).
   */
  readonly auPlusTard?: Date;
  /** Forced final state (default: drawn from {@link REPARTITION_ETATS}). */
  readonly etat?: EtatMemoire;
  /** Number of lines (default 1 to 5, mean about 3). */
  readonly nombreLignes?: number;
  /**
   * The juridiction the mémoire is addressed to (default: drawn among {@link JURIDICTIONS}). Given
   * here, not changed afterwards: the empreinte of the certificat de dépôt covers it.
   */
  readonly juridiction?: { readonly code: string; readonly libelle: string; readonly courAppel: string };
}

const tirerEtat = (h: Hasard): EtatMemoire => {
  const total = REPARTITION_ETATS.reduce((s, [, p]) => s + p, 0);
  let x = h.suivant() * total;
  for (const [etat, p] of REPARTITION_ETATS) {
    x -= p;
    if (x < 0) return etat;
  }
  return "MIS_EN_PAIEMENT";
};

/**
 * Who signs each court-side step of a mémoire: among the agents core allows to run that command on
 * it, the one at the drawn agent's position (no draw of its own: the seed's other values do not
 * depend on the agents given); the drawn agent when none may.
 */
const signataires = (agents: ReadonlyArray<string | AgentGeneration>, tire: string | AgentGeneration, cible: { readonly structureId: string; readonly juridiction: { readonly code: string; readonly courAppel: string } }) => {
  const rang = Math.max(0, agents.indexOf(tire));
  const parDefaut = typeof tire === "string" ? tire : tire.id;
  const decrits = agents.filter((a): a is AgentGeneration => typeof a !== "string");
  const memo = new Map<string, string>();
  const signataire = (commande: string): string => {
    const connu = memo.get(commande);
    if (connu !== undefined) return connu;
    const candidats = decrits.filter((a) => estAutorise({ _tag: "Agent", ...a }, commande as Action, { _tag: "Memoire", structureId: cible.structureId, juridiction: cible.juridiction }));
    const id = candidats.length === 0 ? parDefaut : (candidats[rang % candidats.length]?.id ?? parDefaut);
    memo.set(commande, id);
    return id;
  };
  return Object.assign(signataire, { decrit: (id: string): AgentGeneration | undefined => decrits.find((a) => a.id === id) });
};

/** The motif of the demo's taxations below the request. */
export const MOTIF_TAXATION_REDUITE = "Réduit au barème : durée de la prestation non justifiée au-delà de la réquisition";

/**
 * A taxed mémoire whose ordonnance cuts its first line's HT by a fifth (to the cent below), applied by
 * core's `memoire.taxer` command as the magistrat would run it on the mémoire à taxer: the same
 * re-pricing, VAT and totals, taxation and « montant modifié » as in the back-office. Undefined when
 * core refuses it (the signatory may not tax this mémoire).
 */
const taxerEnDessous = (memoire: Memoire, magistrat: AgentGeneration, le: Date): Memoire | undefined => {
  const ligne = memoire.lignes[0];
  const ht = memoire.montants.lignes[0]?.montantHt;
  if (ligne === undefined || ht === undefined || memoire.taxation === undefined) return undefined;
  const { taxation: _taxation, ...sansTaxation } = memoire;
  const centimes = (BigDecimal.scale(ht, 2).value * 4n) / 5n;
  const montantHtTaxe = `${centimes / 100n}.${String(centimes % 100n).padStart(2, "0")}`;
  const resultat = executer(
    { ...sansTaxation, etat: "A_TAXER", version: memoire.version - 1 },
    { type: "memoire.taxer", taxation: { lignes: [{ ligneId: ligne.id, montantHtTaxe }], motif: MOTIF_TAXATION_REDUITE } },
    {
      acteur: { _tag: "Agent", ...magistrat },
      maintenant: le,
      // Its audit event is not kept (the generator writes the history): no id nor number is drawn.
      genererId: () => "sans-objet",
      numerotation: { prochainNumeroTmp: () => 0, prochainNumeroMj: () => 0 },
    },
  );
  return Either.isRight(resultat) ? resultat.right.memoire : undefined;
};

const jour = (d: Date): string => d.toISOString().slice(0, 10);
const plusJours = (d: Date, n: number, h: Hasard): Date => new Date(d.getTime() + n * 86_400_000 + h.entier(0, 8 * 3_600_000));

/** The numéro de lot of a flux deposit: one lot per structure and day of creation. */
export const numeroLotDe = (creeLe: Date, structureId: string): string => `LOT-${jour(creeLe).replace(/-/g, "")}-${structureId}`.slice(0, 50);

const decoderMemoire = Schema.decodeUnknownSync(Memoire);
/** The totals of a mémoire's amounts as an audit event records them (core's `totaux`, encoded). */
const totauxEncodes = (montants: Memoire["montants"]) => Schema.encodeSync(TotauxMemoire)(totaux(montants));
const decoderEvenement = Schema.decodeUnknownSync(EvenementSchema);

/** Generates one mémoire and its history. Throws only on a bug of the generator (the Schema refuses it). */
export const genererMemoire = (h: Hasard, p: ParametresGeneration): ResultatEcriture => {
  const structure = h.choisir(p.structures);
  const etat = p.etat ?? tirerEtat(h);
  // Always drawn, so that the sequence of draws (and the seed's reproducibility) does not depend on it.
  const tiree = h.choisir(JURIDICTIONS);
  const juridiction = p.juridiction ?? tiree;
  const creeLe = p.creeLe ?? new Date(Date.UTC(2019, 0, 1) + h.entier(0, 7 * 365) * 86_400_000 + h.entier(7, 19) * 3_600_000);
  const annee = creeLe.getUTCFullYear();
  const nombreLignes = p.nombreLignes ?? h.choisir([1, 2, 3, 3, 3, 4, 5]);
  const prestations = PRESTATIONS.filter((x) => x.categorie === structure.categorie);
  const sansTva = h.chance(0.15);
  // One VAT rate for the whole mémoire, as a prestataire bills: the first line's draw. Every line still
  // draws its own (unused after the first), so that the sequence of draws stays that of the seed.
  let tauxMemoire: string | undefined;
  const tauxDuMemoire = (tire: string): string => (tauxMemoire ??= tire);
  const lignesSaisies = Array.from({ length: nombreLignes }, (_, i) => {
    const prestation = h.choisir(prestations.length > 0 ? prestations : PRESTATIONS.filter((x) => x.categorie === "AUTRE"));
    const datePrestation = plusJours(creeLe, -h.entier(1, 60), h);
    return {
      id: `${uuid(h)}`,
      numeroAffaire: `${annee}/${String(h.entier(1, 99999)).padStart(5, "0")}${i === 0 ? "" : ""}`,
      dateRequisition: jour(plusJours(datePrestation, -h.entier(0, 10), h)),
      autoriteRequerante: h.choisir(AUTORITES),
      typePrestation: prestation.code,
      datePrestation: jour(datePrestation),
      quantite: String(h.choisir(prestation.quantites)),
      tarifHt: prestation.tarif,
      tauxTva: sansTva ? "0" : tauxDuMemoire(h.choisir(TAUX)),
      fraisDivers: h.chance(0.2) ? `${h.entier(1, 80)}.${String(h.entier(0, 99)).padStart(2, "0")}` : "0.00",
      debours: h.chance(0.1) ? `${h.entier(1, 40)}.00` : "0.00",
      remise: "0.00",
    };
  });
  const typeTva = sansTva ? "EXONERATION" : "TVA_SUR_DEBIT";
  const calcul = calculerMontants({ typeTva, remiseGlobaleTtc: "0.00", lignes: lignesSaisies.map((l) => ({ quantite: l.quantite, tarifHt: l.tarifHt, tauxTva: l.tauxTva, fraisDivers: l.fraisDivers, debours: l.debours, remise: l.remise })) });
  if (Either.isLeft(calcul)) throw new Error(`générateur : montants refusés ${calcul.left.message}`);
  const mj = montantsEnJson(calcul.right);
  const montants = {
    lignes: lignesSaisies.map((l, i) => ({ ligneId: l.id, ...(mj.lignes[i] ?? mj.lignes[0]) })),
    recapitulatifTva: mj.recapitulatifTva,
    ...mj.totaux,
  };
  const chemin = CHEMINS[etat];
  const envoye = chemin.some(([c]) => c === "memoire.valider-et-envoyer");
  const utilisateur = h.choisir(p.utilisateurs);
  const signataire = signataires(p.agents, h.choisir(p.agents), { structureId: structure.id, juridiction });
  const id = uuid(h);
  const tmp = `TMP${annee}${String(p.numero % 100_000_000).padStart(8, "0")}`;
  const numero = envoye ? `MJ${String(p.numero).padStart(10, "0")}` : tmp;
  // Instants of each step, a few days apart.
  const instants: Array<Date> = [creeLe];
  for (let i = 1; i < chemin.length; i += 1) instants.push(plusJours(instants[i - 1] ?? creeLe, h.entier(0, 20), h));
  const dernier = instants.at(-1) ?? creeLe;
  if (p.auPlusTard !== undefined && dernier.getTime() > p.auPlusTard.getTime() && p.auPlusTard.getTime() > creeLe.getTime()) {
    // The last step lands anywhere in the second two thirds of the time left (not all on the last day).
    const fin = creeLe.getTime() + (p.auPlusTard.getTime() - creeLe.getTime()) * (1 / 3 + (2 / 3) * h.suivant());
    const echelle = (fin - creeLe.getTime()) / (dernier.getTime() - creeLe.getTime());
    for (let i = 1; i < instants.length; i += 1) instants[i] = new Date(creeLe.getTime() + Math.floor(((instants[i] ?? creeLe).getTime() - creeLe.getTime()) * echelle));
  }
  const quand = (commande: string): string | undefined => {
    const i = chemin.findIndex(([c]) => c === commande);
    return i < 0 ? undefined : instants[i]?.toISOString();
  };
  const serviceId = structure.serviceIds !== undefined && structure.serviceIds.length > 0 && h.chance(0.5) ? h.choisir(structure.serviceIds) : undefined;
  const envoyeLe = quand("memoire.valider-et-envoyer");
  const refusLe = quand("memoire.refuser");
  const taxeLe = quand("memoire.taxer");
  const paiementLe = quand("memoire.mettre-en-paiement");
  const dupliqueEn = etat === "DUPLIQUE_POST_REFUS" ? uuid(h) : undefined;
  const taxation =
    taxeLe === undefined
      ? undefined
      : { lignes: montants.lignes.map((l) => ({ ligneId: l.ligneId, montantHtTaxe: l.montantHt })), motif: "Taxé conformément au tarif", magistratId: signataire("memoire.taxer"), le: taxeLe };
  // Drawn in this order (the seed's reproducibility depends on it).
  const texteReference = h.choisir(["Article R 92 CPP (procédure pénale)", "Article R 93 CPP", "Article R 92 CPP (procédure pénale)"]);
  const numeroFacture = h.chance(0.3) ? `F-${annee}-${h.entier(1, 9999)}` : undefined;
  const numeroEngagementJuridique = h.chance(0.2) ? `EJ${h.entier(1_000_000, 9_999_999)}` : undefined;
  const modeDepot = h.choisir(["SAISIE_WEB", "SAISIE_WEB", "SAISIE_WEB", "FLUX", "API"] as const);
  const encodee: MemoireEncodee = {
    id,
    numero,
    numeroProvisoire: tmp,
    etat,
    enTete: {
      juridiction: { ...juridiction },
      structureId: structure.id,
      ...(serviceId === undefined ? {} : { serviceId }),
      categoriePrestataire: structure.categorie,
      ...(structure.coordonneesId === undefined ? {} : { referenceCoordonneesBancaires: structure.coordonneesId }),
      devise: "EUR",
      texteReference,
      typeTva,
      ...(numeroFacture === undefined ? {} : { numeroFacture }),
      ...(numeroEngagementJuridique === undefined ? {} : { numeroEngagementJuridique }),
      modeDepot,
    },
    ...(modeDepot === "FLUX" ? { numeroLot: numeroLotDe(creeLe, structure.id) } : {}),
    lignes: lignesSaisies,
    piecesJointes: [],
    remiseGlobaleTtc: "0.00",
    attestationSurLHonneur: envoye,
    montants,
    ...(envoye ? { montantsDemandes: montants } : {}),
    montantModifie: false,
    creeLe: creeLe.toISOString(),
    creePar: { type: "UTILISATEUR", id: utilisateur },
    version: chemin.length,
    ...(envoyeLe === undefined ? {} : { envoyeLe }),
    ...(quand("memoire.transmettre") === undefined ? {} : { misADispositionLe: quand("memoire.transmettre") }),
    ...(quand("memoire.prendre-en-charge") === undefined ? {} : { agentEnCharge: signataire("memoire.prendre-en-charge") }),
    redressements: [],
    ...(quand("memoire.certifier") === undefined ? {} : { certifieLe: quand("memoire.certifier") }),
    ...(taxation === undefined ? {} : { taxation }),
    ...(refusLe === undefined ? {} : { refus: { motif: "PIECE_JOINTE_MANQUANTE", commentaire: "Réquisition absente", par: { type: "AGENT", id: signataire("memoire.refuser") }, le: refusLe } }),
    ...(quand("memoire.valider-paiement") === undefined ? {} : { valideLe: quand("memoire.valider-paiement") }),
    ...(paiementLe === undefined ? {} : { paiement: { date: paiementLe.slice(0, 10), reference: `PAY-${h.entier(100000, 999999)}` } }),
    ...(dupliqueEn === undefined ? {} : { dupliqueEn }),
    etatLe: instants[instants.length - 1]?.toISOString() ?? creeLe.toISOString(),
  } as unknown as MemoireEncodee;
  // A sent mémoire carries the empreinte of its certificat de dépôt, computed by core as when sending.
  const decode = decoderMemoire(encodee);
  const depose = decode.envoyeLe === undefined ? decode : { ...decode, empreinteDepot: empreinte(decode) };
  // About one taxed mémoire in two (by its id, already drawn: no draw of its own) is taxed below its request.
  const magistrat = taxeLe === undefined || Number.parseInt(id.slice(0, 1), 16) % 2 !== 0 ? undefined : signataire.decrit(signataire("memoire.taxer"));
  const memoire = (magistrat === undefined || taxeLe === undefined ? undefined : taxerEnDessous(depose, magistrat, new Date(taxeLe))) ?? depose;
  const demandes = totauxEncodes(depose.montants);
  // After a taxation below the request, the taxer step's amounts are the ordonnance's.
  const taxes = memoire === depose ? demandes : totauxEncodes(memoire.montants);
  const evenements: Array<EvenementMemoire> = chemin.map(([commande, de, vers], i) => {
    const agentSide = i > 1 && commande !== "memoire.abandonner" && commande !== "memoire.dupliquer";
    return decoderEvenement({
      id: uuid(h),
      memoireId: id,
      numero: i === 0 ? tmp : numero,
      commande,
      auteur: commande === "memoire.transmettre" ? { type: "SYSTEME", id: "systeme" } : agentSide ? { type: "AGENT", id: signataire(commande) } : { type: "UTILISATEUR", id: utilisateur },
      le: instants[i]?.toISOString(),
      de,
      vers,
      ...(commande === "memoire.refuser" ? { motif: "PIECE_JOINTE_MANQUANTE" } : {}),
      ...(commande === "memoire.taxer" ? { motif: memoire.taxation?.motif ?? "" } : {}),
      montantsAvant: demandes,
      montantsApres: commande === "memoire.taxer" ? taxes : demandes,
      details: commande === "memoire.valider-et-envoyer" ? { numeroProvisoire: tmp, empreinte: memoire.empreinteDepot ?? "" } : {},
    });
  });
  return { memoire, evenements };
};

/**
 * The generated mémoire with `pieces` attached as deposited: its certificat de dépôt's empreinte (and
 * the sending step of its history, which records it) covers them, as when a provider sends a mémoire
 * with its attachments.
 */
export const joindrePieces = (r: ResultatEcriture, pieces: Memoire["piecesJointes"]): ResultatEcriture => {
  if (pieces.length === 0) return r;
  const avec = { ...r.memoire, piecesJointes: [...r.memoire.piecesJointes, ...pieces] };
  const memoire = avec.envoyeLe === undefined ? avec : { ...avec, empreinteDepot: empreinte(avec) };
  const evenements = r.evenements.map((e) => (e.commande === "memoire.valider-et-envoyer" ? { ...e, details: { ...e.details, empreinte: memoire.empreinteDepot ?? "" } } : e));
  return { memoire, evenements };
};

/** A template's catégorie is not the structure's: the copy would bill services its prestataire does not provide. */
export class ModeleIncompatible extends Error {
  override readonly name = "ModeleIncompatible";
}

/**
 * A fast variant for large datasets: copies a generated mémoire (a template) under a new id, numbers
 * and structure, with fresh line and event ids. The template must be of the structure's catégorie
 * (`ModeleIncompatible` otherwise); the copy takes the structure's bank details, one of its services
 * (or none) and its own lot number. Still a valid aggregate (same Schema values), at a fraction of
 * the cost of decoding a new one. A bare structure id stands for a structure of the template's
 * catégorie without services nor bank details.
 */
export const clonerMemoire = (h: Hasard, modele: ResultatEcriture, numero: number, cible: StructureGeneration | string): ResultatEcriture => {
  const m = modele.memoire;
  const structure = typeof cible === "string" ? { id: cible, categorie: m.enTete.categoriePrestataire ?? "" } : cible;
  if (m.enTete.categoriePrestataire !== structure.categorie)
    throw new ModeleIncompatible(`modèle de catégorie ${m.enTete.categoriePrestataire ?? "(aucune)"} copié sur ${structure.id} (${structure.categorie})`);
  const structureId = structure.id;
  const { serviceId: _service, referenceCoordonneesBancaires: _coordonnees, ...enTeteCommun } = m.enTete;
  const serviceId = m.enTete.serviceId !== undefined && structure.serviceIds !== undefined && structure.serviceIds.length > 0 ? h.choisir(structure.serviceIds) : undefined;
  const enTete = {
    ...enTeteCommun,
    structureId,
    ...(serviceId === undefined ? {} : { serviceId }),
    ...(structure.coordonneesId === undefined ? {} : { referenceCoordonneesBancaires: structure.coordonneesId }),
  };
  const id = uuid(h);
  const annee = m.creeLe.getUTCFullYear();
  const tmp = `TMP${annee}${String(numero % 100_000_000).padStart(8, "0")}` as typeof m.numeroProvisoire;
  const numeroCourant = (m.numero.startsWith("MJ") ? `MJ${String(numero).padStart(10, "0")}` : tmp) as typeof m.numero;
  const idsLignes = new Map(m.lignes.map((l) => [l.id, uuid(h)]));
  const nouvelId = (ancien: string) => idsLignes.get(ancien) ?? ancien;
  const copie: Memoire = {
    ...m,
    id,
    numero: numeroCourant,
    numeroProvisoire: tmp,
    enTete,
    ...(m.numeroLot === undefined ? {} : { numeroLot: numeroLotDe(m.creeLe, structureId) }),
    lignes: m.lignes.map((l) => ({ ...l, id: nouvelId(l.id) })),
    montants: { ...m.montants, lignes: m.montants.lignes.map((l) => ({ ...l, ligneId: nouvelId(l.ligneId) })) },
    ...(m.montantsDemandes === undefined ? {} : { montantsDemandes: { ...m.montantsDemandes, lignes: m.montantsDemandes.lignes.map((l) => ({ ...l, ligneId: nouvelId(l.ligneId) })) } }),
    ...(m.taxation === undefined ? {} : { taxation: { ...m.taxation, lignes: m.taxation.lignes.map((l) => ({ ...l, ligneId: nouvelId(l.ligneId) })) } }),
    ...(m.dupliqueEn === undefined ? {} : { dupliqueEn: uuid(h) }),
  };
  // The copy is another mémoire: its own certificat de dépôt.
  const memoire = copie.envoyeLe === undefined ? copie : { ...copie, empreinteDepot: empreinte(copie) };
  const evenements = modele.evenements.map((e, i) => ({
    ...e,
    id: uuid(h),
    memoireId: id,
    numero: i === 0 ? tmp : numeroCourant,
    ...(e.details["numeroProvisoire"] === undefined ? {} : { details: { numeroProvisoire: tmp, empreinte: memoire.empreinteDepot ?? "" } }),
  }));
  return { memoire, evenements };
};
