import { BaseRecord, type ActionContext, type Filter, type ParamsType } from "adminjs";
import { RessourceCalculee, type DefinitionPropriete } from "../ressource-calculee.js";
import type { Juridiction } from "@frais-justice/core/juridiction";
import { peutLire, type EtatMemoire } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { lectureDe, lireInstant, type Sql } from "../../base/sql.js";
import { dialecteDe, type Orm } from "../../base/orm.js";
import type { Dialecte } from "../../base/configuration.js";
import { DepotMemoires } from "../../memoire/memoire.repository.js";
import { BoiteNotificationsMemoire } from "../../memoire/notifications.repository.js";
import { acteurDe, juridictionsPermises, type AgentConnecte, type DepotAcces } from "../acces/agents.js";
import { bornesJour, jourParis } from "../jours-paris.js";
import type { ChoixDeLAgent } from "../filtres-dates.js";
import { ETATS_EN_ATTENTE_DU_ROLE, LIBELLES_ETATS, euros, libellePrestataire } from "./libelles.js";
import { resumeUtilisateur, type LigneUtilisateur } from "../../organisation/organisation.lecture.js";
import {
  COLONNES_TRI,
  MAX_STRUCTURES_PRESTATAIRE,
  SEUIL_TEXTE_FREQUENT,
  clauseWhere,
  motsRecherche,
  numeroComplet,
  requeteCompte,
  requeteFrequenceNumero,
  requeteFrequenceTexte,
  requeteListe,
  SEUIL_NUMERO_SELECTIF,
  requeteStructuresPrestataire,
  type ClauseWhere,
  type ColonneTri,
  type CriteresListe,
} from "./memoires.requete.js";
import { commandesPermises, detailMemoire, type Prestataire } from "./memoires.detail.js";

/** The agent of the request (AdminJS's `currentAdmin`), or undefined when none is signed in. */
export const agentDuContexte = (context?: { readonly currentAdmin?: ActionContext["currentAdmin"] | undefined }): AgentConnecte | undefined => {
  const a = context?.currentAdmin as Partial<AgentConnecte> | undefined;
  return a?.id === undefined || a.roles === undefined || a.perimetre === undefined ? undefined : (a as AgentConnecte);
};

const PROPRIETES: ReadonlyArray<DefinitionPropriete> = [
  ["id", "string", false],
  ["numero", "string", true],
  ["etat", "string", true],
  ["juridiction", "string", false],
  ["juridictionCode", "string", true],
  ["envoyeLe", "datetime", true],
  ["misADispositionLe", "datetime", true],
  ["prestataire", "string", false],
  ["identifiantPrestataire", "string", false],
  ["structureId", "string", false],
  ["categoriePrestataire", "string", false],
  ["texteReference", "string", false],
  ["numeroEngagementJuridique", "string", false],
  ["montantDemande", "string", false],
  ["montantTtc", "string", true],
  ["montantModifie", "boolean", false],
  ["aTraiter", "string", false],
  ["recoursEnInstance", "string", false],
  ["texte", "string", false],
  ["version", "number", false],
  ["detail", "mixed", false],
  ["actionsPermises", "string", false],
];

