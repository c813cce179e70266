import type { NextFunction, Request, RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";
import type { Authentifie } from "../acteur.js";
import { chargerActeur } from "../acteur.js";
import { jetonValide, type DepotJetons } from "../jetons.repository.js";
import type { DepotsOrganisation } from "../../organisation/organisation.repository.js";
import { envoyerProbleme, probleme } from "./probleme.js";

/**
 * Authentication of the API: `Authorization: Bearer <token>` (a token created by the user through
 * `POST /api/v1/jetons`), and the per-token rate limit.
 *
 * Stable surface for every router of the API (mémoires, dépôt flux…):
 * - {@link authentifier}`(options)`: the middleware; on success the caller is in `res.locals`;
 * - {@link authentifieDe}`(res)`: the caller (`Authentifie`: user id, token id, core's `ActeurUtilisateur`
 *   with rattachements and habilitations, espaces opened per structure) — pass its `acteur` to `autoriser`;
 * - {@link limiteParJeton}`(options)`: express-rate-limit keyed by the token, 429 as a problem.
 */

export type { Authentifie } from "../acteur.js";

const CLE = "authentifie";

/** Options of {@link authentifier}. */
export interface OptionsAuthentification {
  readonly jetons: DepotJetons;
  readonly organisation: DepotsOrganisation;
  /** The clock (tests move it). */
  readonly maintenant?: () => Date;
}

const refuser = (res: Response, tag: string, detail: string, erreur?: string): void => {
  res.setHeader("WWW-Authenticate", `Bearer realm="frais-justice"${erreur === undefined ? "" : `, error="${erreur}"`}`);
  envoyerProbleme(res, probleme(401, tag, "Authentification requise", { detail }));
};

/**
 * Checks the bearer token (unknown, expired or revoked → 401 with `WWW-Authenticate`), loads the
 * user as core's actor, refuses a deactivated or locked account (403 `NonAutorise`, raison
 * `COMPTE_INACTIF`), and records the token's last use.
 */
export const authentifier = (options: OptionsAuthentification): RequestHandler => {
  const maintenant = options.maintenant ?? (() => new Date());
  return (req: Request, res: Response, next: NextFunction) => {
    const entete = req.headers.authorization;
    const m = typeof entete === "string" ? /^Bearer +([A-Za-z0-9_\-.~+/]+=*) *$/i.exec(entete) : null;
    if (m === null || m[1] === undefined) return refuser(res, "AuthentificationRequise", "En-tête « Authorization: Bearer <jeton> » attendu.");
    const jeton = m[1];
    (async () => {
      const instant = maintenant();
      const j = await options.jetons.parJeton(jeton);
      if (j === undefined || !jetonValide(j, instant)) return refuser(res, "JetonInvalide", "Jeton inconnu, expiré ou révoqué.", "invalid_token");
      const authentifie = await chargerActeur(options.organisation, j.utilisateurId, j.id, instant);
      if (authentifie === undefined) return refuser(res, "JetonInvalide", "Jeton inconnu, expiré ou révoqué.", "invalid_token");
      if (authentifie.acteur.actif === false) return envoyerProbleme(res, probleme(403, "NonAutorise", "Compte inactif ou verrouillé", { raison: "COMPTE_INACTIF" }));
      await options.jetons.toucher(j, instant);
      res.locals[CLE] = authentifie;
      next();
    })().catch(next);
  };
};

/** The caller of an authenticated request (after {@link authentifier}); throws when the middleware did not run (a wiring bug). */
export const authentifieDe = (res: Response): Authentifie => {
  const a = res.locals[CLE] as Authentifie | undefined;
  if (a === undefined) throw new Error("authentifieDe : le middleware authentifier n'a pas été monté sur cette route");
  return a;
};

/** Options of {@link limiteParJeton}. */
export interface OptionsLimite {
  /** Requests per window and token (default 300). */
  readonly requetes?: number;
  /** Window in milliseconds (default one minute). */
  readonly fenetreMs?: number;
}

/**
 * Rate limit per token (mount after {@link authentifier}): `RateLimit` / `RateLimit-Policy` headers
 * (IETF draft 8), and past the limit a 429 problem `TropDeRequetes` with `Retry-After`.
 */
export const limiteParJeton = (options: OptionsLimite = {}): RequestHandler =>
  rateLimit({
    windowMs: options.fenetreMs ?? 60_000,
    limit: options.requetes ?? 300,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (_req, res) => `jeton:${authentifieDe(res).jetonId}`,
    handler: (_req, res, _next, opts) =>
      envoyerProbleme(res, probleme(opts.statusCode, "TropDeRequetes", "Trop de requêtes", { detail: `Au plus ${String(opts.limit)} requêtes par fenêtre de ${Math.round(opts.windowMs / 1000)} s et par jeton.` })),
  });
