import { BaseProperty, BaseRecord, BaseResource, type ActionContext, type Filter, type ParamsType } from "adminjs";
import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { peutLire } from "@frais-justice/core/memoire";
import {
  ETATS_OUVERTS,
  ETATS_TICKET,
  REFERENTIELS,
  agentDeLaFile,
  filesDeLAgent,
  filesExistantes,
  libelleFile,
  memeFile,
  type EtatTicket,
  type FileTicket,
  type JuridictionFile,
  type Ticket,
} from "@frais-justice/support";
import { Either } from "effect";
import type { DepotMemoires } from "../../memoire/memoire.repository.js";
import { acteurDe, type AgentConnecte, type DepotAcces } from "../acces/agents.js";
import { LIBELLES_ETATS } from "../memoires/libelles.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { commandesPermisesTicket, detailTicket, type MemoireLiee } from "./tickets.detail.js";
import { cleFile, fileDeCle } from "./tickets.libelles.js";
import type { CriteresTickets, LigneTicket, PortTickets, TriTickets } from "./tickets.port.js";

const PROPRIETES: ReadonlyArray<[string, NonNullable<ConstructorParameters<typeof BaseProperty>[0]["type"]>, boolean]> = [
  ["id", "string", false],
  ["numero", "string", true],
  ["etat", "string", false],
  ["titre", "string", false],
  ["file", "string", false],
  ["categorie", "string", false],
  ["sousCategorie", "string", false],
  ["numeroObjet", "string", false],
  ["agent", "string", false],
  ["mesTickets", "string", false],
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
export const criteresTickets = (valeurs: (cle: string) => unknown, acteur: ActeurAgent, juridictions: ReadonlyArray<JuridictionFile>): CriteresTickets | undefined => {
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
  return {
    files,
    etats: etats ?? ETATS_OUVERTS,
    ...(categorie === undefined ? {} : { categorie }),
    ...(chaine(valeurs("mesTickets")) === "oui" ? { agentId: acteur.id } : {}),
  };
};

/** The sort of a work list (default: oldest submission first). */
export const triTickets = (sortBy: unknown, direction: unknown): TriTickets => ({
  colonne: sortBy === "modifieLe" || sortBy === "numero" ? sortBy : "soumisLe",
  sens: direction === "desc" ? "desc" : "asc",
});

/** A row of the work list as AdminJS params (also the CSV export's source). */
export const paramsLigne = (l: LigneTicket, nomAgent: (id: string) => string): ParamsType => ({
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
  soumisLe: l.soumisLe ?? l.creeLe,
  modifieLe: l.modifieLe,
  version: l.version,
});

/**
 * The support tickets as an AdminJS resource over the ticket persistence. Every read is scoped to the
 * queues core's `autoriser(agent, "ticket.traiter", …)` grants: a ticket of another queue (or a
 * draft) is "not found" (list, show, actions, attachments, export). Nothing is written through
 * AdminJS's generic create/update/delete: only through the ticket commands.
 */
export class RessourceTickets extends BaseResource {
  private readonly proprietes: ReadonlyArray<BaseProperty>;

  constructor(
    readonly port: PortTickets,
    readonly acces: DepotAcces,
    private readonly memoires: DepotMemoires,
  ) {
    super(port);
    this.proprietes = PROPRIETES.map(([path, type, isSortable], position) => new BaseProperty({ path, type, isId: path === "id", isSortable, position }));
  }

  static override isAdapterFor(): boolean {
    return false;
  }

  override databaseName(): string {
    return "frais-justice";
  }

  override databaseType(): string {
    return "sql";
  }

  override id(): string {
    return "tickets";
  }

  override properties(): Array<BaseProperty> {
    return [...this.proprietes];
  }

  override property(path: string): BaseProperty | null {
    return this.proprietes.find((p) => p.path() === path) ?? null;
  }

  /** Agents' names by id (the journal and the « agent affecté » column). */
  async annuaire(): Promise<(id: string) => string> {
    const noms = new Map((await this.acces.lister()).map((a) => [a.id, `${a.prenom} ${a.nom}`]));
    return (id) => noms.get(id) ?? `Agent ${id}`;
  }

  /** The queues the agent may handle (core's `autoriser` on each existing queue). */
  async filesDeLAgent(agent: AgentConnecte): Promise<ReadonlyArray<FileTicket>> {
    return filesDeLAgent(acteurDe(agent), filesExistantes(await this.port.juridictions()));
  }

  async criteres(valeurs: (cle: string) => unknown, agent: AgentConnecte): Promise<CriteresTickets | undefined> {
    return criteresTickets(valeurs, acteurDe(agent), await this.port.juridictions());
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return 0;
    const criteres = await this.criteres((cle) => filter.get(cle)?.value, agent);
    return criteres === undefined ? 0 : this.port.compter(criteres);
  }

  override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: "asc" | "desc" } }, context?: ActionContext): Promise<Array<BaseRecord>> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return [];
    const criteres = await this.criteres((cle) => filter.get(cle)?.value, agent);
    if (criteres === undefined) return [];
    const lignes = await this.port.lister(criteres, triTickets(options.sort?.sortBy, options.sort?.direction), { limite: Math.min(options.limit ?? 20, 500), decalage: options.offset ?? 0 });
    const nom = await this.annuaire();
    return lignes.map((l) => new BaseRecord(paramsLigne(l, nom), this));
  }

  /** The ticket when the agent may handle its queue (and it is not a draft), else undefined. */
  async ticketVisible(id: string, agent: AgentConnecte): Promise<Ticket | undefined> {
    const ticket = await this.port.charger(id);
    if (ticket === undefined || ticket.etat === "BROUILLON" || !agentDeLaFile(acteurDe(agent), ticket.file)) return undefined;
    return ticket;
  }

  /** The mémoire a ticket names: its état, and a link only when core's `peutLire` lets the agent read it. */
  private async memoireLiee(ticket: Ticket, agent: AgentConnecte): Promise<MemoireLiee | undefined> {
    const numero = ticket.objet.numero;
    if (ticket.objet.type !== "MEMOIRE" || numero === undefined) return undefined;
    const charge = await this.memoires.chargerParNumero(numero);
    if (Either.isLeft(charge)) return { numero, etatLibelle: "Introuvable" };
    const m = charge.right;
    return {
      numero: m.numero,
      etatLibelle: LIBELLES_ETATS[m.etat],
      ...(peutLire({ acteur: acteurDe(agent) }, m) ? { lien: `/admin/resources/memoires/records/${m.id}/show` } : {}),
    };
  }

  /** One ticket with its page, or null when it does not exist OR the agent may not handle it. */
  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return null;
    const ticket = await this.ticketVisible(id, agent);
    if (ticket === undefined) return null;
    const acteur = acteurDe(agent);
    const maintenant = new Date();
    const nom = await this.annuaire();
    const memoire = await this.memoireLiee(ticket, agent);
    const detail = detailTicket(ticket, {
      acteur,
      maintenant,
      annuaire: { nomAgent: nom },
      ...(memoire === undefined ? {} : { memoire }),
      lienPiece: (pieceId) => `/admin/pieces-jointes-tickets/${encodeURIComponent(ticket.id)}/${encodeURIComponent(pieceId)}`,
    });
    return new BaseRecord(
      {
        ...paramsLigne(ticket, nom),
        detail: JSON.stringify(detail),
        actionsPermises: commandesPermisesTicket(ticket, acteur, maintenant).join(","),
      },
      this,
    );
  }

  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<Array<BaseRecord>> {
    const records = await Promise.all(ids.map((id) => this.findOne(String(id), context)));
    return records.filter((r): r is BaseRecord => r !== null);
  }

  override build(params: Record<string, unknown>): BaseRecord {
    return new BaseRecord(params, this);
  }

  override create(): Promise<ParamsType> {
    return Promise.reject(new Error("création interdite : un ticket est émis par le demandeur"));
  }

  override update(): Promise<ParamsType> {
    return Promise.reject(new Error("modification générique interdite : utilisez les actions du ticket"));
  }

  override delete(): Promise<void> {
    return Promise.reject(new Error("suppression interdite"));
  }
}
