import { BaseRecord, type ActionContext, type Filter } from "adminjs";
import { RessourceCalculee, type DefinitionPropriete } from "../ressource-calculee.js";
import type { Juridiction } from "@frais-justice/core/juridiction";
import { Either } from "effect";
import type { Orm } from "../../base/orm.js";
import { sqlDe, type Sql } from "../../base/sql.js";
import {
  LIBELLES_CATEGORIE,
  LIBELLES_STATUT_STRUCTURE,
  LIBELLES_TYPE_IDENTIFIANT,
  compterStructures,
  detailStructure,
  listerStructures,
  type CriteresStructures,
  type LigneStructure,
} from "../../organisation/organisation.lecture.js";
import type { DepotAcces } from "../acces/agents.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { ACCES_INTROUVABLE, ACCES_REFUSE, peutLireOrganisation } from "./organisation.acces.js";

const PROPRIETES: ReadonlyArray<DefinitionPropriete> = [
  ["id", "string", false],
  ["raisonSociale", "string", true],
  ["identifiantType", "string", false],
  ["identifiantValeur", "string", true],
  ["categorie", "string", true],
  ["statut", "string", true],
  ["texte", "string", false],
  ["detail", "mixed", false],
  ["acces", "string", false],
];

const chaine = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** The criteria of an AdminJS filter of the structures list. */
export const criteresStructures = (valeur: (cle: string) => unknown): CriteresStructures => {
  const c: Record<string, string> = {};
  for (const cle of ["texte", "identifiantType", "raisonSociale", "categorie", "statut"] as const) {
    const v = chaine(valeur(cle));
    if (v !== undefined) c[cle] = v;
  }
  const identifiant = chaine(valeur("identifiantValeur"));
  if (identifiant !== undefined) c["identifiant"] = identifiant;
  return c;
};

const params = (l: LigneStructure) => ({
  id: l.id,
  raisonSociale: l.raisonSociale,
  identifiantType: l.identifiantType,
  identifiantValeur: l.identifiantValeur,
  categorie: l.categorie ?? "",
  statut: l.statut,
});

/**
 * The structures as an AdminJS resource, read with SQL behind the organisation repositories; the
 * show page carries the whole detail (identity, address, services, informations mémoire, bank
 * details with masked IBAN, mandats, members and their habilitations, prérequis, audit). Readable
 * only by the agents `peutLireOrganisation` admits; never written through AdminJS's generic forms.
 */
export class RessourceStructures extends RessourceCalculee {
  private readonly sql: Sql;

  constructor(
    readonly orm: Orm,
    private readonly acces: DepotAcces,
    private readonly juridictions: () => ReadonlyArray<Juridiction>,
  ) {
    super(orm, "structures", PROPRIETES, {
      creation: "création interdite : une structure est créée par son gestionnaire sur le portail",
      modification: "modification générique interdite : les règles de la structure passent par les commandes du domaine",
    });
    this.sql = sqlDe(orm);
  }

  private lecteur(context?: ActionContext): boolean {
    return peutLireOrganisation(agentDuContexte(context), this.juridictions());
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    if (!this.lecteur(context)) return 0;
    return compterStructures(this.sql, criteresStructures((cle) => filter.get(cle)?.value));
  }

  override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: "asc" | "desc" } }, context?: ActionContext): Promise<Array<BaseRecord>> {
    if (!this.lecteur(context)) return [];
    const lignes = await listerStructures(
      this.sql,
      criteresStructures((cle) => filter.get(cle)?.value),
      { ...(options.sort?.sortBy === undefined ? {} : { colonne: options.sort.sortBy }), sens: options.sort?.direction ?? "asc" },
      { limite: Math.min(options.limit ?? 20, 500), decalage: options.offset ?? 0 },
    );
    return lignes.map((l) => new BaseRecord(params(l), this));
  }

  /**
   * One structure with its detail. For an agent who may not read structures, or an unknown id, a
   * bare record holding only the id asked and `acces` (`refuse` / `introuvable`): AdminJS answers a
   * missing record with 200 and a notice, so the actions read `acces` and answer 403 / 404 themselves.
   */
  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    if (agentDuContexte(context) === undefined) return null;
    if (!this.lecteur(context)) return new BaseRecord({ id, acces: ACCES_REFUSE }, this);
    const noms = new Map((await this.acces.lister()).map((a) => [a.id, `${a.prenom} ${a.nom}`]));
    const nomAuteur = (type: string, idAuteur: string) => (type === "AGENT" ? (noms.get(idAuteur) ?? `Agent ${idAuteur}`) : type === "SYSTEME" ? "Système" : `Utilisateur ${idAuteur}`);
    const vue = await detailStructure(this.orm, id, new Date(), nomAuteur);
    if (Either.isLeft(vue)) {
      if (vue.left._tag === "DocumentIntrouvable") return new BaseRecord({ id, acces: ACCES_INTROUVABLE }, this);
      throw new Error(vue.left.message);
    }
    const [ligne] = await this.sql.lignes<LigneStructure>(
      `SELECT id, identifiant_type AS "identifiantType", identifiant_valeur AS "identifiantValeur", raison_sociale AS "raisonSociale", categorie, statut FROM structure WHERE id = ?`,
      [id],
    );
    if (ligne === undefined) return new BaseRecord({ id, acces: ACCES_INTROUVABLE }, this);
    return new BaseRecord({ ...params(ligne), detail: JSON.stringify(vue.right) }, this);
  }

  /** A refusal record (`acces` set) is not a record to act on. */
  protected override retenu(r: BaseRecord): boolean {
    return r.params["acces"] === undefined;
  }
}

/** `availableValues` of the structure list's coded columns (French labels, never the codes). */
export const VALEURS_STRUCTURES = {
  identifiantType: LIBELLES_TYPE_IDENTIFIANT,
  categorie: LIBELLES_CATEGORIE,
  statut: LIBELLES_STATUT_STRUCTURE,
} as const;