const chaine = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/** The criteria of an AdminJS filter (the list's filter drawer, or the CSV export's query). */
export const criteresDepuisFiltre = (valeurs: (cle: string) => unknown, agent: AgentConnecte, maintenant: Date = new Date()): CriteresListe => {
  const periode = valeurs("envoyeLe") as { from?: unknown; to?: unknown } | string | undefined;
  // Paris calendar days: « du » from the day's first instant, « au » through the day's last (jours-paris.ts).
  const du = typeof periode === "object" ? bornesJour(periode.from)?.debut : undefined;
  const au = typeof periode === "object" ? bornesJour(periode.to)?.finExclue : undefined;
  const aTraiter = chaine(valeurs("aTraiter")) === "oui";
  const texte = (cle: string) => chaine(valeurs(cle));
  const c: Record<string, unknown> = {
    numero: texte("numero"),
    juridictionCode: texte("juridictionCode"),
    etat: texte("etat"),
    deposeDu: du,
    deposeAvant: au,
    structureId: texte("structureId"),
    prestataire: texte("prestataire"),
    categoriePrestataire: texte("categoriePrestataire"),
    texteReference: texte("texteReference"),
    numeroEngagementJuridique: texte("numeroEngagementJuridique"),
    texte: texte("texte"),
    recoursEnInstance: chaine(valeurs("recoursEnInstance")) === "oui" ? true : undefined,
    etatsEnAttente: aTraiter ? [...new Set(agent.roles.flatMap((r) => ETATS_EN_ATTENTE_DU_ROLE[r]))] : undefined,
    taxesEnAttente:
      aTraiter && (agent.roles.includes("GREFFIER") || agent.roles.includes("ORDONNATEUR"))
        ? { aNotifier: agent.roles.includes("GREFFIER"), ...(agent.roles.includes("ORDONNATEUR") ? { executablesAu: jourParis(maintenant) } : {}) }
        : undefined,
  };
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
};

interface LigneListe {
  id: string;
  numero: string;
  etat: EtatMemoire;
  version: unknown;
  juridictionCode: string;
  juridictionLibelle: string;
  courAppel: string;
  structureId: string;
  categoriePrestataire: string | null;
  texteReference: string | null;
  numeroEngagementJuridique: string | null;
  envoyeLe: unknown;
  misADispositionLe: unknown;
  montantTtc: string;
  montantsDemandes: string | null;
  montantModifie: unknown;
  raisonSociale: string | null;
  identifiantPrestataire: string | null;
}

/** Row of the list as AdminJS params (also the CSV export's source). */
export const paramsListe = (l: LigneListe): ParamsType => {
  const demande = l.montantsDemandes === null ? undefined : (JSON.parse(l.montantsDemandes) as { montantTtc?: string }).montantTtc;
  return {
    id: l.id,
    numero: l.numero,
    etat: l.etat,
    juridiction: `${l.juridictionCode} - ${l.juridictionLibelle}`,
    juridictionCode: l.juridictionCode,
    envoyeLe: l.envoyeLe === null || l.envoyeLe === undefined ? null : lireInstant(l.envoyeLe),
    misADispositionLe: l.misADispositionLe === null || l.misADispositionLe === undefined ? null : lireInstant(l.misADispositionLe),
    structureId: l.structureId,
    prestataire: libellePrestataire(l.structureId, l.raisonSociale),
    identifiantPrestataire: l.identifiantPrestataire ?? "",
    categoriePrestataire: l.categoriePrestataire ?? "",
    texteReference: l.texteReference ?? "",
    numeroEngagementJuridique: l.numeroEngagementJuridique ?? "",
    montantDemande: euros(demande ?? l.montantTtc),
    montantTtc: euros(l.montantTtc),
    montantModifie: l.montantModifie === true || l.montantModifie === 1 || l.montantModifie === "1",
    version: Number(l.version),
  };
};

type JsonRecord = ReturnType<BaseRecord["toJSON"]>;

/**
 * A row of the mémoires list. AdminJS asks every action of the resource, for every row, whether it is
 * visible and accessible (hundreds of calls per page). Here the only thing of a row those rules read is
 * its `actionsPermises` (what core's machine lets this agent do now; absent from list rows), so the
 * rows of one request that share it share one answer: computed once per agent object (one per request)
 * and per `actionsPermises`.
 */
class LigneMemoire extends BaseRecord {
  private static readonly actionsDeLaRequete = new WeakMap<object, Map<string, Pick<JsonRecord, "recordActions" | "bulkActions">>>();

