import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { dateDuJour, type EtatMemoire, type Memoire } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { ouvrirOrm, type Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { executerCommande } from "../memoire/memoire.commandes.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { hasard } from "../seed/hasard.js";
import { genererMemoire, joindrePieces, JURIDICTIONS } from "../seed/memoires.generateur.js";
import { creerApplication, type Application } from "./application.js";
import { AGENTS_DEMO, chargerDemo } from "./demo.js";

/** A back-office on a fresh SQLite file with the demo agents and juridictions (no mémoires). */
export const banc = async (): Promise<{ orm: Orm; application: Application; dossierPieces: string; detruire: () => Promise<void> }> => {
  const dossier = mkdtempSync(join(tmpdir(), "fj-bo-"));
  const orm = await ouvrirOrm({ dialecte: "sqlite", fichier: join(dossier, "bo.sqlite") });
  await chargerDemo(orm, { nombre: 0 });
  const dossierPieces = join(dossier, "pieces");
  const application = await creerApplication({ orm, secret: "secret-de-test", dossierPieces });
  return {
    orm,
    application,
    dossierPieces,
    detruire: async () => {
      await orm.close(true);
      rmSync(dossier, { recursive: true, force: true });
    },
  };
};

let graine = 1;
let numero = 10_000;

/** Writes a generated mémoire in `etat`, addressed to `juridictionCode` (with attachments if given); returns its id. */
export const memoireEn = async (orm: Orm, etat: EtatMemoire, juridictionCode = "750", piecesJointes: Memoire["piecesJointes"] = []): Promise<string> => {
  const j = JURIDICTIONS.find((x) => x.code === juridictionCode) ?? JURIDICTIONS[0];
  graine += 1;
  numero += 1;
  const r = genererMemoire(hasard(graine), {
    structures: [{ id: "structure-interpretes", categorie: "INTERPRETE_TRADUCTEUR" }],
    agents: ["demo-greffier-paris"],
    utilisateurs: ["utilisateur-1"],
    numero,
    etat,
    creeLe: new Date(Date.now() - 20 * 86_400_000),
    nombreLignes: 2,
    juridiction: { code: j.code, libelle: j.libelle, courAppel: j.courAppel },
  });
  // Attachments belong to the mémoire as deposited: a sent one's certificat de dépôt covers them.
  await new DepotMemoires(orm).enregistrerNouveaux([joindrePieces(r, piecesJointes)]);
  return r.memoire.id;
};

/**
 * A mémoire of `juridictionCode` taxed below its request just now by its magistrat (core's command
 * through the repository, as the back-office runs it): the ordonnance the greffe must notify.
 */
export const memoireTaxeeEnDessous = async (orm: Orm, juridictionCode = "750"): Promise<string> => {
  const id = await memoireEn(orm, "A_TAXER", juridictionCode);
  const depot = new DepotMemoires(orm);
  const m = Either.getOrThrow(await depot.charger(id));
  const magistrat: ActeurAgent = { _tag: "Agent", id: "demo-magistrat-paris", roles: ["MAGISTRAT_TAXATEUR"], perimetre: { juridictions: [juridictionCode], coursAppel: [] } };
  const taxation = { lignes: m.lignes.map((l) => ({ ligneId: l.id, montantHtTaxe: "10.00" })), motif: "Tarif appliqué" };
  Either.getOrThrow(await executerCommande(depot, id, m.version, { type: "memoire.taxer", taxation }, { acteur: magistrat, maintenant: new Date(), genererId: randomUUID }));
  return id;
};

/**
 * A mémoire taxed below its request (as `memoireTaxeeEnDessous`) against which the prestataire's
 * appeal, filed today, is recorded by the greffier of the juridiction: waiting for the chambre de
 * l'instruction's decision.
 */
export const memoireEnRecours = async (orm: Orm, juridictionCode = "750"): Promise<string> => {
  const id = await memoireTaxeeEnDessous(orm, juridictionCode);
  const depot = new DepotMemoires(orm);
  const m = Either.getOrThrow(await depot.charger(id));
  const greffier: ActeurAgent = { _tag: "Agent", id: "demo-greffier-paris", roles: ["GREFFIER"], perimetre: { juridictions: [juridictionCode], coursAppel: [] } };
  const maintenant = new Date();
  const formeLe = dateDuJour(maintenant).toString();
  Either.getOrThrow(await executerCommande(depot, id, m.version, { type: "memoire.constater-recours-taxe", formeLe, par: "PARTIE_PRENANTE" }, { acteur: greffier, maintenant, genererId: randomUUID }));
  return id;
};

/** The stored state of a mémoire: état, version, number of audit events and the last command. */
export const etatStocke = async (orm: Orm, id: string) => {
  const sql = sqlDe(orm);
  const [m] = await sql.lignes<{ etat: string; version: unknown; montantTtc: string; agentEnCharge: string | null }>(
    `SELECT etat, version, montant_ttc AS "montantTtc", agent_en_charge AS "agentEnCharge" FROM memoire WHERE id = ?`,
    [id],
  );
  const evenements = await sql.lignes<{ commande: string; auteurId: string; motif: string | null }>(
    `SELECT commande, auteur_id AS "auteurId", motif FROM evenement_memoire WHERE memoire_id = ? ORDER BY rang`,
    [id],
  );
  return { etat: m?.etat, version: Number(m?.version), montantTtc: m?.montantTtc, agentEnCharge: m?.agentEnCharge, evenements };
};

/** A signed-in supertest agent for a demo account (by its id). */
export const connecter = async (application: Application, agentId: string) => {
  const compte = AGENTS_DEMO.find((a) => a.id === agentId);
  if (compte === undefined) throw new Error(`agent de démonstration inconnu : ${agentId}`);
  const client = request.agent(application.app);
  const reponse = await client.post("/admin/login").field("email", compte.email).field("password", compte.motDePasse);
  if (reponse.status !== 302 || reponse.headers["location"] !== "/admin") throw new Error(`connexion de ${agentId} refusée (${reponse.status})`);
  return client;
};
