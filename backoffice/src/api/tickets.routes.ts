import { SaisieInvalide } from "@frais-justice/core";
import { versCsv, type Commande, type Onglet } from "@frais-justice/support";
import { Either } from "effect";
import { TAILLE_MAX_PIECE_JOINTE_OCTETS } from "@frais-justice/core/memoire";
import express, { type Request, type Response } from "express";
import multer from "multer";
import type { DepotTickets } from "../support/depot-tickets.js";
import type { ContexteApi } from "./contexte.js";
import { authentifieDe } from "./http/authentification.js";
import { asynchrone, introuvable } from "./http/probleme.js";
import { corpsObjet, etag, lirePagination, page, versionAttendue } from "./http/requete.js";

/**
 * The requester side of the support tickets (DOMAIN.md §5, docs/support.md): create a ticket for one
 * of the caller's structures (or a draft), edit and submit a draft, read one (no internal note, no agent
 * id), complete it, comment it, accept or refuse the solution, close it, attach a file, and the three
 * tabs (Actions requises, Tous (sauf clôturés), Clôturés).
 * Every change is a command of the ticket machine run by `DepotTickets` (journal row, notifications
 * in the outbox, version checked with `If-Match`). Another user's ticket is a 404.
 */

const televersement = multer({ storage: multer.memoryStorage(), limits: { fileSize: TAILLE_MAX_PIECE_JOINTE_OCTETS, files: 1, fields: 0, parts: 1 } });

const ONGLETS: Readonly<Record<string, Onglet>> = { "actions-requises": "ACTIONS_REQUISES", tous: "TOUS", clotures: "CLOTURES" };

/** Whether a command takes a `texte`: required (left to the machine's `texteAbsent`), optional, or no field at all. */
type RegleTexte = "obligatoire" | "facultatif" | "aucun";

/** The requester's commands exposed by the API, by the last segment of their path. */
const COMMANDES: Readonly<
  Record<
    string,
    {
      readonly type: "ticket.soumettre" | "ticket.completer" | "ticket.commenter" | "ticket.accepter-solution" | "ticket.refuser-solution" | "ticket.cloturer";
      readonly texte: RegleTexte;
    }
  >
> = {
  soumettre: { type: "ticket.soumettre", texte: "aucun" },
  completer: { type: "ticket.completer", texte: "obligatoire" },
  commenter: { type: "ticket.commenter", texte: "obligatoire" },
  "accepter-solution": { type: "ticket.accepter-solution", texte: "facultatif" },
  "refuser-solution": { type: "ticket.refuser-solution", texte: "obligatoire" },
  cloturer: { type: "ticket.cloturer", texte: "facultatif" },
};

const lireTexte = (req: Request, regle: RegleTexte): string | undefined => {
  const corps = req.body === undefined || (typeof req.body === "object" && req.body !== null && Object.keys(req.body as object).length === 0 && !req.is("application/json")) ? {} : corpsObjet(req);
  // A command without text (soumettre) takes no field at all: the draft is edited first, with PATCH.
  for (const cle of Object.keys(corps)) if (cle !== "texte" || regle === "aucun") throw new SaisieInvalide({ erreurs: [{ chemin: cle, raison: "champ inconnu" }] });
  const texte = corps["texte"];
  if (texte !== undefined && typeof texte !== "string") throw new SaisieInvalide({ erreurs: [{ chemin: "texte", raison: "texte attendu" }] });
  // An empty required text is left to the machine's rule `texteAbsent`, which names it.
  return regle === "obligatoire" ? (texte ?? "") : texte;
};

/** The fields of a draft a requester may change (`ticket.modifier-brouillon`). */
const CHAMPS_BROUILLON: ReadonlyArray<string> = ["titre", "description"];

/**
 * The body of `PATCH /tickets/{id}`: `titre` and/or `description`, as texts. An unknown field, a value
 * that is not a text or an empty body is a `SaisieInvalide` naming it; lengths are checked by the machine's
 * command schema, and an empty titre or description is allowed on a draft (`ticket.soumettre` requires them).
 */
