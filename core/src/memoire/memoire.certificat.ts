import { BigDecimal, Data, Either } from "effect";
import { decimalCanonique, montantCanonique, serialiserCanonique, sha256Base64, type ValeurCanonique } from "./memoire.canonique.js";
import type { LignePrestation, Memoire, MontantsMemoire, PieceJointe } from "./memoire.model.js";

/** Version of the canonical form hashed into the empreinte; written in the form itself (`"v":"v1"`). */
export const VERSION_FORME_CANONIQUE = "v1";

// ---------------------------------------------------------------------------------------------------
// Canonical form v1 (docs/certificat.md is the normative description; keep both in step)

const optionnel = (valeur: string | undefined): ValeurCanonique => valeur ?? null;

const instant = (date: Date | undefined): ValeurCanonique => (date === undefined ? null : date.toISOString());

/**
 * The mémoire as it was sent: a redressement overwrites quantité and tarif HT of a line but keeps the
 * values before it (`quantiteAvant`, `tarifHtAvant`); the earliest redressement of a line holds the
 * values the prestataire sent.
 */
const ligneDeposee = (ligne: LignePrestation, memoire: Memoire): LignePrestation => {
  const premier = memoire.redressements.find((r) => r.ligneId === ligne.id);
  return premier === undefined ? ligne : { ...ligne, quantite: premier.quantiteAvant, tarifHt: premier.tarifHtAvant };
};

/** The amounts as requested at sending: `montantsDemandes` once the court changed them, else the current ones. */
export const montantsDeposes = (memoire: Memoire): MontantsMemoire => memoire.montantsDemandes ?? memoire.montants;

const formeLigne = (ligne: LignePrestation): ValeurCanonique => ({
  id: ligne.id,
  numeroAffaire: ligne.numeroAffaire,
  dateRequisition: ligne.dateRequisition,
  autoriteRequerante: ligne.autoriteRequerante,
  typePrestation: ligne.typePrestation,
  datePrestation: ligne.datePrestation,
  debut: optionnel(ligne.debut),
  fin: optionnel(ligne.fin),
  quantite: decimalCanonique(ligne.quantite),
  tarifHt: decimalCanonique(ligne.tarifHt),
  tauxTva: decimalCanonique(ligne.tauxTva),
  fraisDivers: montantCanonique(ligne.fraisDivers),
  debours: montantCanonique(ligne.debours),
  remise: montantCanonique(ligne.remise),
});

const formePieceJointe = (piece: PieceJointe): ValeurCanonique => ({
  id: piece.id,
  ligneId: optionnel(piece.ligneId),
  designation: piece.designation,
  type: piece.type,
  nomFichier: piece.nomFichier,
  typeContenu: piece.typeContenu,
  taille: String(piece.taille),
  empreinte: piece.empreinte,
  origine: piece.origine,
});

const formeMontants = (m: MontantsMemoire): ValeurCanonique => ({
  lignes: m.lignes.map((l) => ({
    ligneId: l.ligneId,
    montantPrestationHt: montantCanonique(l.montantPrestationHt),
    montantHt: montantCanonique(l.montantHt),
    montantTva: montantCanonique(l.montantTva),
    montantTtc: montantCanonique(l.montantTtc),
  })),
  recapitulatifTva: m.recapitulatifTva.map((r) => ({
    tauxTva: decimalCanonique(r.tauxTva),
    baseHt: montantCanonique(r.baseHt),
    montantTva: montantCanonique(r.montantTva),
  })),
  montantHt: montantCanonique(m.montantHt),
  montantTva: montantCanonique(m.montantTva),
  montantDebours: montantCanonique(m.montantDebours),
  montantTtcAvantRemiseGlobale: montantCanonique(m.montantTtcAvantRemiseGlobale),
  montantRemiseGlobaleTtc: montantCanonique(m.montantRemiseGlobaleTtc),
  montantTtc: montantCanonique(m.montantTtc),
});

// Attachments form a set: sorted by id so that the order an adapter reloads them in does not matter.
// Lines keep their order: it is their numbering on the mémoire (N° 1, N° 2...).
const parId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The canonical form v1 of a mémoire as sent: what the prestataire attested on their honour, and
 * nothing the court side records afterwards (état, dates of the later steps, redressements,
 * taxation, refus, paiement), so that the empreinte stays verifiable for the mémoire's whole life.
 */
