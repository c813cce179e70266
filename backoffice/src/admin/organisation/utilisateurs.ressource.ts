import { BaseRecord, type ActionContext, type Filter } from "adminjs";
import { RessourceCalculee, type DefinitionPropriete } from "../ressource-calculee.js";
import type { Juridiction } from "@frais-justice/core/juridiction";
import { Either } from "effect";
import type { Orm } from "../../base/orm.js";
import { sqlDe, type Sql } from "../../base/sql.js";
import { compterUtilisateurs, detailUtilisateur, listerUtilisateurs, resumeUtilisateur, type CriteresUtilisateurs, type LigneUtilisateur } from "../../organisation/organisation.lecture.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { ACCES_INTROUVABLE, ACCES_REFUSE, peutLireOrganisation } from "./organisation.acces.js";

const PROPRIETES: ReadonlyArray<DefinitionPropriete> = [
  ["id", "string", false],
  ["email", "string", true],
  ["nom", "string", false],
  ["statut", "string", true],
  ["compte", "string", false],
  ["texte", "string", false],
  ["structureId", "string", false],
  ["detail", "mixed", false],
  ["acces", "string", false],
];

const chaine = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** The criteria of an AdminJS filter of the users list. */
export const criteresUtilisateurs = (valeur: (cle: string) => unknown): CriteresUtilisateurs => {
  const c: Record<string, string> = {};
  for (const cle of ["texte", "email", "statut", "structureId"] as const) {
    const v = chaine(valeur(cle));
    if (v !== undefined) c[cle] = v;
  }
  return c;
};

/**
 * The prestataire-side users as an AdminJS resource: e-mail, name, account state (awaiting
 * activation, active, locked until…); the show page lists their rattachements (structure, rôle,
 * service) and habilitations. Never the password hash nor the activation link. Same readers as the
 * structures (`peutLireOrganisation`).
 */
export class RessourceUtilisateurs extends RessourceCalculee {
  private readonly sql: Sql;

  constructor(
    readonly orm: Orm,
    private readonly juridictions: () => ReadonlyArray<Juridiction>,
  ) {
    super(orm, "utilisateurs", PROPRIETES, {
      creation: "création interdite : un utilisateur crée son compte sur le portail",
      modification: "modification générique interdite",
    });
    this.sql = sqlDe(orm);
  }

  private lecteur(context?: ActionContext): boolean {
    return peutLireOrganisation(agentDuContexte(context), this.juridictions());
  }

  private record(l: LigneUtilisateur, maintenant: Date, detail?: string): BaseRecord {
    const r = resumeUtilisateur(l, maintenant);
    return new BaseRecord({ id: l.id, email: l.email, nom: r.nom, statut: l.statut, compte: r.compte, ...(detail === undefined ? {} : { detail }) }, this);
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    if (!this.lecteur(context)) return 0;
    return compterUtilisateurs(this.sql, criteresUtilisateurs((cle) => filter.get(cle)?.value));
  }

  override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: "asc" | "desc" } }, context?: ActionContext): Promise<Array<BaseRecord>> {
    if (!this.lecteur(context)) return [];
    const maintenant = new Date();
    const lignes = await listerUtilisateurs(
      this.sql,
      criteresUtilisateurs((cle) => filter.get(cle)?.value),
      { ...(options.sort?.sortBy === undefined ? {} : { colonne: options.sort.sortBy }), sens: options.sort?.direction ?? "asc" },
      { limite: Math.min(options.limit ?? 20, 500), decalage: options.offset ?? 0 },
    );
    return lignes.map((l) => this.record(l, maintenant));
  }

  /** One user with their detail; for a non-reader or an unknown id, a bare record with `acces` (see `RessourceStructures.findOne`). */
  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    if (agentDuContexte(context) === undefined) return null;
    if (!this.lecteur(context)) return new BaseRecord({ id, acces: ACCES_REFUSE }, this);
    const maintenant = new Date();
    const vue = await detailUtilisateur(this.orm, id, maintenant);
    if (Either.isLeft(vue)) {
      if (vue.left._tag === "DocumentIntrouvable") return new BaseRecord({ id, acces: ACCES_INTROUVABLE }, this);
      throw new Error(vue.left.message);
    }
    const [ligne] = await this.sql.lignes<LigneUtilisateur>(`SELECT id, email, statut, donnees FROM utilisateur WHERE id = ?`, [id]);
    return ligne === undefined ? new BaseRecord({ id, acces: ACCES_INTROUVABLE }, this) : this.record(ligne, maintenant, JSON.stringify(vue.right));
  }

  /** A refusal record (`acces` set) is not a record to act on. */
  protected override retenu(r: BaseRecord): boolean {
    return r.params["acces"] === undefined;
  }
}
