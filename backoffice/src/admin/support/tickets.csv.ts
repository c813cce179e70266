import { libelleFile } from "@frais-justice/support";
import type { Response } from "express";
import { champCsv } from "../../serveur/csv.js";
import type { AgentConnecte } from "../acces/agents.js";
import { date, dateHeure } from "../memoires/libelles.js";
import { LIBELLES_ETATS_TICKET } from "./tickets.libelles.js";
import type { LigneTicketAgent } from "../../support/depot-tickets.js";
import { acteurDe } from "../acces/agents.js";
import { triTickets, type RessourceTickets } from "./tickets.ressource.js";

/** The columns of the queue export: French header and value of a row. */
export const COLONNES_TICKETS: ReadonlyArray<readonly [string, (l: LigneTicketAgent, nomAgent: (id: string) => string) => string]> = [
  ["Numéro", (l) => l.numero],
  ["État", (l) => LIBELLES_ETATS_TICKET[l.etat]],
  ["Description brève", (l) => l.titre],
  ["File", (l) => libelleFile(l.file)],
  ["Catégorie", (l) => l.categorie.libelle],
  ["Sous-catégorie", (l) => l.sousCategorie.libelle],
  ["N° objet", (l) => l.objet.numero ?? ""],
  ["Agent affecté", (l, nom) => (l.agentId === undefined ? "" : nom(l.agentId))],
  ["Ouvert le", (l) => date(l.ouvertLe)],
  ["Dernière activité", (l) => dateHeure(l.modifieLe)],
];

/**
 * Streams the agent's current queue (the list's filters and sort) as CSV: UTF-8 with BOM, `;`
 * separator, CRLF, French headers, cells starting with `= + - @` neutralised; read and written by
 * pages of 1,000 tickets, waiting for the socket to drain. A filter naming a queue outside the
 * agent's ones gives the headers only.
 */
export const ecrireCsvTickets = async (
  ressource: RessourceTickets,
  agent: AgentConnecte,
  valeurs: (cle: string) => unknown,
  tri: { readonly sortBy?: unknown; readonly direction?: unknown },
  res: Response,
): Promise<void> => {
  const criteres = await ressource.criteres(valeurs, agent);
  const nom = await ressource.annuaire();
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="tickets.csv"`);
  res.setHeader("Cache-Control", "no-store");
  const ecrire = (texte: string): Promise<void> => new Promise((ok) => (res.write(texte) ? ok() : res.once("drain", ok)));
  await ecrire(`\uFEFF${COLONNES_TICKETS.map(([t]) => champCsv(t)).join(";")}\r\n`);
  const TAILLE = 1000;
  for (let decalage = 0; criteres !== undefined; decalage += TAILLE) {
    const { lignes } = await ressource.depot.fileDeTravail(acteurDe(agent), criteres, triTickets(tri.sortBy, tri.direction), { limite: TAILLE, decalage });
    if (lignes.length > 0) await ecrire(lignes.map((l) => `${COLONNES_TICKETS.map(([, f]) => champCsv(f(l, nom))).join(";")}\r\n`).join(""));
    if (lignes.length < TAILLE || res.destroyed) break;
  }
  res.end();
};