export const formeCanonique = (memoire: Memoire): ValeurCanonique => {
  const e = memoire.enTete;
  return {
    v: VERSION_FORME_CANONIQUE,
    id: memoire.id,
    numero: memoire.numero,
    numeroProvisoire: memoire.numeroProvisoire,
    dateDepot: instant(memoire.envoyeLe),
    duplicataDe: optionnel(memoire.duplicataDe),
    attestationSurLHonneur: memoire.attestationSurLHonneur,
    enTete: {
      juridiction: { code: e.juridiction.code, libelle: e.juridiction.libelle, courAppel: e.juridiction.courAppel },
      structureId: e.structureId,
      serviceId: optionnel(e.serviceId),
      categoriePrestataire: optionnel(e.categoriePrestataire),
      referenceCoordonneesBancaires: optionnel(e.referenceCoordonneesBancaires),
      devise: e.devise,
      texteReference: optionnel(e.texteReference),
      typeTva: optionnel(e.typeTva),
      numeroFacture: optionnel(e.numeroFacture),
      numeroEngagementJuridique: optionnel(e.numeroEngagementJuridique),
      modeDepot: e.modeDepot,
    },
    lignes: memoire.lignes.map((l) => formeLigne(ligneDeposee(l, memoire))),
    piecesJointes: [...memoire.piecesJointes].sort(parId).map(formePieceJointe),
    remiseGlobaleTtc: montantCanonique(memoire.remiseGlobaleTtc),
    montants: formeMontants(montantsDeposes(memoire)),
  };
};

/** The canonical serialisation v1: the canonical form written as RFC 8785 JSON (UTF-8, sorted keys, no whitespace). */
export const serialisationCanonique = (memoire: Memoire): string => serialiserCanonique(formeCanonique(memoire));

/** The empreinte of a mémoire: SHA-256 of its canonical serialisation v1, in base64 (44 characters). */
export const empreinte = (memoire: Memoire): string => sha256Base64(serialisationCanonique(memoire));

// ---------------------------------------------------------------------------------------------------
// The certificat de dépôt

/** The prestataire as printed on the certificate (seed 001: "31486913200048 - COMPAGNIE FINANCIERE PRIVEE"). */
export interface PrestataireCertificat {
  readonly structureId: string;
  /** Identifier of the structure (SIRET, PARTICULIER...) as printed. */
  readonly identifiant: string;
  readonly raisonSociale: string;
}

/**
 * The amounts of the certificate, those of the seed's "Récapitulatif". `montantHtApresRemiseGlobale`
 * is what remains once VAT is taken off the TTC total: `montantTtc − montantTva`
 * (= montantHt + montantDebours − montantRemiseGlobaleTtc); seed 001: 5 816,00 + 729,08 = 6 545,08.
 */
export interface MontantsCertificat {
  readonly montantHtApresRemiseGlobale: BigDecimal.BigDecimal;
  readonly montantTva: BigDecimal.BigDecimal;
  readonly montantRemiseGlobaleTtc: BigDecimal.BigDecimal;
  readonly montantTtcAvantRemiseGlobale: BigDecimal.BigDecimal;
  readonly montantTtc: BigDecimal.BigDecimal;
}

/** The certificat de dépôt handed to the prestataire when a mémoire is sent (DOMAIN.md §3 "Sending"; seed 001). */
export interface Certificat {
  /** Version of the canonical form the empreinte was computed on. */
  readonly version: string;
  readonly numero: string;
  readonly dateDepot: Date;
  readonly prestataire: PrestataireCertificat;
  readonly juridiction: { readonly code: string; readonly libelle: string };
  readonly montants: MontantsCertificat;
  /** SHA-256 of the canonical serialisation, base64 (44 characters). */
  readonly empreinte: string;
}

/** What {@link produireCertificat} needs beyond the mémoire: the instant of the dépôt and the prestataire's names. */
export interface OptionsCertificat {
  /** Instant of the dépôt; it is the `envoyeLe` of the mémoire (and replaces it in the empreinte). */
  readonly dateDepot: Date;
  readonly prestataire: { readonly identifiant: string; readonly raisonSociale: string };
}

/** The certificate's amounts, computed from the amounts requested at sending. */
export const montantsCertificat = (memoire: Memoire): MontantsCertificat => {
  const m = montantsDeposes(memoire);
  return {
    montantHtApresRemiseGlobale: BigDecimal.subtract(m.montantTtc, m.montantTva),
    montantTva: m.montantTva,
    montantRemiseGlobaleTtc: m.montantRemiseGlobaleTtc,
    montantTtcAvantRemiseGlobale: m.montantTtcAvantRemiseGlobale,
    montantTtc: m.montantTtc,
  };
};

