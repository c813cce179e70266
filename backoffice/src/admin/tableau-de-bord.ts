import { formaterMontant } from "@frais-justice/core/montants";
import { lectureDe, lireInstant } from "../base/sql.js";
import type { Orm } from "../base/orm.js";
import { acteurDe, type AgentConnecte } from "./acces/agents.js";
import { PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT } from "@frais-justice/support";
import { DepotTicketsSql } from "../support/depot-tickets.sql.js";
import type { DepotTickets } from "../support/depot-tickets.js";
import { syntheseSupport, type SyntheseSupport } from "./support/tickets.compteurs.js";
import { LIBELLES_ETATS, ETATS_INVISIBLES_JURIDICTION } from "./memoires/libelles.js";
import type { EtatMemoire } from "@frais-justice/core/memoire";
import { BigDecimal } from "effect";

/** States still waiting for the court (the backlog). */
const ETATS_EN_COURS: ReadonlyArray<EtatMemoire> = ["MIS_A_DISPOSITION", "A_TAXER", "CERTIFIE", "TAXE", "VALIDE"];
const JOUR = 86_400_000;

const marques = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

/**
 * The support counts of the agent's queues (core's `autoriser(agent, "ticket.traiter", queue)`):
 * open, waiting for the requester and overdue tickets per queue; undefined without any queue.
 */
export const donneesSupport = async (
  tickets: Pick<DepotTickets, "filesDeLAgent" | "tableauDeBord">,
  agent: AgentConnecte,
  maintenant: Date,
): Promise<SyntheseSupport | undefined> => {
  const acteur = acteurDe(agent);
  const files = await tickets.filesDeLAgent(acteur);
  if (files.length === 0) return undefined;
  const parametres = PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT;
  return syntheseSupport(files, await tickets.tableauDeBord(acteur, maintenant, parametres), parametres.joursAvantRetard);
};

/** The états in the order of the lifecycle (the order of LIBELLES_ETATS). */
const RANG_ETAT: ReadonlyArray<string> = Object.keys(LIBELLES_ETATS);

/**
 * The figures of the agent's dashboard, over the juridictions they may consult: counts per état,
 * backlog by age, mémoires processed per week (12 weeks), taxed vs requested amounts (12 months);
 * and the support tickets of their queues (open, waiting, overdue).
 */