  override toJSON(currentAdmin?: ActionContext["currentAdmin"]): JsonRecord {
    if (currentAdmin === undefined) return super.toJSON(currentAdmin);
    let parPermises = LigneMemoire.actionsDeLaRequete.get(currentAdmin);
    if (parPermises === undefined) {
      parPermises = new Map();
      LigneMemoire.actionsDeLaRequete.set(currentAdmin, parPermises);
    }
    const cle = String(this.params["actionsPermises"] ?? "");
    const connues = parPermises.get(cle);
    if (connues === undefined) {
      const json = super.toJSON(currentAdmin);
      parPermises.set(cle, { recordActions: json.recordActions, bulkActions: json.bulkActions });
      return json;
    }
    const populated = Object.fromEntries(Object.entries(this.populated).map(([k, v]) => [k, v?.toJSON(currentAdmin) ?? v]));
    return { params: this.params, populated, baseError: this.baseError, errors: this.errors, id: this.id(), title: this.resource.decorate().titleOf(this), ...connues };
  }
}

/**
 * The mémoires as an AdminJS resource, read with SQL behind the persistence repository. Every read is
 * scoped to the juridictions core's `autoriser` lets the agent consult: a guessed id of another
 * juridiction is "not found" (list, show, actions, export). Writes never go through AdminJS's
 * generic create/update/delete (disabled): only through the domain actions.
 */
export class RessourceMemoires extends RessourceCalculee {
  readonly depot: DepotMemoires;
  /** The notices to the prestataire the show page lists. */
  private readonly notifications: BoiteNotificationsMemoire;
  readonly dialecte: Dialecte;
  private readonly sql: Sql;

  constructor(
    readonly orm: Orm,
    readonly agents: DepotAcces,
  ) {
    super(orm, "memoires", PROPRIETES, {
      creation: "création interdite : un mémoire est créé par le prestataire",
      modification: "modification générique interdite : utilisez les actions du mémoire",
    });
    this.depot = new DepotMemoires(orm);
    this.notifications = new BoiteNotificationsMemoire(orm);
    this.sql = lectureDe(orm);
    this.dialecte = dialecteDe(orm);
  }

  private cacheJuridictions: { readonly le: number; readonly valeur: Promise<ReadonlyArray<Juridiction>> } | undefined;

  /** The juridiction codes the agent may consult (core's `autoriser` on each juridiction). */
  async juridictionsVisibles(agent: AgentConnecte): Promise<ReadonlyArray<string>> {
    return juridictionsPermises(acteurDe(agent), "memoire.consulter-juridiction", await this.juridictions());
  }

  /** The juridictions (a small table), re-read at most every 10 seconds. */
  juridictions(): Promise<ReadonlyArray<Juridiction>> {
    const maintenant = Date.now();
    if (this.cacheJuridictions === undefined || maintenant - this.cacheJuridictions.le > 10_000) {
      this.cacheJuridictions = { le: maintenant, valeur: this.agents.juridictions() };
    }
    return this.cacheJuridictions.valeur;
  }

  /** The juridiction filter's choices: the juridictions the agent may consult, read now. */
  async choixJuridictions(agent: AgentConnecte): Promise<ReadonlyArray<{ readonly value: string; readonly label: string }>> {
    const toutes = await this.agents.juridictions();
    const visibles = new Set(juridictionsPermises(acteurDe(agent), "memoire.consulter-juridiction", toutes));
    return toutes.filter((j) => visibles.has(j.code)).map((j) => ({ value: j.code, label: `${j.code} - ${j.libelle}` }));
  }

  /** The choices of the list's filters that are the agent's own (its juridictions), for the notice of an outdated URL. */
  async choixFiltres(agent: AgentConnecte): Promise<ChoixDeLAgent> {
    return { juridictionCode: (await this.choixJuridictions(agent)).map((c) => c.value) };
  }

  private where(filter: Filter, agent: AgentConnecte) {
    return this.clauses(agent, (cle) => filter.get(cle)?.value);
  }

