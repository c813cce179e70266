import express, { type RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { Orm } from "../base/orm.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { DepotVues } from "../memoire/memoire.vues.repository.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import type { StockagePieces } from "../pieces-jointes/stockage.js";
import type { ContexteApi } from "./contexte.js";
import { authentifier, limiteParJeton } from "./http/authentification.js";
import { envoyerProbleme, gestionnaireErreurs, probleme, routeInconnue } from "./http/probleme.js";
import { limiterProfondeur } from "./http/requete.js";
import { DepotJetons } from "./jetons.repository.js";
import { routeCreationJeton, routesJetons } from "./jetons.routes.js";
import { routeMontants, routesMemoires, routeVerificationCertificat } from "./memoires.routes.js";
import { documentOpenApi } from "./openapi.js";
import { routesStructures } from "./structures.routes.js";
import { routesTickets } from "./tickets.routes.js";
import type { DepotTickets } from "../support/depot-tickets.js";
import { routesVues } from "./vues.routes.js";

/** Options of {@link creerApi}. */
export interface OptionsApi {
  readonly orm: Orm;
  readonly stockage: StockagePieces;
  /** Requests per minute and token (default 300). */
  readonly requetesParMinute?: number;
  /** Token creations (sign-ins) per 15 minutes and client address (default 20). */
  readonly creationsJetonParQuartDHeure?: number;
  /** Largest JSON body (default `100kb`). */
  readonly limiteJson?: string;
  /** The clock (tests move it). */
  readonly maintenant?: () => Date;
  /** The ticket repository: with it, the requester's tickets are served under `/tickets`. */
  readonly tickets?: DepotTickets;
  /** Routers mounted behind the authentication and the rate limit, by path (`/flux` → the dépôt flux router). */
  readonly routeurs?: Readonly<Record<string, RequestHandler>>;
}

/** The API's router, its repositories and its authentication (the dépôt flux router reuses them). */
export interface Api {
  readonly routeur: express.Router;
  readonly contexte: ContexteApi;
  /** The bearer-token middleware followed by the per-token rate limit. */
  readonly protections: ReadonlyArray<RequestHandler>;
}

/**
 * The providers' HTTP API, mounted by the back-office under `/api/v1`: JSON bodies (size- and
 * depth-limited), tokens (`/jetons`), then behind `Authorization: Bearer` and a per-token rate limit
 * the structures, mémoires, attachments, views and certificates; errors as RFC 9457 problems;
 * the OpenAPI document at `/openapi.json`.
 */
export const creerApi = (options: OptionsApi): Api => {
  const maintenant = options.maintenant ?? (() => new Date());
  const contexte: ContexteApi = {
    orm: options.orm,
    memoires: new DepotMemoires(options.orm),
    vues: new DepotVues(options.orm),
    organisation: depotsOrganisation(options.orm),
    stockage: options.stockage,
    jetons: new DepotJetons(options.orm),
    maintenant,
  };
  const protections = [authentifier({ jetons: contexte.jetons, organisation: contexte.organisation, maintenant }), limiteParJeton({ requetes: options.requetesParMinute ?? 300 })];

  const r = express.Router();
  r.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  r.use(express.json({ limit: options.limiteJson ?? "100kb", strict: true, type: ["application/json", "application/*+json"] }), limiterProfondeur);

  r.get("/openapi.json", (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.json(documentOpenApi());
  });
  r.post(
    "/jetons",
    rateLimit({
      windowMs: 15 * 60_000,
      limit: options.creationsJetonParQuartDHeure ?? 20,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      handler: (_req, res) => envoyerProbleme(res, probleme(429, "TropDeRequetes", "Trop de requêtes", { detail: "Trop de créations de jeton depuis cette adresse ; réessayez plus tard." })),
    }),
    routeCreationJeton(contexte),
  );

  r.use(protections);
  r.use("/jetons", routesJetons(contexte));
  r.use("/structures", routesStructures(contexte));
  r.post("/montants", routeMontants());
  r.post("/certificats/verification", routeVerificationCertificat(contexte));
  r.use(routesVues(contexte));
  r.use("/memoires", routesMemoires(contexte));
  if (options.tickets !== undefined) r.use("/tickets", routesTickets(contexte, options.tickets));
  for (const [chemin, routeur] of Object.entries(options.routeurs ?? {})) r.use(chemin, routeur);
  r.use(routeInconnue);
  r.use(gestionnaireErreurs);
  return { routeur: r, contexte, protections };
};
