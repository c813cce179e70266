import { Either, Option, Schema } from "effect";
import { depuisParseError, type Contexte, type SaisieInvalide } from "../shared/index.js";
import {
  CompteVerrouille,
  JetonActivationInvalide,
  LienActivationExpire,
  MotDePasseExpire,
  MotDePasseNonConforme,
  StatutCompteIncompatible,
} from "./utilisateur.errors.js";
import { CreerUtilisateurSchema, EvenementUtilisateur, REGLES_COMPTE, type CreerUtilisateur, type ReglesCompte, type Utilisateur } from "./utilisateur.model.js";
import { verifierMotDePasse } from "./utilisateur.mot-de-passe.js";

const HEURE_MS = 3_600_000;
const JOUR_MS = 24 * HEURE_MS;
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

/** What a successful account command returns: the new state and the events to record. */
export interface ResultatUtilisateur {
  readonly state: Utilisateur;
  readonly events: ReadonlyArray<EvenementUtilisateur>;
}

/** Compares two secrets in time independent of where they differ. */
const memesSecrets = (a: string, b: string): boolean => {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return difference === 0;
};

const decoder =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all" })(entree), (e) => depuisParseError(e));

const NonVide = Schema.String.annotations({ message: () => ({ message: "texte attendu", override: true }) }).pipe(
  Schema.minLength(1, { message: () => "obligatoire" }),
);
/** The clear password is never echoed in an error: only its type is checked here, the policy comes after. */
const MotDePasseSaisi = Schema.String.annotations({ message: () => ({ message: "texte attendu", override: true }) });

/** Input of {@link changerMotDePasse}: the clear password (policy check only) and the adapter's hash of it (stored). */
export const NouveauMotDePasseSchema = Schema.Struct({ motDePasse: MotDePasseSaisi, hashMotDePasse: NonVide });
/** Input of {@link activerCompte}: the secret of the activation link and the first password. */
export const ActiverCompteSchema = Schema.Struct({ jeton: NonVide, motDePasse: MotDePasseSaisi, hashMotDePasse: NonVide });

/** An optional secret given by the adapter must not be empty. */
const SecretOptionnel = Schema.Struct({ secretActivation: Schema.optionalWith(NonVide, { exact: true }) });

const jetonOuGenere = (secret: string | undefined, contexte: Contexte): string => secret ?? contexte.genererId();

/**
 * Creates an account waiting for activation and issues its activation link: the token is the given
 * `secretActivation` (an adapter's random secret) or else `contexte.genererId()`; it expires after
 * `regles.dureeValiditeActivationHeures`. The token is in the state (for the e-mail), never in the events.
 */
export const creerUtilisateur = (
  commande: { readonly donnees: CreerUtilisateur; readonly secretActivation?: string },
  contexte: Contexte,
  regles: ReglesCompte = REGLES_COMPTE,
): Either.Either<ResultatUtilisateur, SaisieInvalide> =>
  Either.gen(function* () {
    const d = yield* decoder(CreerUtilisateurSchema)(commande.donnees);
    const { secretActivation } = yield* decoder(SecretOptionnel)(commande.secretActivation === undefined ? {} : { secretActivation: commande.secretActivation });
    const id = contexte.genererId();
    const expireLe = plus(contexte.maintenant, regles.dureeValiditeActivationHeures * HEURE_MS);
    const utilisateur: Utilisateur = {
      id,
      email: d.email,
      nom: d.nom,
      prenom: d.prenom,
      statut: "EN_ATTENTE_ACTIVATION",
      activation: { jeton: jetonOuGenere(secretActivation, contexte), expireLe },
      echecsConnexion: 0,
      dateCreation: contexte.maintenant,
    };
    return {
      state: utilisateur,
      events: [
        EvenementUtilisateur.UtilisateurCree({ utilisateurId: id, email: d.email, date: contexte.maintenant }),
        EvenementUtilisateur.LienActivationEmis({ utilisateurId: id, expireLe, date: contexte.maintenant }),
      ],
    };
  });

const exigerStatut = (u: Utilisateur, attendu: Utilisateur["statut"]): Either.Either<Utilisateur, StatutCompteIncompatible> =>
  u.statut === attendu ? Either.right(u) : Either.left(new StatutCompteIncompatible({ utilisateurId: u.id, statut: u.statut, attendu }));