  /**
   * The WHERE clauses of the list for the agent and the typed filters: the page's (list, CSV export)
   * and the capped count's, which reads a numéro by range whatever its frequency. On SQLite a free
   * text first asks how frequent its words are, a numéro how many numbers start with it (once per
   * request), to pick the page's plan.
   */
  async clauses(agent: AgentConnecte, valeurs: (cle: string) => unknown): Promise<{ readonly page: ClauseWhere; readonly compte: ClauseWhere }> {
    let criteres = criteresDepuisFiltre(valeurs, agent);
    const mots = this.dialecte === "sqlite" && criteres.texte !== undefined ? motsRecherche(criteres.texte) : [];
    const texteFrequent = mots.length > 0 && (await this.texteFrequent(agent, mots));
    const numeroSelectif = this.dialecte === "sqlite" && criteres.numero !== undefined && criteres.numero.trim() !== "" && (await this.numeroSelectif(agent, criteres.numero));
    // The prestataire's structures first (a small table): the mémoires are then read by structure.
    if (criteres.prestataire !== undefined && criteres.prestataire.trim() !== "") {
      const structures = await this.structuresPrestataire(agent, criteres.prestataire);
      if (structures.length <= MAX_STRUCTURES_PRESTATAIRE) criteres = { ...criteres, structuresPrestataire: structures };
    }
    const visibles = await this.juridictionsVisibles(agent);
    return {
      page: clauseWhere(visibles, criteres, this.dialecte, { texteFrequent, numeroSelectif }),
      compte: clauseWhere(visibles, criteres, this.dialecte, { texteFrequent, compte: true }),
    };
  }

  /** What this request already asked the database (count and page share it), by the request's agent object. */
  private readonly reponsesDeLaRequete = new WeakMap<object, Map<string, Promise<unknown>>>();

  private uneFoisParRequete<T>(agent: AgentConnecte, cle: string, lire: () => Promise<T>): Promise<T> {
    let reponses = this.reponsesDeLaRequete.get(agent);
    if (reponses === undefined) {
      reponses = new Map();
      this.reponsesDeLaRequete.set(agent, reponses);
    }
    let r = reponses.get(cle) as Promise<T> | undefined;
    if (r === undefined) {
      r = lire();
      reponses.set(cle, r);
    }
    return r;
  }

  private texteFrequent(agent: AgentConnecte, mots: ReadonlyArray<string>): Promise<boolean> {
    return this.uneFoisParRequete(agent, `texte:${mots.join(" ")}`, async () => {
      const q = requeteFrequenceTexte(mots);
      const [l] = await this.sql.lignes<{ n: unknown }>(q.sql, q.params);
      return Number(l?.n ?? 0) >= SEUIL_TEXTE_FREQUENT;
    });
  }

  private numeroSelectif(agent: AgentConnecte, numero: string): Promise<boolean> {
    // A whole number matches one mémoire at most: no need to ask.
    if (numeroComplet(numero)) return Promise.resolve(true);
    return this.uneFoisParRequete(agent, `numero:${numero}`, async () => {
      const q = requeteFrequenceNumero(numero);
      const [l] = await this.sql.lignes<{ n: unknown }>(q.sql, q.params);
      return Number(l?.n ?? 0) < SEUIL_NUMERO_SELECTIF;
    });
  }

  private structuresPrestataire(agent: AgentConnecte, prestataire: string): Promise<ReadonlyArray<string>> {
    return this.uneFoisParRequete(agent, `prestataire:${prestataire}`, async () => {
      const q = requeteStructuresPrestataire(prestataire);
      return (await this.sql.lignes<{ id: string }>(q.sql, q.params)).map((l) => l.id);
    });
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return 0;
    return this.compter(agent, (await this.where(filter, agent)).compte);
  }

