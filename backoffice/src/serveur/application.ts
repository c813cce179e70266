import AdminJSExpress from "@adminjs/express";
import type AdminJS from "adminjs";
import type { Juridiction } from "@frais-justice/core/juridiction";
import express, { type NextFunction, type Request, type Response } from "express";
import session from "express-session";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Orm } from "../base/orm.js";
import { FEUILLE_DE_STYLE, creerAdmin } from "../admin/admin.js";
import { DepotAcces, agentConnecte, type AgentConnecte } from "../admin/acces/agents.js";
import { MagasinSessions } from "../admin/acces/session-store.js";
import { avisFiltres } from "../admin/filtres-dates.js";
import { commandeDeLAction } from "../admin/memoires/memoires.actions.js";
import { RessourceMemoires } from "../admin/memoires/memoires.ressource.js";
import { COLONNES_TRI, requeteListe, type ColonneTri } from "../admin/memoires/memoires.requete.js";
import { ecrireCsv } from "./csv.js";
import { pagesSansRessourceExterne, refuser, routesPolices } from "./pages.js";
import { Either } from "effect";
import { resolve } from "node:path";
import { RACINE_BACKOFFICE } from "../base/configuration.js";
import { StockagePieces, dossierPiecesParDefaut } from "../pieces-jointes/stockage.js";
import { creerApi, type OptionsApi } from "../api/index.js";
import { routesFlux } from "../api/flux.routes.js";
import { RessourceTickets, choixFiltresTickets } from "../admin/support/tickets.ressource.js";
import { administreLesReponsesTypes } from "../admin/support/reponses-types.ressource.js";
import { DepotTicketsSql } from "../support/depot-tickets.sql.js";
import { parametresEcheancesDepuis } from "../support/ordonnanceur.js";
import type { DepotTickets } from "../support/depot-tickets.js";
import { ecrireCsvTickets } from "../admin/support/tickets.csv.js";
import { commandeDeLActionTicket } from "../admin/support/tickets.libelles.js";

declare module "express-session" {
  interface SessionData {
    adminUser?: AgentConnecte;
  }
}

/** Options of {@link creerApplication}. */
export interface OptionsApplication {
  readonly orm: Orm;
  /** Secret signing the session cookie (`SESSION_SECRET`); a random one per start when absent (sessions then end on restart). */
  readonly secret?: string;
  /** Production: the cookie is `secure` (HTTPS only) and the app trusts one proxy. */
  readonly production?: boolean;
  /** Session lifetime (default 8 hours, renewed on activity). */
  readonly dureeSessionMs?: number;
  /** Root of the content-addressed attachment store (default `FJ_PIECES_DIR` or `backoffice/data/pieces`). */
  readonly dossierPieces?: string;
  /** Options of the providers' API under `/api/v1` (rate limits, clock…). */
  readonly api?: Omit<OptionsApi, "orm" | "stockage">;
  /** The ticket repository behind the support screens (default: `DepotTicketsSql` on `orm`, attachments in `dossierPieces`). */
  readonly tickets?: DepotTickets;
}

/** The running back-office: the express app and what the tests and the server reach. */
export interface Application {
  readonly app: express.Express;
  /** The AdminJS instance behind `/admin` (its resources, options and locale). */
  readonly admin: AdminJS;
  readonly memoires: RessourceMemoires;
  readonly acces: DepotAcces;
  readonly sessions: MagasinSessions;
  /** Reloads the juridictions (after an administration change). */
  readonly rafraichirJuridictions: () => Promise<void>;
  /** The support tickets of the agents' queues. */
  readonly tickets: RessourceTickets;
}

const NOM_COOKIE = "fj.sid";
const RACINE = "/admin";
/** The end of a CSV export's refusal when the list's filters cannot be applied as asked. */
const RIEN_EXPORTE = "Rien n'a été exporté : corrigez le filtre de la liste, puis exportez à nouveau.";

const estApi = (req: Request): boolean => req.path.startsWith("/api/");

/**
 * Builds the back-office: AdminJS under `/admin` behind a sign-in (scrypt, lockout by core's rule),
 * sessions in the database, the mémoires scoped to the agent's juridictions by core's `autoriser`
 * on every route (list, show, actions, export, attachments), and the CSV export.
 */
