import { Data } from "effect";
import type { RegleMotDePasseNonRespectee } from "./utilisateur.mot-de-passe.js";

/** The password does not follow the policy: every unmet rule is listed. */
export class MotDePasseNonConforme extends Data.TaggedError("MotDePasseNonConforme")<{
  readonly reglesNonRespectees: ReadonlyArray<RegleMotDePasseNonRespectee>;
}> {
  override get message(): string {
    return this.reglesNonRespectees.map((r) => r.libelle).join(" ");
  }
}

/** The activation link's token does not match the pending one (or there is none). */
export class JetonActivationInvalide extends Data.TaggedError("JetonActivationInvalide")<{ readonly utilisateurId: string }> {
  override get message(): string {
    return `Lien d'activation invalide pour le compte ${this.utilisateurId}.`;
  }
}

/** The activation link expired (seed 002: "si ce délai est dépassé ... recevoir un nouveau courriel d'activation"). */
export class LienActivationExpire extends Data.TaggedError("LienActivationExpire")<{
  readonly utilisateurId: string;
  readonly expireLe: Date;
}> {
  override get message(): string {
    return `Le lien d'activation du compte ${this.utilisateurId} a expiré le ${this.expireLe.toISOString()} : demandez un nouveau courriel d'activation.`;
  }
}

/** The command needs an account in another state (activating an active account, logging into a pending one...). */
export class StatutCompteIncompatible extends Data.TaggedError("StatutCompteIncompatible")<{
  readonly utilisateurId: string;
  readonly statut: string;
  readonly attendu: string;
}> {
  override get message(): string {
    return `Le compte ${this.utilisateurId} est ${this.statut} ; cette opération demande un compte ${this.attendu}.`;
  }
}

/** The account is locked after too many failed logins, until `jusqua`. */
export class CompteVerrouille extends Data.TaggedError("CompteVerrouille")<{
  readonly utilisateurId: string;
  readonly jusqua: Date;
}> {
  override get message(): string {
    return `Le compte ${this.utilisateurId} est verrouillé jusqu'au ${this.jusqua.toISOString()} après trop d'échecs de connexion.`;
  }
}

/** The password expired: it must be changed before going on. */
export class MotDePasseExpire extends Data.TaggedError("MotDePasseExpire")<{
  readonly utilisateurId: string;
  readonly expireLe: Date;
}> {
  override get message(): string {
    return `Le mot de passe du compte ${this.utilisateurId} a expiré le ${this.expireLe.toISOString()} : choisissez-en un nouveau.`;
  }
}