const lireBrouillon = (req: Request): { readonly titre?: string; readonly description?: string } => {
  const corps = corpsObjet(req);
  const erreurs = [
    ...(Object.keys(corps).length === 0 ? [{ chemin: "", raison: "au moins un champ attendu : titre, description" }] : []),
    ...Object.keys(corps)
      .filter((cle) => !CHAMPS_BROUILLON.includes(cle))
      .map((cle) => ({ chemin: cle, raison: "champ inconnu" })),
    ...CHAMPS_BROUILLON.filter((cle) => cle in corps && typeof corps[cle] !== "string").map((cle) => ({ chemin: cle, raison: "texte attendu" })),
  ];
  if (erreurs.length > 0) throw new SaisieInvalide({ erreurs });
  const { titre, description } = corps as { readonly titre?: string; readonly description?: string };
  return { ...(titre === undefined ? {} : { titre }), ...(description === undefined ? {} : { description }) };
};

/** The routes of the tickets (mounted at `/tickets` when a ticket repository is configured). */
export const routesTickets = (ctx: ContexteApi, tickets: DepotTickets): express.Router => {
  const r = express.Router();

  const repondre = async (res: Response, id: string, status = 200) => {
    const a = authentifieDe(res);
    const t = await tickets.chargerPourDemandeur(id, a.acteur, ctx.maintenant());
    if (Either.isLeft(t)) {
      if (t.left._tag === "TicketIntrouvable") throw introuvable("Ticket");
      throw t.left;
    }
    res.status(status).setHeader("ETag", etag(t.right.ticket.version));
    res.json(t.right);
  };

  r.post(
    "/",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const saisie = corpsObjet(req);
      if ("piecesJointes" in saisie) throw new SaisieInvalide({ erreurs: [{ chemin: "piecesJointes", raison: "les fichiers se joignent ensuite : POST /tickets/{id}/pieces-jointes" }] });
      const structureId = saisie["structureId"];
      if (typeof structureId === "string" && !a.acteur.rattachements.some((x) => x.structureId === structureId)) throw introuvable("Structure");
      const cree = await tickets.creer({ acteur: a.acteur, saisie, maintenant: ctx.maintenant() });
      if (Either.isLeft(cree)) throw cree.left;
      res.location(`${req.baseUrl}/${cree.right.ticket.id}`);
      await repondre(res, cree.right.ticket.id, 201);
    }),
  );

  r.get(
    "/",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const nomOnglet = typeof req.query["onglet"] === "string" ? req.query["onglet"] : "tous";
      const onglet = ONGLETS[nomOnglet];
      const motsCles = req.query["q"];
      // The tab as CSV (`format=csv`, or `Accept: text/csv`): the whole tab, in the portal's export.
      const format = req.query["format"] ?? (req.accepts(["application/json", "text/csv"]) === "text/csv" ? "csv" : "json");
      const inconnus = Object.keys(req.query).filter((k) => !["onglet", "q", "page", "limit", "format"].includes(k));
      const erreurs = [
        ...(onglet === undefined ? [{ chemin: "onglet", raison: "« actions-requises », « tous » ou « clotures »" }] : []),
        ...(motsCles !== undefined && typeof motsCles !== "string" ? [{ chemin: "q", raison: "texte attendu" }] : []),
        ...(format !== "json" && format !== "csv" ? [{ chemin: "format", raison: "« json » ou « csv »" }] : []),
        ...(format === "csv" ? ["page", "limit"].filter((k) => k in req.query).map((k) => ({ chemin: k, raison: "sans objet pour l'export CSV : tout l'onglet est exporté" })) : []),
        ...inconnus.map((k) => ({ chemin: k, raison: "paramètre inconnu" })),
      ];
      if (erreurs.length > 0 || onglet === undefined) throw new SaisieInvalide({ erreurs });
      if (format === "csv") {
        const fichier = await tickets.exporterTicketsEmis(a.utilisateurId, onglet, { ...(typeof motsCles === "string" && motsCles.trim() !== "" ? { motsCles } : {}), fuseau: "Europe/Paris" });
        res.type("text/csv; charset=utf-8").setHeader("Content-Disposition", `attachment; filename="tickets-${nomOnglet}.csv"`);
        res.send(versCsv(fichier.entetes, fichier.lignes));
        return;
      }
      const p = lirePagination(req);
      const resultat = await tickets.ticketsEmis(a.utilisateurId, onglet, {
        ...(typeof motsCles === "string" && motsCles.trim() !== "" ? { motsCles } : {}),
        page: { limite: p.limite, decalage: (p.page - 1) * p.limite },
      });
      const compteurs = await tickets.compteursOnglets(a.utilisateurId);
      res.json({ ...page(req, res, resultat.lignes, resultat.total, p), compteurs });
    }),
  );

  r.get(
    "/:id",
    asynchrone(async (req, res) => repondre(res, String(req.params["id"]))),
  );

  /**
   * A requester's command on their ticket: another user's ticket does not exist for the caller,
   * whatever the version sent (404); then `If-Match`, the command read from the request, the machine,
   * and the ticket answered.
   */
  const commandeDuDemandeur = (lire: (req: Request) => Omit<Commande, "acteur">) =>
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const id = String(req.params["id"]);
      const lu = await tickets.chargerPourDemandeur(id, a.acteur, ctx.maintenant());
      if (Either.isLeft(lu)) throw lu.left._tag === "TicketIntrouvable" ? introuvable("Ticket") : lu.left;
      const version = versionAttendue(req);
      const c = { ...lire(req), acteur: a.acteur } as Commande;
      const resultat = await tickets.executer(id, version, c, { maintenant: ctx.maintenant() });
      if (Either.isLeft(resultat)) throw resultat.left._tag === "TicketIntrouvable" ? introuvable("Ticket") : resultat.left;
      await repondre(res, id);
    });

  // A ticket that is no longer a draft is refused by the machine (`etatIncompatible`, `ticketClos`).
  r.patch(
    "/:id",
    commandeDuDemandeur((req) => ({ type: "ticket.modifier-brouillon", ...lireBrouillon(req) })),
  );

  for (const [chemin, commande] of Object.entries(COMMANDES)) {
    r.post(
      `/:id/${chemin}`,
      commandeDuDemandeur((req) => {
        const texte = lireTexte(req, commande.texte);
        return { type: commande.type, ...(texte === undefined ? {} : { texte }) };
      }),
    );
  }

  r.post(
    "/:id/pieces-jointes",
    televersement.single("fichier"),
    asynchrone(async (req, res) => {
      if (!req.is("multipart/form-data")) throw new SaisieInvalide({ erreurs: [{ chemin: "", raison: "formulaire multipart/form-data attendu (champ « fichier »)" }] });
      const a = authentifieDe(res);
      const id = String(req.params["id"]);
      const lu = await tickets.chargerPourDemandeur(id, a.acteur, ctx.maintenant());
      if (Either.isLeft(lu)) throw lu.left._tag === "TicketIntrouvable" ? introuvable("Ticket") : lu.left;
      const version = versionAttendue(req);
      if (req.file === undefined) throw new SaisieInvalide({ erreurs: [{ chemin: "fichier", raison: "fichier obligatoire" }] });
      const piece = await tickets.deposerPiece(req.file.originalname, new Uint8Array(req.file.buffer));
      if (Either.isLeft(piece)) throw piece.left;
      // A draft takes its files as part of its content (`ticket.modifier-brouillon`, the machine's
      // only way for a draft); a submitted ticket gets one more attachment (`ticket.joindre`).
      const stocke = await tickets.charger(id);
      if (Either.isLeft(stocke)) throw stocke.left._tag === "TicketIntrouvable" ? introuvable("Ticket") : stocke.left;
      const commande: Commande =
        stocke.right.etat === "BROUILLON"
          ? { type: "ticket.modifier-brouillon", piecesJointes: [...stocke.right.piecesJointes, piece.right], acteur: a.acteur }
          : { type: "ticket.joindre", pieceJointe: piece.right, acteur: a.acteur };
      const resultat = await tickets.executer(id, version, commande, { maintenant: ctx.maintenant() });
      if (Either.isLeft(resultat)) throw resultat.left._tag === "TicketIntrouvable" ? introuvable("Ticket") : resultat.left;
      await repondre(res, id, 201);
    }),
  );

  return r;
};
