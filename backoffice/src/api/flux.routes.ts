import { autoriser } from "@frais-justice/core/autorisation";
import { Either } from "effect";
import express, { type Request, type Response } from "express";
import multer from "multer";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Orm } from "../base/orm.js";
import { compteRendu, enTeteCompteRendu } from "../flux/flux.compte-rendu.js";
import { DepotLots, type Lot } from "../flux/flux.depot.js";
import { importerFlux, lireEnTete } from "../flux/flux.import.js";
import type { StockagePieces } from "../pieces-jointes/stockage.js";
import { cibleStructure, type Authentifie } from "./acteur.js";
import { authentifieDe } from "./http/authentification.js";
import { asynchrone, envoyerProbleme, introuvable, probleme } from "./http/probleme.js";

/** Options of {@link routesFlux}. */
export interface OptionsRoutesFlux {
  readonly orm: Orm;
  readonly stockage: StockagePieces;
  /** Where received lot files are kept (they are read again to resume a lot). */
  readonly dossierLots: string;
  /** Largest lot file accepted (default 200 MB). */
  readonly tailleMax?: number;
  readonly maintenant?: () => Date;
}

/** The representation of a lot's status (what a poll returns). */
const representer = (lot: Lot) => ({ ...enTeteCompteRendu(lot), liens: { statut: `/api/v1/flux/${lot.id}`, compteRendu: `/api/v1/flux/${lot.id}/compte-rendu` } });

/**
 * The Dépôt flux routes of the providers' API (mounted under `/api/v1/flux`, behind the bearer
 * token and the rate limit):
 * - `POST /` (multipart, field `lot`): deposit a lot file. The header must name the authenticated user
 *   (403 otherwise); an unreadable header → 422 with the line and column, nothing stored; a lot id already
 *   used by another file → 409 `LotDejaRecu`; otherwise 202 with the lot's status and `Location`, and the
 *   mémoires are processed in the background, each created and sent in the user's name through core.
 * - `GET /:id`: the lot's status and counts (poll until IN_INTEGRE, IN_INTEGRE_PARTIEL or IN_REJETE).
 * - `GET /:id/compte-rendu`: the compte rendu (per mémoire its MJ / TMP number or every error with its path).
 * Reading a lot needs `memoire.consulter` on the émetteur structure (`autoriser`); an unknown lot and a lot
 * of another structure both answer 404.
 */
export const routesFlux = (options: OptionsRoutesFlux): express.Router => {
  const maintenant = options.maintenant ?? (() => new Date());
  const lots = new DepotLots(options.orm);
  const recus = join(options.dossierLots, "recus");
  mkdirSync(recus, { recursive: true });
  const televersement = multer({
    storage: multer.diskStorage({ destination: recus, filename: (_req, _f, rappel) => rappel(null, `${randomUUID()}.xml`) }),
    limits: { fileSize: options.tailleMax ?? 200 * 1024 * 1024, files: 1, fields: 0, parts: 1 },
  });
  const r = express.Router();

  const lotLisible = async (req: Request, res: Response): Promise<Lot> => {
    const a: Authentifie = authentifieDe(res);
    const id = String(req.params["id"]);
    const lot = await lots.charger(id);
    if (Either.isLeft(lot) || lot.right.structureId === undefined || Either.isLeft(autoriser(a.acteur, "memoire.consulter", cibleStructure(a, lot.right.structureId)))) {
      // A rejected lot with an unknown émetteur is only the depositor's.
      if (Either.isRight(lot) && lot.right.structureId === undefined && lot.right.utilisateur.toLowerCase() === a.email.toLowerCase()) return lot.right;
      throw introuvable(`Le lot ${id}`);
    }
    return lot.right;
  };

  r.post(
    "/",
    televersement.single("lot"),
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const fichier = req.file?.path;
      if (fichier === undefined) return envoyerProbleme(res, probleme(400, "SaisieInvalide", "Fichier attendu", { erreurs: [{ chemin: "lot", raison: "fichier XML attendu (multipart, champ « lot »)" }] }));
      const entete = await lireEnTete(fichier);
      if (Either.isLeft(entete)) {
        await rm(fichier, { force: true });
        const e = entete.left;
        return envoyerProbleme(res, probleme(422, "FluxIllisible", "Lot illisible", { detail: e.raison, ...(e.ligne === undefined ? {} : { ligne: e.ligne, colonne: e.colonne }) }));
      }
      if (entete.right.emetteur.utilisateur.toLowerCase() !== a.email.toLowerCase()) {
        await rm(fichier, { force: true });
        return envoyerProbleme(res, probleme(403, "NonAutorise", "Lot déposé au nom d'un autre utilisateur", { detail: "L'en-tête du lot (emetteur/@utilisateur) doit nommer l'utilisateur du jeton." }));
      }
      const definitif = join(options.dossierLots, `${randomUUID()}.xml`);
      await rename(fichier, definitif);
      let repondu = false;
      const repondre = (lot: Lot, statut: number) => {
        repondu = true;
        res.status(statut).location(`/api/v1/flux/${lot.id}`).json(representer(lot));
      };
      const traitement = importerFlux({
        orm: options.orm,
        stockage: options.stockage,
        fichier: definitif,
        canal: "API",
        maintenant,
        utilisateurAttendu: a.email,
        surReception: (lot) => repondre(lot, 202),
      });
      traitement
        .then(async (issue) => {
          if (repondu) return;
          await rm(definitif, { force: true });
          if (Either.isLeft(issue)) return envoyerProbleme(res, probleme(409, issue.left._tag, "Lot déjà reçu", { detail: issue.left.message }));
          if (issue.right.type === "illisible") {
            const e = issue.right.erreur;
            return envoyerProbleme(res, probleme(422, "FluxIllisible", "Lot illisible", { detail: e.raison, ...(e.ligne === undefined ? {} : { ligne: e.ligne, colonne: e.colonne }) }));
          }
          repondre(issue.right.lot, 200);
        })
        .catch((e: unknown) => {
          if (!repondu) envoyerProbleme(res, probleme(500, "IncidentFlux", "Incident de traitement", { detail: "Le lot est au statut IN_INCIDENTE ; déposez-le à nouveau pour le reprendre." }));
          else process.stderr.write(`dépôt flux : incident ${e instanceof Error ? e.message : String(e)}\n`);
        });
    }),
  );

  r.get(
    "/:id",
    asynchrone(async (req, res) => {
      res.json(representer(await lotLisible(req, res)));
    }),
  );

  r.get(
    "/:id/compte-rendu",
    asynchrone(async (req, res) => {
      const lot = await lotLisible(req, res);
      res.json(Either.getOrThrow(await compteRendu(lots, lot.id)));
    }),
  );

  return r;
};