  /**
   * The capped count of a WHERE clause, once per request: the list's `find` starts it with the page
   * (AdminJS asks for it only after the page's records are built), and `count` then finds it under way.
   * Beyond PLAFOND_COMPTE the list shows "plus de 10 000" (no scan of a whole juridiction per page).
   */
  private compter(agent: AgentConnecte, where: ClauseWhere): Promise<number> {
    const compte = requeteCompte(where);
    return this.uneFoisParRequete(agent, `compte:${compte.sql}\u0000${JSON.stringify(compte.params)}`, async () => {
      const [l] = await this.sql.lignes<{ n: unknown }>(compte.sql, compte.params);
      return Number(l?.n ?? 0);
    });
  }

  override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: "asc" | "desc" } }, context?: ActionContext): Promise<Array<BaseRecord>> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return [];
    const { page: where, compte } = await this.where(filter, agent);
    const colonne: ColonneTri = options.sort?.sortBy !== undefined && options.sort.sortBy in COLONNES_TRI ? (options.sort.sortBy as ColonneTri) : "envoyeLe";
    const requete = requeteListe(where, { colonne, sens: options.sort?.direction ?? "asc" }, { limite: Math.min(options.limit ?? 20, 500), decalage: options.offset ?? 0 });
    const page = this.sql.lignes<LigneListe>(requete.sql, requete.params);
    // The list action asks for the count next: sent now, it runs while the page's rows are turned into
    // records (a failure is reported by `count`, not here).
    if (context?.action.name === "list") this.compter(agent, compte).catch(() => undefined);
    const lignes = await page;
    return lignes.map((l) => new LigneMemoire(paramsListe(l), this));
  }

  /**
   * Records already read during this request, keyed by the request's agent object (AdminJS hands the
   * session's `adminUser` object to every call of one request; the next request deserialises a new
   * one): the access guard and AdminJS's own lookup of the same record read it once.
   */
  private readonly lusDansLaRequete = new WeakMap<object, Map<string, Promise<BaseRecord | null>>>();

  /** One mémoire with its detail, or null when it does not exist OR the agent may not read it. */
  override findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    const agent = agentDuContexte(context);
    if (agent === undefined) return Promise.resolve(null);
    let lus = this.lusDansLaRequete.get(agent);
    if (lus === undefined) {
      lus = new Map();
      this.lusDansLaRequete.set(agent, lus);
    }
    const deja = lus.get(id);
    if (deja !== undefined) return deja;
    const lecture = this.lire(id, agent);
    lus.set(id, lecture);
    return lecture;
  }

  /** Forgets what this request read of a mémoire (after a command changed it). */
  oublier(id: string, context?: { readonly currentAdmin?: ActionContext["currentAdmin"] | undefined }): void {
    const agent = agentDuContexte(context);
    if (agent !== undefined) this.lusDansLaRequete.get(agent)?.delete(id);
  }

  private async lire(id: string, agent: AgentConnecte): Promise<BaseRecord | null> {
    const charge = await this.depot.charger(id);
    if (Either.isLeft(charge)) return null;
    const memoire = charge.right;
    const acteur = acteurDe(agent);
    if (!peutLire({ acteur }, memoire)) return null;
    const evenements = Either.getOrElse(await this.depot.historique(id), () => []);
    // Only the agents named by this mémoire (timeline, agent in charge, magistrat), and its prestataire.
    const idsAgents = [...new Set([...evenements.filter((e) => e.auteur.type === "AGENT").map((e) => e.auteur.id), memoire.agentEnCharge, memoire.taxation?.magistratId].filter((x): x is string => x !== undefined))];
    // And the prestataire's users it names (its author, its sender…).
    const idsUtilisateurs = [...new Set([...evenements.filter((e) => e.auteur.type === "UTILISATEUR").map((e) => e.auteur.id), ...(memoire.creePar.type === "UTILISATEUR" ? [memoire.creePar.id] : [])])];
    const [noms, nomsUtilisateurs, prestataire, service, notifications] = await Promise.all([
      this.nomsAgents(idsAgents),
      this.nomsUtilisateurs(idsUtilisateurs),
      this.prestataire(memoire.enTete.structureId),
      this.libelleService(memoire.enTete.structureId, memoire.enTete.serviceId),
      // Only a taxed mémoire has notices today: the others skip the query.
      memoire.taxation === undefined ? Promise.resolve([]) : this.notifications.duMemoire(memoire.id),
    ]);
    const annuaire = (type: string, idActeur: string) =>
      type === "SYSTEME" ? "Système" : type === "AGENT" ? (noms.get(idActeur) ?? `Agent ${idActeur}`) : (nomsUtilisateurs.get(idActeur) ?? `Utilisateur ${idActeur}`);
    const detail = detailMemoire(memoire, evenements, annuaire, prestataire, service, notifications);
    const j = memoire.enTete.juridiction;
    const demande = memoire.montantsDemandes === undefined ? undefined : detail.totauxDemandes?.montantTtc;
    return new BaseRecord(
      {
        id: memoire.id,
        numero: memoire.numero,
        etat: memoire.etat,
        juridiction: `${j.code} - ${j.libelle}`,
        juridictionCode: j.code,
        envoyeLe: memoire.envoyeLe ?? null,
        misADispositionLe: memoire.misADispositionLe ?? null,
        structureId: memoire.enTete.structureId,
        prestataire: libellePrestataire(memoire.enTete.structureId, prestataire?.raisonSociale),
        identifiantPrestataire: prestataire?.identifiant ?? "",
        categoriePrestataire: memoire.enTete.categoriePrestataire ?? "",
        texteReference: memoire.enTete.texteReference ?? "",
        numeroEngagementJuridique: memoire.enTete.numeroEngagementJuridique ?? "",
        montantDemande: demande ?? detail.totaux?.montantTtc ?? "",
        montantTtc: detail.totaux?.montantTtc ?? "",
        montantModifie: memoire.montantModifie,
        version: memoire.version,
        detail: JSON.stringify(detail),
        actionsPermises: commandesPermises(memoire, acteur, new Date()).join(","),
      },
      this,
    );
  }

  private async nomsAgents(ids: ReadonlyArray<string>): Promise<ReadonlyMap<string, string>> {
    if (ids.length === 0) return new Map();
    const lignes = await this.sql.lignes<{ id: string; prenom: string; nom: string }>(`SELECT id, prenom, nom FROM agent WHERE id IN (${ids.map(() => "?").join(", ")})`, ids);
    return new Map(lignes.map((l) => [l.id, `${l.prenom} ${l.nom}`]));
  }

  /** "Élise Cœur (prestataire)" (the e-mail when the account has no name) of each known user of a prestataire. */
  private async nomsUtilisateurs(ids: ReadonlyArray<string>): Promise<ReadonlyMap<string, string>> {
    if (ids.length === 0) return new Map();
    const lignes = await this.sql.lignes<LigneUtilisateur>(`SELECT id, email, statut, donnees FROM utilisateur WHERE id IN (${ids.map(() => "?").join(", ")})`, ids);
    const maintenant = new Date();
    return new Map(lignes.map((l) => [l.id, `${resumeUtilisateur(l, maintenant).nom || l.email} (prestataire)`]));
  }

  /** The libellé of the prestataire's service the mémoire names (its code is unique in its structure). */
  private async libelleService(structureId: string, code: string | undefined): Promise<string | undefined> {
    if (code === undefined) return undefined;
    const [l] = await this.sql.lignes<{ libelle: string }>(`SELECT libelle FROM service WHERE structure_id = ? AND code = ?`, [structureId, code]);
    return l?.libelle;
  }

  private async prestataire(structureId: string): Promise<Prestataire | undefined> {
    const [l] = await this.sql.lignes<{ raisonSociale: string; identifiantType: string; identifiant: string }>(
      `SELECT raison_sociale AS "raisonSociale", identifiant_type AS "identifiantType", identifiant_valeur AS "identifiant" FROM structure WHERE id = ?`,
      [structureId],
    );
    return l;
  }
}

export { LIBELLES_ETATS };
