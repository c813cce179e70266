import { BaseRecord, type ActionContext, type Filter, type ParamsType } from "adminjs";
import { RessourceCalculee, type DefinitionPropriete } from "../ressource-calculee.js";
import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { peutLire } from "@frais-justice/core/memoire";
import type { EtatMemoire } from "@frais-justice/core/memoire";
import {
  ETATS_OUVERTS,
  ETATS_TICKET,
  REFERENTIELS,
  filesDeLAgent,
  filesExistantes,
  libelleFile,
  memeFile,
  type EtatTicket,
  type FileTicket,
  type JuridictionFile,
} from "@frais-justice/support";
import { Either } from "effect";
import type { DepotMemoires } from "../../memoire/memoire.repository.js";
import type { CriteresFile, DepotTickets, LigneTicketAgent, TicketAgent, TriFile } from "../../support/depot-tickets.js";
import { acteurDe, type AgentConnecte, type DepotAcces } from "../acces/agents.js";
import { LIBELLES_ETATS } from "../memoires/libelles.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { detailTicket, type MemoireLiee } from "./tickets.detail.js";
import { cleFile, fileDeCle } from "./tickets.libelles.js";
import type { ChoixDeLAgent } from "../filtres-dates.js";

const PROPRIETES: ReadonlyArray<DefinitionPropriete> = [
  ["id", "string", false],
  ["numero", "string", true],
  ["etat", "string", false],
  ["titre", "string", false],
  ["file", "string", false],
  ["fileLibelle", "string", false],
  ["categorie", "string", false],
  ["categorieLibelle", "string", false],
  ["sousCategorie", "string", false],
  ["numeroObjet", "string", false],
  ["agent", "string", false],
  ["mesTickets", "string", false],
  ["motsCles", "string", false],
  ["soumisLe", "datetime", true],
  ["modifieLe", "datetime", true],
  ["version", "number", false],
  ["detail", "mixed", false],
  ["actionsPermises", "string", false],
];

/** Every catégorie of every version of the tree (filter choices), by code. */
export const CHOIX_CATEGORIES: ReadonlyArray<{ readonly value: string; readonly label: string }> = [
  ...new Map(REFERENTIELS.flatMap((r) => r.categories).map((c) => [c.code, { value: c.code, label: c.libelle }])).values(),
];

const chaine = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * The criteria of a work list from the list's filters (or the CSV export's query): always restricted
 * to the queues core's `autoriser(agent, "ticket.traiter", …)` grants; `undefined` when that leaves
 * no queue (nothing to list).
 */
export const criteresTickets = (valeurs: (cle: string) => unknown, acteur: ActeurAgent, juridictions: ReadonlyArray<JuridictionFile>): CriteresFile | undefined => {
  const siennes = filesDeLAgent(acteur, filesExistantes(juridictions));
  const cle = chaine(valeurs("file"));
  const choisie = cle === undefined ? undefined : fileDeCle(cle, juridictions);
  if (cle !== undefined && choisie === undefined) return undefined;
  const files = choisie === undefined ? siennes : siennes.filter((f) => memeFile(f, choisie));
  if (files.length === 0) return undefined;
  const etat = chaine(valeurs("etat"));
  const etats: ReadonlyArray<EtatTicket> | undefined =
    etat === undefined ? undefined : (ETATS_TICKET as ReadonlyArray<string>).includes(etat) && etat !== "BROUILLON" ? [etat as EtatTicket] : [];
  const categorie = chaine(valeurs("categorie"));
  const motsCles = chaine(valeurs("motsCles"))?.trim();
  return {
    files,
    etats: etats ?? ETATS_OUVERTS,
    ...(categorie === undefined ? {} : { categorie }),
    ...(motsCles === undefined || motsCles === "" ? {} : { motsCles }),
    ...(chaine(valeurs("mesTickets")) === "oui" ? { agentId: acteur.id } : {}),
  };
};

/** The choices of the list's filters that are an agent's own, from its queues. */
export const choixFiltresTickets = (files: ReadonlyArray<FileTicket>): ChoixDeLAgent => ({ file: files.map(cleFile) });

/** The sort of a work list (default: oldest submission first). */
export const triTickets = (sortBy: unknown, direction: unknown): TriFile => ({
  colonne: sortBy === "modifieLe" || sortBy === "numero" ? sortBy : "ouvertLe",
  sens: direction === "desc" ? "desc" : "asc",
});

/** A row of the work list as AdminJS params (also the CSV export's source). */
export const paramsLigne = (l: LigneTicketAgent, nomAgent: (id: string) => string): ParamsType => ({
  id: l.id,
  numero: l.numero,
  etat: l.etat,
  titre: l.titre,
  file: cleFile(l.file),
  fileLibelle: libelleFile(l.file),
  categorie: l.categorie.code,
  categorieLibelle: l.categorie.libelle,
  sousCategorie: l.sousCategorie.libelle,
  numeroObjet: l.objet.numero ?? "",
  agent: l.agentId === undefined ? "" : nomAgent(l.agentId),
  soumisLe: l.ouvertLe,
  modifieLe: l.modifieLe,
  version: l.version,
});

/**
 * The support tickets as an AdminJS resource over the ticket persistence. Every read is scoped to the
 * queues core's `autoriser(agent, "ticket.traiter", …)` grants: a ticket of another queue (or a
 * draft) is "not found" (list, show, actions, attachments, export). Nothing is written through
 * AdminJS's generic create/update/delete: only through the ticket commands.
 */