/** Issues a new activation link (the previous one stops working), for an account still waiting for activation. */
export const emettreLienActivation = (
  utilisateur: Utilisateur,
  commande: { readonly secretActivation?: string },
  contexte: Contexte,
  regles: ReglesCompte = REGLES_COMPTE,
): Either.Either<ResultatUtilisateur, StatutCompteIncompatible | SaisieInvalide> =>
  Either.gen(function* () {
    yield* exigerStatut(utilisateur, "EN_ATTENTE_ACTIVATION");
    const { secretActivation } = yield* decoder(SecretOptionnel)(commande.secretActivation === undefined ? {} : { secretActivation: commande.secretActivation });
    const expireLe = plus(contexte.maintenant, regles.dureeValiditeActivationHeures * HEURE_MS);
    return {
      state: { ...utilisateur, activation: { jeton: jetonOuGenere(secretActivation, contexte), expireLe } },
      events: [EvenementUtilisateur.LienActivationEmis({ utilisateurId: utilisateur.id, expireLe, date: contexte.maintenant })],
    };
  });

/** A password chosen by the user: the clear text, for the policy check only, and the adapter's hash of it, stored. */
export type NouveauMotDePasse = typeof NouveauMotDePasseSchema.Encoded;
/** Input as typed (encoded form) of {@link ActiverCompteSchema}. */
export type ActiverCompte = typeof ActiverCompteSchema.Encoded;

const motDePasseConforme = (m: { readonly motDePasse: string; readonly hashMotDePasse: string }, regles: ReglesCompte): Either.Either<string, MotDePasseNonConforme> => {
  const nonRespectees = verifierMotDePasse(m.motDePasse, regles.motDePasse);
  return nonRespectees.length > 0 ? Either.left(new MotDePasseNonConforme({ reglesNonRespectees: nonRespectees })) : Either.right(m.hashMotDePasse);
};

/**
 * Activates the account through its link (token checked against the clock: valid strictly before
 * `expireLe`) and sets the first password (policy checked). Seed 002 / 004: "cliquer sur le lien
 * d'activation ... puis choisir son mot de passe".
 */
export const activerCompte = (
  utilisateur: Utilisateur,
  commande: ActiverCompte,
  contexte: Contexte,
  regles: ReglesCompte = REGLES_COMPTE,
): Either.Either<
  ResultatUtilisateur,
  StatutCompteIncompatible | JetonActivationInvalide | LienActivationExpire | MotDePasseNonConforme | SaisieInvalide
> =>
  Either.gen(function* () {
    const d = yield* decoder(ActiverCompteSchema)(commande);
    yield* exigerStatut(utilisateur, "EN_ATTENTE_ACTIVATION");
    const activation = utilisateur.activation;
    if (activation === undefined || !memesSecrets(activation.jeton, d.jeton)) {
      return yield* Either.left(new JetonActivationInvalide({ utilisateurId: utilisateur.id }));
    }
    if (contexte.maintenant.getTime() >= activation.expireLe.getTime()) {
      return yield* Either.left(new LienActivationExpire({ utilisateurId: utilisateur.id, expireLe: activation.expireLe }));
    }
    const hashMotDePasse = yield* motDePasseConforme(d, regles);
    const { activation: _jeton, ...reste } = utilisateur;
    return {
      state: { ...reste, statut: "ACTIF", hashMotDePasse, motDePasseModifieLe: contexte.maintenant, echecsConnexion: 0 },
      events: [EvenementUtilisateur.CompteActive({ utilisateurId: utilisateur.id, date: contexte.maintenant })],
    };
  });

/**
 * Sets a new password on an active account (the adapter has checked the current one): policy
 * checked, the 180-day validity starts again, the failure counter is reset. Refused while locked.
 */
export const changerMotDePasse = (
  utilisateur: Utilisateur,
  commande: NouveauMotDePasse,
  contexte: Contexte,
  regles: ReglesCompte = REGLES_COMPTE,
): Either.Either<ResultatUtilisateur, StatutCompteIncompatible | CompteVerrouille | MotDePasseNonConforme | SaisieInvalide> =>
  Either.gen(function* () {
    const d = yield* decoder(NouveauMotDePasseSchema)(commande);
    yield* exigerStatut(utilisateur, "ACTIF");
    yield* nonVerrouille(utilisateur, contexte.maintenant);
    const hashMotDePasse = yield* motDePasseConforme(d, regles);
    const { verrouilleJusquA: _v, ...reste } = utilisateur;
    return {
      state: { ...reste, hashMotDePasse, motDePasseModifieLe: contexte.maintenant, echecsConnexion: 0 },
      events: [EvenementUtilisateur.MotDePasseChange({ utilisateurId: utilisateur.id, date: contexte.maintenant })],
    };
  });