export const donneesTableauDeBord = async (
  orm: Orm,
  agent: AgentConnecte,
  juridictions: ReadonlyArray<string>,
  maintenant: Date = new Date(),
  tickets: Pick<DepotTickets, "filesDeLAgent" | "tableauDeBord"> = new DepotTicketsSql(orm),
) => {
  const sql = lectureDe(orm);
  const support = await donneesSupport(tickets, agent, maintenant);
  const base = { agent: `${agent.title} (${agent.email})`, juridictions: [...juridictions], ...(support === undefined ? {} : { support }) };
  if (juridictions.length === 0) return { ...base, parEtat: [], anciennete: [], parSemaine: [], montantsTaxation: [] };
  const j = marques(juridictions.length);
  const parEtat = await sql.lignes<{ etat: EtatMemoire; n: unknown }>(
    `SELECT etat, COUNT(*) AS n FROM memoire WHERE juridiction_code IN (${j}) AND etat NOT IN (${marques(ETATS_INVISIBLES_JURIDICTION.length)}) GROUP BY etat ORDER BY etat`,
    [...juridictions, ...ETATS_INVISIBLES_JURIDICTION],
  );
  const t = maintenant.getTime();
  const bornes = [new Date(t - 30 * JOUR), new Date(t - 60 * JOUR), new Date(t - 90 * JOUR)];
  const [age] = await sql.lignes<Record<string, unknown>>(
    `SELECT SUM(CASE WHEN mis_a_disposition_le >= ? THEN 1 ELSE 0 END) AS a,
            SUM(CASE WHEN mis_a_disposition_le < ? AND mis_a_disposition_le >= ? THEN 1 ELSE 0 END) AS b,
            SUM(CASE WHEN mis_a_disposition_le < ? AND mis_a_disposition_le >= ? THEN 1 ELSE 0 END) AS c,
            SUM(CASE WHEN mis_a_disposition_le < ? THEN 1 ELSE 0 END) AS d
     FROM memoire WHERE juridiction_code IN (${j}) AND etat IN (${marques(ETATS_EN_COURS.length)})`,
    [bornes[0] ?? null, bornes[0] ?? null, bornes[1] ?? null, bornes[1] ?? null, bornes[2] ?? null, bornes[2] ?? null, ...juridictions, ...ETATS_EN_COURS],
  );
  const debut = new Date(t - 12 * 7 * JOUR);
  const traites = await sql.lignes<{ le: unknown }>(
    `SELECT e.le AS le FROM evenement_memoire e JOIN memoire m ON m.id = e.memoire_id
     WHERE m.juridiction_code IN (${j}) AND e.le >= ? AND e.commande IN ('memoire.certifier', 'memoire.taxer', 'memoire.refuser', 'memoire.constater-forclusion', 'memoire.mettre-en-paiement')`,
    [...juridictions, debut],
  );
  const semaines = Array.from({ length: 12 }, (_, i) => ({ debut: new Date(debut.getTime() + i * 7 * JOUR), valeur: 0 }));
  for (const { le } of traites) {
    const i = Math.floor((lireInstant(le).getTime() - debut.getTime()) / (7 * JOUR));
    const s = semaines[i];
    if (s !== undefined) s.valeur += 1;
  }
  const taxes = await sql.lignes<{ montantTtc: string; demandes: string | null }>(
    `SELECT montant_ttc AS "montantTtc", montants_demandes AS demandes FROM memoire
     WHERE juridiction_code IN (${j}) AND taxation IS NOT NULL AND etat_le >= ? LIMIT 100000`,
    [...juridictions, new Date(t - 365 * JOUR)],
  );
  let taxe = BigDecimal.make(0n, 2);
  let demande = BigDecimal.make(0n, 2);
  for (const x of taxes) {
    taxe = BigDecimal.sum(taxe, BigDecimal.unsafeFromString(x.montantTtc));
    const d = x.demandes === null ? x.montantTtc : ((JSON.parse(x.demandes) as { montantTtc?: string }).montantTtc ?? x.montantTtc);
    demande = BigDecimal.sum(demande, BigDecimal.unsafeFromString(d));
  }
  const centimes = (b: BigDecimal.BigDecimal): number => Number(formaterMontant(b).replace(".", ""));
  return {
    ...base,
    // In the order of the lifecycle (LIBELLES_ETATS lists the états so), not alphabetically.
    parEtat: [...parEtat]
      .sort((a, b) => RANG_ETAT.indexOf(a.etat) - RANG_ETAT.indexOf(b.etat))
      .map((l) => ({ libelle: LIBELLES_ETATS[l.etat] ?? l.etat, valeur: Number(l.n), etat: l.etat })),
    anciennete: [
      { libelle: "0 à 30 jours", valeur: Number(age?.["a"] ?? 0) },
      { libelle: "30 à 60 jours", valeur: Number(age?.["b"] ?? 0) },
      { libelle: "60 à 90 jours", valeur: Number(age?.["c"] ?? 0) },
      { libelle: "plus de 90 jours", valeur: Number(age?.["d"] ?? 0) },
    ],
    parSemaine: semaines.map((s) => ({ libelle: s.debut.toLocaleDateString("fr-FR", { day: "2-digit", month: "2-digit", timeZone: "Europe/Paris" }), valeur: s.valeur })),
    montantsTaxation: [
      { libelle: "Demandé", valeur: centimes(demande) },
      { libelle: "Taxé", valeur: centimes(taxe) },
    ],
  };
};
