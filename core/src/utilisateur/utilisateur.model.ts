import { Data, Schema } from "effect";

/**
 * [decision] The whole address is lower-cased, local part included: the e-mail is the user's
 * identity (seed 001: "identifié de manière unique par son adresse électronique"), and two accounts
 * differing only by case would be a trap; mail providers treat local parts without case in practice.
 */
export const normaliserEmail = (saisie: string): string => saisie.trim().toLowerCase();

const ATOME = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Why a normalised e-mail address is refused, or `undefined`. Accepted: dot-atom local part of at
 * most 64 characters (RFC 5322 §3.2.3, no quoted strings), a domain of at least two DNS labels
 * (punycode for internationalised names, no IP literal), a top-level label of letters (or `xn--`),
 * 254 characters at most (RFC 5321 §4.5.3).
 */
export const raisonEmailInvalide = (email: string): string | undefined => {
  if (email.length === 0) return "l'adresse électronique est obligatoire";
  if (email.length > 254) return "l'adresse électronique comporte au plus 254 caractères";
  const arobase = email.lastIndexOf("@");
  if (arobase <= 0 || arobase === email.length - 1) return "l'adresse électronique a la forme nom@domaine.fr";
  const locale = email.slice(0, arobase);
  const domaine = email.slice(arobase + 1);
  if (locale.length > 64) return "la partie avant @ comporte au plus 64 caractères";
  if (!locale.split(".").every((a) => ATOME.test(a))) return "caractère ou point mal placé avant @";
  const labels = domaine.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return "nom de domaine invalide";
  const tld = labels[labels.length - 1] ?? "";
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return "extension de domaine invalide";
  return undefined;
};

/** An e-mail address as typed: trimmed, lower-cased, then checked ({@link raisonEmailInvalide}). */
export const EmailSchema = Schema.transform(Schema.String, Schema.String, { strict: true, decode: normaliserEmail, encode: (s) => s }).pipe(
  Schema.filter((e) => raisonEmailInvalide(e) ?? true),
);

const texte = (max: number) =>
  Schema.Trim.pipe(
    Schema.minLength(1, { message: () => "obligatoire" }),
    Schema.maxLength(max, { message: () => `au plus ${max} caractères` }),
  );

/** Input of `creerUtilisateur`: e-mail, nom, prénom. */
export const CreerUtilisateurSchema = Schema.Struct({ email: EmailSchema, nom: texte(100), prenom: texte(100) });
/** Input as typed (encoded form) of {@link CreerUtilisateurSchema}. */
export type CreerUtilisateur = typeof CreerUtilisateurSchema.Encoded;

/** Account lifecycle: created and waiting for its activation link, then active. */
export type StatutUtilisateur = "EN_ATTENTE_ACTIVATION" | "ACTIF";

/** A pending activation: the secret of the link sent by e-mail and its expiry. */
export interface Activation {
  readonly jeton: string;
  readonly expireLe: Date;
}

/**
 * A user of the prestataire side: a natural person identified by their e-mail (seed 001). The
 * password is never seen by core after the policy check: adapters hash it and core keeps the
 * opaque `hashMotDePasse` they give.
 */
export interface Utilisateur {
  readonly id: string;
  readonly email: string;
  readonly nom: string;
  readonly prenom: string;
  readonly statut: StatutUtilisateur;
  /** Present while the account waits for activation. */
  readonly activation?: Activation;
  readonly hashMotDePasse?: string;
  /** When the current password was chosen: its expiry counts from there. */
  readonly motDePasseModifieLe?: Date;
  /** Consecutive failed logins since the last success or lock. */
  readonly echecsConnexion: number;
  /** Locked until this instant (excluded). */
  readonly verrouilleJusquA?: Date;
  readonly dateCreation: Date;
}

/** Password policy (seed 002): at least 12 characters and 3 of the 4 groups. */
export interface ReglesMotDePasse {
  readonly longueurMinimale: number;
  readonly groupesMinimum: number;
}

/** Account rules, passed as data so that they can change without code. */
export interface ReglesCompte {
  /** Validity of the activation link, in hours. [decision] 72 h. */
  readonly dureeValiditeActivationHeures: number;
  /** Validity of a password, in days. [decision] 180 days (seed 002 shows "expire dans 167 jour(s)"). */
  readonly dureeValiditeMotDePasseJours: number;
  /** Consecutive failures that lock the account (public FAQ of the portal: 5). */
  readonly echecsAvantVerrouillage: number;
  /** Duration of the lock, in minutes (public FAQ: one hour). */
  readonly dureeVerrouillageMinutes: number;
  readonly motDePasse: ReglesMotDePasse;
}

/** The rules of the national portal. */
export const REGLES_COMPTE: ReglesCompte = {
  dureeValiditeActivationHeures: 72,
  dureeValiditeMotDePasseJours: 180,
  echecsAvantVerrouillage: 5,
  dureeVerrouillageMinutes: 60,
  motDePasse: { longueurMinimale: 12, groupesMinimum: 3 },
};

/** Events of the user account: the audit trail (never a password, a hash or a token). */
export type EvenementUtilisateur = Data.TaggedEnum<{
  UtilisateurCree: { readonly utilisateurId: string; readonly email: string; readonly date: Date };
  LienActivationEmis: { readonly utilisateurId: string; readonly expireLe: Date; readonly date: Date };
  CompteActive: { readonly utilisateurId: string; readonly date: Date };
  MotDePasseChange: { readonly utilisateurId: string; readonly date: Date };
  ConnexionEchouee: { readonly utilisateurId: string; readonly echecsConsecutifs: number; readonly date: Date };
  CompteVerrouille: { readonly utilisateurId: string; readonly jusqua: Date; readonly date: Date };
  ConnexionReussie: { readonly utilisateurId: string; readonly date: Date };
}>;
/** Constructors and matchers of {@link EvenementUtilisateur}. */
export const EvenementUtilisateur = Data.taggedEnum<EvenementUtilisateur>();