/** `true` while the account is locked at `maintenant` (the lock ends at `verrouilleJusquA`, excluded). */
export const estVerrouille = (utilisateur: Utilisateur, maintenant: Date): boolean =>
  utilisateur.verrouilleJusquA !== undefined && maintenant.getTime() < utilisateur.verrouilleJusquA.getTime();

const nonVerrouille = (u: Utilisateur, maintenant: Date): Either.Either<Utilisateur, CompteVerrouille> =>
  estVerrouille(u, maintenant) && u.verrouilleJusquA !== undefined
    ? Either.left(new CompteVerrouille({ utilisateurId: u.id, jusqua: u.verrouilleJusquA }))
    : Either.right(u);

/**
 * Records a failed login (wrong password). At the `echecsAvantVerrouillage`-th consecutive failure
 * (5) the account is locked for `dureeVerrouillageMinutes` (1 hour) and the counter starts again.
 * While locked, the attempt is refused with `CompteVerrouille` and not counted.
 */
export const enregistrerEchecConnexion = (
  utilisateur: Utilisateur,
  contexte: Contexte,
  regles: ReglesCompte = REGLES_COMPTE,
): Either.Either<ResultatUtilisateur, CompteVerrouille> =>
  Either.gen(function* () {
    yield* nonVerrouille(utilisateur, contexte.maintenant);
    const echecs = utilisateur.echecsConnexion + 1;
    const echec = EvenementUtilisateur.ConnexionEchouee({ utilisateurId: utilisateur.id, echecsConsecutifs: echecs, date: contexte.maintenant });
    if (echecs < regles.echecsAvantVerrouillage) {
      return { state: { ...utilisateur, echecsConnexion: echecs }, events: [echec] };
    }
    const jusqua = plus(contexte.maintenant, regles.dureeVerrouillageMinutes * 60_000);
    return {
      state: { ...utilisateur, echecsConnexion: 0, verrouilleJusquA: jusqua },
      events: [echec, EvenementUtilisateur.CompteVerrouille({ utilisateurId: utilisateur.id, jusqua, date: contexte.maintenant })],
    };
  });

/** When the current password expires; none when no password was ever set. */
export const expirationMotDePasse = (utilisateur: Utilisateur, regles: ReglesCompte = REGLES_COMPTE): Option.Option<Date> =>
  Option.map(Option.fromNullable(utilisateur.motDePasseModifieLe), (d) => plus(d, regles.dureeValiditeMotDePasseJours * JOUR_MS));

/**
 * Whole days before the password expires, as the portal shows it ("Votre mot de passe expire dans
 * 167 jour(s)"): the remaining time rounded down to whole days, 0 once expired; none without password.
 */
export const joursAvantExpiration = (utilisateur: Utilisateur, maintenant: Date, regles: ReglesCompte = REGLES_COMPTE): Option.Option<number> =>
  Option.map(expirationMotDePasse(utilisateur, regles), (fin) => Math.max(0, Math.floor((fin.getTime() - maintenant.getTime()) / JOUR_MS)));

/**
 * Records a successful login: refused while locked (a success does not lift a lock), on an account
 * not yet active, or with an expired password (`MotDePasseExpire`: change it first); otherwise the
 * failure counter is reset.
 */
export const enregistrerConnexionReussie = (
  utilisateur: Utilisateur,
  contexte: Contexte,
  regles: ReglesCompte = REGLES_COMPTE,
): Either.Either<ResultatUtilisateur, StatutCompteIncompatible | CompteVerrouille | MotDePasseExpire> =>
  Either.gen(function* () {
    yield* exigerStatut(utilisateur, "ACTIF");
    yield* nonVerrouille(utilisateur, contexte.maintenant);
    const fin = expirationMotDePasse(utilisateur, regles);
    if (Option.isSome(fin) && contexte.maintenant.getTime() >= fin.value.getTime()) {
      return yield* Either.left(new MotDePasseExpire({ utilisateurId: utilisateur.id, expireLe: fin.value }));
    }
    const { verrouilleJusquA: _v, ...reste } = utilisateur;
    return {
      state: { ...reste, echecsConnexion: 0 },
      events: [EvenementUtilisateur.ConnexionReussie({ utilisateurId: utilisateur.id, date: contexte.maintenant })],
    };
  });