export const creerApplication = async (options: OptionsApplication): Promise<Application> => {
  const { orm } = options;
  const production = options.production ?? process.env["NODE_ENV"] === "production";
  const secret = options.secret ?? randomBytes(32).toString("hex");
  const acces = new DepotAcces(orm);
  const memoires = new RessourceMemoires(orm, acces);
  let juridictions: ReadonlyArray<Juridiction> = await acces.juridictions();
  const rafraichirJuridictions = async () => {
    juridictions = await acces.juridictions();
  };
  const sessions = new MagasinSessions(orm);
  // The attachment store: the mémoires' and the tickets' attachments, the API's and the flux's.
  const stockage = new StockagePieces(options.dossierPieces ?? dossierPiecesParDefaut());
  const tickets = new RessourceTickets(
    options.tickets ?? new DepotTicketsSql(orm, { pieces: stockage, parametresEcheances: parametresEcheancesDepuis(process.env) }),
    acces,
    memoires.depot,
  );
  const admin = creerAdmin({ orm, acces, memoires, sessions, juridictions: () => juridictions, rafraichirJuridictions: () => rafraichirJuridictions(), tickets });

  const app = express();
  app.disable("x-powered-by");
  // No automatic weak ETag: express would hash every JSON answer of the back-office (a list page is
  // about 27 kB) for a revalidation the AdminJS client never asks for. The API sets its own strong
  // ETag (the resource's version) where a client may use it.
  app.set("etag", false);
  if (production) app.set("trust proxy", 1);
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    next();
  });

  // Its pages load nothing from elsewhere: the font is served here, AdminJS's link to Google Fonts
  // rewritten to it, and each page gets a Content-Security-Policy (pages.ts).
  app.use(routesPolices());
  app.use(RACINE, pagesSansRessourceExterne);

  // The back-office's stylesheet (read once), before the session: the login page loads it too.
  const feuilleDeStyle = readFileSync(new URL("../admin/frais-justice.css", import.meta.url), "utf8");
  app.get(FEUILLE_DE_STYLE, (_req, res) => {
    res.type("text/css").setHeader("Cache-Control", "public, max-age=3600");
    res.send(feuilleDeStyle);
  });

  // AdminJS's router runs express-formidable on every request: for a GET (no body) it still builds
  // a multipart parser, asks the OS for its temporary folder and waits for the request stream to end.
  // Marked as parsed, a GET goes straight to its route (AdminJS reads no payload on GET).
  app.use(RACINE, (req: Request & { express_formidable?: { parsed: boolean } }, _res, next) => {
    if (req.method === "GET" || req.method === "HEAD") req.express_formidable = { parsed: true };
    next();
  });

  const optionsSession: session.SessionOptions = {
    store: sessions,
    secret,
    name: NOM_COOKIE,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: "strict", secure: production, maxAge: options.dureeSessionMs ?? 8 * 3_600_000, path: RACINE },
  };
  // The session is opened here (AdminJS's router then finds it and does not open its own).
  app.use(RACINE, session(optionsSession));

  // The agent of the session is reloaded on every request: a role or perimeter change, a
  // deactivation or a lock applies at once.
  app.use(RACINE, (req: Request, res: Response, next: NextFunction) => {
    const enSession = req.session.adminUser;
    if (enSession === undefined) return next();
    // Read with the session row when the store could (same statement), otherwise now.
    const lu = sessions.agentLu(req.sessionID);
    (lu !== undefined && (lu === null || lu.id === enSession.id) ? Promise.resolve(lu ?? undefined) : acces.parId(enSession.id))
      .then((agent) => {
        if (agent === undefined || !agent.actif) {
          req.session.destroy(() => (estApi(req) ? res.status(401).json({ erreur: "session terminée" }) : res.redirect(`${RACINE}/login`)));
          return;
        }
        const frais = agentConnecte(agent);
        if (JSON.stringify(frais) !== JSON.stringify(enSession)) req.session.adminUser = frais;
        next();
      })
      .catch(next);
  });

  // Record routes of the mémoires: a mémoire the agent may not read is "not found" (404, nothing
  // about it in the answer); an action core does not allow them now is 403, before any handler runs.
  const garde = express.Router();
  garde.all(["/api/resources/memoires/records/:id/:action", "/resources/memoires/records/:id/:action"], (req: Request, res: Response, next: NextFunction) => {
    const agent = req.session.adminUser;
    if (agent === undefined) return next();
    const id = String(req.params["id"]);
    memoires
      .findOne(id, { currentAdmin: agent } as never)
      .then((record) => {
        if (record === null) return void refuser(req, res, 404, "Mémoire introuvable.");
        const commande = commandeDeLAction(String(req.params["action"]));
        const permises = String(record.params["actionsPermises"] ?? "").split(",");
        if (commande !== undefined && !permises.includes(commande)) return void refuser(req, res, 403, "Action non autorisée sur ce mémoire.");
        next();
      })
      .catch(next);
  });
  app.use(RACINE, garde);

  // Support tickets: no screen at all for an agent without a queue (403); a ticket outside the
  // agent's queues, or a draft, is "not found" (404, nothing about it); an action the ticket machine
  // does not accept from this agent now is 403, before any handler runs.
  const gardeTickets = express.Router();
  gardeTickets.all(["/api/resources/tickets/actions/:action", "/resources/tickets", "/resources/tickets/actions/:action"], (req: Request, res: Response, next: NextFunction) => {
    const agent = req.session.adminUser;
    if (agent === undefined) return next();
    tickets
      .filesDeLAgent(agent)
      .then((files) => (files.length === 0 ? void refuser(req, res, 403, "Aucune file de support dans votre périmètre.") : next()))
      .catch(next);
  });
  gardeTickets.all(["/api/resources/tickets/records/:id/:action", "/resources/tickets/records/:id/:action"], (req: Request, res: Response, next: NextFunction) => {
    const agent = req.session.adminUser;
    if (agent === undefined) return next();
    tickets
      .ticketVisible(String(req.params["id"]), agent)
      .then((t) => {
        if (t === undefined) return void refuser(req, res, 404, "Ticket introuvable.");
        const commande = commandeDeLActionTicket(String(req.params["action"]));
        if (commande !== undefined && !t.actionsPermises.includes(commande)) return void refuser(req, res, 403, "Action non autorisée sur ce ticket dans son état actuel.");
        next();
      })
      .catch(next);
  });
  // Réponses types: no screen without a queue (403); their writing actions, and their forms, only for
  // the national support (core's `reponse-type.administrer`), archive / reactivate only when they
  // apply; an unknown code is "not found" (404). Before any handler runs.
  gardeTickets.all(["/api/resources/reponses-types", "/api/resources/reponses-types/*", "/resources/reponses-types", "/resources/reponses-types/*"], (req: Request, res: Response, next: NextFunction) => {
    const agent = req.session.adminUser;
    if (agent === undefined) return next();
    const chemin = /\/resources\/reponses-types(?:\/records\/([^/]+))?(?:\/actions)?\/([^/]+)$/.exec(req.path);
    const id = chemin?.[1] === undefined ? undefined : decodeURIComponent(chemin[1]);
    const action = chemin?.[2];
    (async () => {
      if ((await tickets.filesDeLAgent(agent)).length === 0) return void refuser(req, res, 403, "Aucune file de support dans votre périmètre.");
      const ecriture = action === "new" || action === "modifier" || action === "archiver" || action === "reactiver";
      if (ecriture && !administreLesReponsesTypes(agent)) return void refuser(req, res, 403, "Les réponses types sont tenues par le support national.");
      if (id !== undefined) {
        const r = (await tickets.depot.reponsesTypes.lister({ archives: true })).find((x) => x.code === id);
        if (r === undefined) return void refuser(req, res, 404, "Réponse type introuvable.");
        if ((action === "archiver" && !r.actif) || (action === "reactiver" && r.actif)) return void refuser(req, res, 403, "Action non autorisée sur cette réponse type dans son état actuel.");
      }
      next();
    })().catch(next);
  });
  app.use(RACINE, gardeTickets);

  const routeur = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      cookieName: NOM_COOKIE,
      cookiePassword: secret,
      authenticate: async (email: string, motDePasse: string, contexte?: { req: Request }) => {
        const resultat = await acces.connecter(String(email ?? ""), String(motDePasse ?? ""), new Date());
        if (resultat._tag !== "Connecte") return null;
        // A new session id at sign-in (no session fixation).
        const req = contexte?.req;
        if (req !== undefined) await new Promise<void>((ok, ko) => req.session.regenerate((e: unknown) => (e === undefined || e === null ? ok() : ko(e instanceof Error ? e : new Error("régénération de la session impossible")))));
        return resultat.agent;
      },
    },
    null,
    optionsSession,
  );

  // Behind the sign-in (added after AdminJS's own routes, so after its session check).
  routeur.get("/export/memoires.csv", (req: Request, res: Response, next: NextFunction) => {
    const agent = req.session.adminUser;
    if (agent === undefined) return void refuser(req, res, 401, "Votre session est terminée : reconnectez-vous pour continuer.");
    const q = req.query as Record<string, unknown>;
    const valeur = (cle: string): unknown =>
      cle === "envoyeLe" ? { from: q[`filters.envoyeLe~~from`], to: q[`filters.envoyeLe~~to`] } : q[`filters.${cle}`];
    const tri = typeof q["sortBy"] === "string" && q["sortBy"] in COLONNES_TRI ? (q["sortBy"] as ColonneTri) : "envoyeLe";
    memoires
      .juridictionsVisibles(agent)
      .then(async (visibles) => {
        if (visibles.length === 0) return void refuser(req, res, 403, "Aucune juridiction dans votre périmètre : aucun mémoire à exporter.");
        // A filter the list cannot apply as asked (the list shows it in a notice): nothing exported.
        const avis = avisFiltres(q, memoires, await memoires.choixFiltres(agent));
        if (avis !== undefined) return void refuser(req, res, 400, `${avis}. ${RIEN_EXPORTE}`);
        const where = (await memoires.clauses(agent, valeur)).page;
        await ecrireCsv(orm, res, (page) => requeteListe(where, { colonne: tri, sens: q["direction"] === "desc" ? "desc" : "asc" }, page), "memoires.csv");
      })
      .catch(next);
  });
  // An attachment: only for an agent who may read its mémoire (same scoped lookup as the show page).
  routeur.get("/pieces-jointes/:memoireId/:pieceId", (req: Request, res: Response, next: NextFunction) => {
    const agent = req.session.adminUser;
    if (agent === undefined) return void refuser(req, res, 401, "Votre session est terminée : reconnectez-vous pour continuer.");
    const memoireId = String(req.params["memoireId"]);
    (async () => {
      const record = await memoires.findOne(memoireId, { currentAdmin: agent } as never);
      if (record === null) return void refuser(req, res, 404, "Pièce jointe introuvable.");
      const charge = await memoires.depot.charger(memoireId);
      const piece = Either.isRight(charge) ? charge.right.piecesJointes.find((p) => p.id === req.params["pieceId"]) : undefined;
      if (piece === undefined) return void refuser(req, res, 404, "Pièce jointe introuvable.");
      const octets = await stockage.lire(piece.empreinte);
      if (Either.isLeft(octets)) return void refuser(req, res, 404, "Contenu de la pièce jointe indisponible.");
      res.setHeader("Content-Type", piece.typeContenu);
      res.setHeader("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(piece.nomFichier)}`);
      res.setHeader("Cache-Control", "private, no-store");
      res.end(Buffer.from(octets.right));
    })().catch(next);
  });

  // The current queue as CSV (the list's filters and sort), scoped to the agent's queues.
  routeur.get("/export/tickets.csv", (req: Request, res: Response, next: NextFunction) => {
    const agent = req.session.adminUser;
    if (agent === undefined) return void refuser(req, res, 401, "Votre session est terminée : reconnectez-vous pour continuer.");
    const q = req.query as Record<string, unknown>;
    tickets
      .filesDeLAgent(agent)
      .then(async (files) => {
        if (files.length === 0) return void refuser(req, res, 403, "Aucune file de support dans votre périmètre : aucun ticket à exporter.");
        const avis = avisFiltres(q, tickets, choixFiltresTickets(files));
        if (avis !== undefined) return void refuser(req, res, 400, `${avis}. ${RIEN_EXPORTE}`);
        await ecrireCsvTickets(tickets, agent, (cle) => q[`filters.${cle}`], { sortBy: q["sortBy"], direction: q["direction"] }, res);
      })
      .catch(next);
  });
  // An attachment of a ticket: only for an agent of its queue (same lookup as the ticket page).
  routeur.get("/pieces-jointes-tickets/:ticketId/:pieceId", (req: Request, res: Response, next: NextFunction) => {
    const agent = req.session.adminUser;
    if (agent === undefined) return void refuser(req, res, 401, "Votre session est terminée : reconnectez-vous pour continuer.");
    (async () => {
      const ticketId = String(req.params["ticketId"]);
      const visible = await tickets.ticketVisible(ticketId, agent);
      const lue = visible === undefined ? undefined : await tickets.depot.lirePiece(ticketId, String(req.params["pieceId"]));
      if (lue === undefined || Either.isLeft(lue)) return void refuser(req, res, 404, "Pièce jointe introuvable.");
      const { piece, octets } = lue.right;
      res.setHeader("Content-Type", piece.typeContenu);
      res.setHeader("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(piece.nomFichier)}`);
      res.setHeader("Cache-Control", "private, no-store");
      res.end(Buffer.from(octets));
    })().catch(next);
  });

  app.use(RACINE, routeur);
  // The providers' HTTP API (bearer tokens, problem details) on the same attachment store: mémoires,
  // the requester's tickets, and the dépôt flux (lots kept in FJ_LOTS_DIR or backoffice/data/lots).
  const flux = routesFlux({ orm, stockage, dossierLots: process.env["FJ_LOTS_DIR"] ?? resolve(RACINE_BACKOFFICE, "data", "lots") });
  app.use("/api/v1", creerApi({ orm, stockage, tickets: tickets.depot, routeurs: { "/flux": flux }, ...options.api }).routeur);
  app.get("/", (_req, res) => res.redirect(RACINE));
  return { app, admin, memoires, acces, sessions, rafraichirJuridictions, tickets };
};
