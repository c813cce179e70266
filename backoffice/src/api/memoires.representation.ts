import {
  EvenementMemoire,
  evenementsPossibles,
  Memoire,
  statutVisible,
  type Certificat,
  type Memoire as MemoireType,
} from "@frais-justice/core/memoire";
import { Option, Schema } from "effect";
import type { Authentifie } from "./acteur.js";

/**
 * The JSON of the mémoires: core's Schema encoding (decimal strings, ISO instants), with the status the
 * prestataire sees and the commands the caller may send now; the certificat de dépôt with its amounts
 * as decimal strings.
 */

const encoderMemoire = Schema.encodeSync(Memoire);
const encoderEvenement = Schema.encodeSync(EvenementMemoire);

/** The API's names of core's commands (`actionsPossibles`). */
export const ACTIONS_API: Readonly<Record<string, string>> = {
  "memoire.modifier-en-tete": "modifier-en-tete",
  "memoire.ajouter-ligne": "ajouter-ligne",
  "memoire.modifier-ligne": "modifier-ligne",
  "memoire.supprimer-ligne": "supprimer-ligne",
  "memoire.joindre-piece": "joindre-piece",
  "memoire.detacher-piece": "detacher-piece",
  "memoire.modifier-remise-globale": "modifier-remise-globale",
  "memoire.supprimer": "supprimer",
  "memoire.valider-et-envoyer": "valider-et-envoyer",
  "memoire.abandonner": "abandonner",
  "memoire.dupliquer": "dupliquer",
};

/** A mémoire as the API returns it. */
export const representerMemoire = (m: MemoireType, a: Authentifie, maintenant: Date) => ({
  ...encoderMemoire(m),
  statutVisible: Option.getOrNull(statutVisible(m.etat)),
  actionsPossibles: evenementsPossibles(m, { acteur: a.acteur, maintenant, espacesOuverts: a.espacesOuverts.get(m.enTete.structureId) ?? [] })
    .map((c) => ACTIONS_API[c])
    .filter((c): c is string => c !== undefined),
});

/** An audit event as the API returns it. */
export const representerEvenement = (e: EvenementMemoire) => encoderEvenement(e);

/** The certificat de dépôt as JSON (and as read back by the verification). */
export const CertificatJson = Schema.Struct({
  version: Schema.String,
  numero: Schema.String,
  dateDepot: Schema.Date,
  prestataire: Schema.Struct({ structureId: Schema.String, identifiant: Schema.String, raisonSociale: Schema.String }),
  juridiction: Schema.Struct({ code: Schema.String, libelle: Schema.String }),
  montants: Schema.Struct({
    montantHtApresRemiseGlobale: Schema.BigDecimal,
    montantTva: Schema.BigDecimal,
    montantRemiseGlobaleTtc: Schema.BigDecimal,
    montantTtcAvantRemiseGlobale: Schema.BigDecimal,
    montantTtc: Schema.BigDecimal,
  }),
  empreinte: Schema.String,
});

const encoderCertificatBrut = Schema.encodeSync(CertificatJson);

/** Amounts with exactly two decimals, as printed on the certificate. */
const deuxDecimales = (s: string): string => {
  const [e = "0", d = ""] = s.split(".");
  return `${e}.${(d + "00").slice(0, 2)}`;
};

/** The certificate as the API returns it. */
export const representerCertificat = (c: Certificat) => {
  const brut = encoderCertificatBrut(c);
  return {
    ...brut,
    montants: Object.fromEntries(Object.entries(brut.montants).map(([k, v]) => [k, deuxDecimales(v)])) as typeof brut.montants,
  };
};