export class RessourceTickets extends RessourceCalculee {
  constructor(
    readonly depot: DepotTickets,
    readonly acces: DepotAcces,
    private readonly memoires: DepotMemoires,
  ) {
    super(depot, "tickets", PROPRIETES, {
      creation: "création interdite : un ticket est émis par le demandeur",
      modification: "modification générique interdite : utilisez les actions du ticket",
    });
  }

  /** Agents' names by id (the journal and the « agent affecté » column). */
  async annuaire(): Promise<(id: string) => string> {
    const noms = new Map((await this.acces.lister()).map((a) => [a.id, `${a.prenom} ${a.nom}`]));
    return (id) => noms.get(id) ?? `Agent ${id}`;
  }

  /** The queues the agent may handle (core's `autoriser` on each existing queue). */
  filesDeLAgent(agent: AgentConnecte): Promise<ReadonlyArray<FileTicket>> {
    return this.depot.filesDeLAgent(acteurDe(agent));
  }

  /** The « file » filter's choices: the agent's queues as they are now (value + French label). */
  async choixFiles(agent: AgentConnecte): Promise<ReadonlyArray<{ readonly value: string; readonly label: string }>> {
    return (await this.filesDeLAgent(agent)).map((f) => ({ value: cleFile(f), label: libelleFile(f) }));
  }

  /** The choices of the list's filters that are the agent's own (its queues), for the notice of an outdated URL. */
  async choixFiltres(agent: AgentConnecte): Promise<ChoixDeLAgent> {
    return choixFiltresTickets(await this.filesDeLAgent(agent));
  }

  async criteres(valeurs: (cle: string) => unknown, agent: AgentConnecte): Promise<CriteresFile | undefined> {
    return criteresTickets(valeurs, acteurDe(agent), await this.depot.juridictions());
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return 0;
    const criteres = await this.criteres((cle) => filter.get(cle)?.value, agent);
    if (criteres === undefined) return 0;
    return (await this.depot.fileDeTravail(acteurDe(agent), criteres, triTickets(undefined, undefined), { limite: 1, decalage: 0 })).total;
  }

  override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: "asc" | "desc" } }, context?: ActionContext): Promise<Array<BaseRecord>> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return [];
    const criteres = await this.criteres((cle) => filter.get(cle)?.value, agent);
    if (criteres === undefined) return [];
    const page = await this.depot.fileDeTravail(acteurDe(agent), criteres, triTickets(options.sort?.sortBy, options.sort?.direction), {
      limite: Math.min(options.limit ?? 20, 500),
      decalage: options.offset ?? 0,
    });
    const nom = await this.annuaire();
    return page.lignes.map((l) => new BaseRecord(paramsLigne(l, nom), this));
  }

  /** The ticket and what the agent may do on it, when the agent may handle its queue (never a draft), else undefined. */
  async ticketVisible(id: string, agent: AgentConnecte, maintenant: Date = new Date()): Promise<TicketAgent | undefined> {
    const charge = await this.depot.chargerPourAgent(id, acteurDe(agent), maintenant);
    return Either.isRight(charge) && charge.right.ticket.etat !== "BROUILLON" ? charge.right : undefined;
  }

  /** The linked mémoire: its état, and a link only when core's `peutLire` lets the agent read it. */
  private async memoireLiee(t: TicketAgent, agent: AgentConnecte): Promise<MemoireLiee | undefined> {
    const numero = t.ticket.objet.type === "MEMOIRE" ? t.ticket.objet.numero : undefined;
    if (numero === undefined) return undefined;
    if (t.memoire === undefined) return { numero, etatLibelle: "Introuvable" };
    const charge = await this.memoires.charger(t.memoire.id);
    const lisible = Either.isRight(charge) && peutLire({ acteur: acteurDe(agent) }, charge.right);
    return {
      numero: t.memoire.numero,
      etatLibelle: LIBELLES_ETATS[t.memoire.etat as EtatMemoire] ?? t.memoire.etat,
      ...(lisible ? { lien: `/admin/resources/memoires/records/${encodeURIComponent(t.memoire.id)}/show` } : {}),
    };
  }

  /** One ticket with its page, or null when it does not exist OR the agent may not handle it. */
  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return null;
    const maintenant = new Date();
    const t = await this.ticketVisible(id, agent, maintenant);
    if (t === undefined) return null;
    const { ticket } = t;
    const nom = await this.annuaire();
    const memoire = await this.memoireLiee(t, agent);
    const messages = await this.depot.boiteDEnvoi.lister({ ticketId: ticket.id }, { limite: 100, decalage: 0 });
    const detail = detailTicket(ticket, {
      acteur: acteurDe(agent),
      actionsPermises: t.actionsPermises,
      annuaire: { nomAgent: nom },
      ...(memoire === undefined ? {} : { memoire }),
      lienPiece: (pieceId) => `/admin/pieces-jointes-tickets/${encodeURIComponent(ticket.id)}/${encodeURIComponent(pieceId)}`,
      reponsesTypes: await this.depot.reponsesTypes.lister(),
      messages: messages.lignes,
    });
    return new BaseRecord(
      {
        ...paramsLigne({ ...ticket, ouvertLe: ticket.soumisLe ?? ticket.creeLe }, nom),
        detail: JSON.stringify(detail),
        actionsPermises: t.actionsPermises.join(","),
      },
      this,
    );
  }
}