/**
 * Produces the certificat de dépôt of a mémoire numbered `MJ...` (call it once the MJ number is
 * given). The empreinte is computed with `envoyeLe = dateDepot`. A draft still numbered `TMP...` is a
 * caller bug and throws.
 */
export const produireCertificat = (memoire: Memoire, options: OptionsCertificat): Certificat => {
  if (!memoire.numero.startsWith("MJ")) {
    throw new Error(`certificat de dépôt demandé pour ${memoire.numero}, qui n'a pas encore de numéro MJ`);
  }
  const depose: Memoire = { ...memoire, envoyeLe: options.dateDepot };
  const j = memoire.enTete.juridiction;
  return {
    version: VERSION_FORME_CANONIQUE,
    numero: memoire.numero,
    dateDepot: options.dateDepot,
    prestataire: { structureId: memoire.enTete.structureId, ...options.prestataire },
    juridiction: { code: j.code, libelle: j.libelle },
    montants: montantsCertificat(depose),
    empreinte: empreinte(depose),
  };
};

/** One difference between a certificate and the mémoire it claims to certify. */
export interface EcartCertificat {
  /** The certificate field that differs: `empreinte`, `numero`, `montants.montantTtc`... */
  readonly champ: string;
  /** The value computed from the mémoire. */
  readonly attendu: string;
  /** The value written on the certificate. */
  readonly trouve: string;
}

/** The certificate matches the mémoire: same empreinte, number, date, prestataire, juridiction and amounts. */
export class CertificatValide extends Data.TaggedClass("CertificatValide")<{
  readonly numero: string;
  readonly empreinte: string;
}> {}

/** The certificate does not match the mémoire; every differing field is listed with both values. */
export class CertificatInvalide extends Data.TaggedError("CertificatInvalide")<{
  readonly numero: string;
  readonly ecarts: ReadonlyArray<EcartCertificat>;
}> {
  override get message(): string {
    return `le certificat ne correspond pas au mémoire ${this.numero} : ${this.ecarts
      .map((e) => `${e.champ} (mémoire : ${e.attendu} ; certificat : ${e.trouve})`)
      .join(" ; ")}`;
  }
}

const CHAMPS_MONTANTS: ReadonlyArray<keyof MontantsCertificat> = [
  "montantHtApresRemiseGlobale",
  "montantTva",
  "montantRemiseGlobaleTtc",
  "montantTtcAvantRemiseGlobale",
  "montantTtc",
];

/**
 * Checks a certificat de dépôt against a mémoire (as sent, or at any later step of its life): the
 * empreinte is recomputed, and the number, date de dépôt, structure, juridiction and amounts compared.
 * `Left` lists every difference.
 */
export const verifierCertificat = (memoire: Memoire, certificat: Certificat): Either.Either<CertificatValide, CertificatInvalide> => {
  const ecarts: Array<EcartCertificat> = [];
  const comparer = (champ: string, attendu: string, trouve: string): void => {
    if (attendu !== trouve) ecarts.push({ champ, attendu, trouve });
  };
  comparer("version", VERSION_FORME_CANONIQUE, certificat.version);
  comparer("empreinte", empreinte(memoire), certificat.empreinte);
  comparer("numero", memoire.numero, certificat.numero);
  comparer("dateDepot", memoire.envoyeLe?.toISOString() ?? "(non envoyé)", certificat.dateDepot.toISOString());
  comparer("prestataire.structureId", memoire.enTete.structureId, certificat.prestataire.structureId);
  comparer("juridiction.code", memoire.enTete.juridiction.code, certificat.juridiction.code);
  comparer("juridiction.libelle", memoire.enTete.juridiction.libelle, certificat.juridiction.libelle);
  const montants = montantsCertificat(memoire);
  for (const champ of CHAMPS_MONTANTS) {
    if (!BigDecimal.equals(montants[champ], certificat.montants[champ])) {
      ecarts.push({ champ: `montants.${champ}`, attendu: montantCanonique(montants[champ]), trouve: BigDecimal.format(certificat.montants[champ]) });
    }
  }
  return ecarts.length === 0
    ? Either.right(new CertificatValide({ numero: certificat.numero, empreinte: certificat.empreinte }))
    : Either.left(new CertificatInvalide({ numero: certificat.numero, ecarts }));
};
