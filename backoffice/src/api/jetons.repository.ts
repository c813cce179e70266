import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Orm } from "../base/orm.js";
import { lireInstant, sqlDe, type Sql } from "../base/sql.js";
import { table, type Table } from "../base/tables.js";

/** An API token as the user sees it in their list (never the token itself). */
export interface JetonApi {
  readonly id: string;
  readonly utilisateurId: string;
  readonly libelle: string;
  /** The first characters of the token, to recognise it (`fjt_AbCdEfGh`). */
  readonly prefixe: string;
  readonly creeLe: Date;
  readonly expireLe: Date;
  readonly revoqueLe?: Date;
  readonly dernierUsageLe?: Date;
}

/** Lifetime of a token: 90 days unless asked otherwise, at most one year. */
export const DUREE_JETON_JOURS = { defaut: 90, max: 365 } as const;

const PREFIXE = "fjt_";
const JOUR_MS = 86_400_000;

/** SHA-256 (hex) of a token: what is stored and looked up. */
export const empreinteJeton = (jeton: string): string => createHash("sha256").update(jeton, "utf8").digest("hex");

const lire = (r: Readonly<Record<string, unknown>>): JetonApi => ({
  id: String(r["id"]),
  utilisateurId: String(r["utilisateurId"]),
  libelle: String(r["libelle"]),
  prefixe: String(r["prefixe"]),
  creeLe: lireInstant(r["creeLe"]),
  expireLe: lireInstant(r["expireLe"]),
  ...(r["revoqueLe"] === null || r["revoqueLe"] === undefined ? {} : { revoqueLe: lireInstant(r["revoqueLe"]) }),
  ...(r["dernierUsageLe"] === null || r["dernierUsageLe"] === undefined ? {} : { dernierUsageLe: lireInstant(r["dernierUsageLe"]) }),
});

/** A token is usable strictly before its expiry and while not revoked. */
export const jetonValide = (j: JetonApi, maintenant: Date): boolean => j.revoqueLe === undefined && maintenant.getTime() < j.expireLe.getTime();

/**
 * The API tokens of prestataire-side users (`jeton_api`). A token is 32 random bytes (base64url)
 * prefixed `fjt_`; it is returned once by {@link DepotJetons.creer} and only its SHA-256 is stored,
 * so authenticating a request is one lookup on a unique index.
 */
export class DepotJetons {
  private readonly sql: Sql;
  private readonly t: Table;

  constructor(orm: Orm) {
    this.sql = sqlDe(orm);
    this.t = table(orm, "JetonApi");
  }

  /** Creates a token for a user; the clear token is in the result and nowhere else. */
  async creer(utilisateurId: string, libelle: string, dureeJours: number, maintenant: Date): Promise<{ readonly jeton: string; readonly description: JetonApi }> {
    const jeton = `${PREFIXE}${randomBytes(32).toString("base64url")}`;
    const description: JetonApi = {
      id: randomUUID(),
      utilisateurId,
      libelle,
      prefixe: jeton.slice(0, PREFIXE.length + 8),
      creeLe: maintenant,
      expireLe: new Date(maintenant.getTime() + dureeJours * JOUR_MS),
    };
    await this.t.inserer(this.sql, [{ ...description, empreinte: empreinteJeton(jeton), revoqueLe: null, dernierUsageLe: null }]);
    return { jeton, description };
  }

  /** The token with this clear value, if any (valid or not). */
  async parJeton(jeton: string): Promise<JetonApi | undefined> {
    if (!jeton.startsWith(PREFIXE) || jeton.length > 100) return undefined;
    const [r] = await this.sql.lignes(`SELECT ${this.t.selection()} FROM jeton_api WHERE empreinte = ?`, [empreinteJeton(jeton)]);
    return r === undefined ? undefined : lire(r);
  }

  /** A user's tokens, most recent first. */
  async lister(utilisateurId: string): Promise<ReadonlyArray<JetonApi>> {
    return (await this.sql.lignes(`SELECT ${this.t.selection()} FROM jeton_api WHERE utilisateur_id = ? ORDER BY cree_le DESC, id`, [utilisateurId])).map(lire);
  }

  /** Revokes one of the user's tokens; `undefined` when the user has no such token. */
  async revoquer(utilisateurId: string, id: string, maintenant: Date): Promise<JetonApi | undefined> {
    await this.sql.lignes("UPDATE jeton_api SET revoque_le = ? WHERE id = ? AND utilisateur_id = ? AND revoque_le IS NULL", [maintenant, id, utilisateurId]);
    const [r] = await this.sql.lignes(`SELECT ${this.t.selection()} FROM jeton_api WHERE id = ? AND utilisateur_id = ?`, [id, utilisateurId]);
    return r === undefined ? undefined : lire(r);
  }

  /** Records the last use, at most once a minute per token (a write per request would serialise readers). */
  async toucher(j: JetonApi, maintenant: Date): Promise<void> {
    if (j.dernierUsageLe !== undefined && maintenant.getTime() - j.dernierUsageLe.getTime() < 60_000) return;
    await this.sql.lignes("UPDATE jeton_api SET dernier_usage_le = ? WHERE id = ?", [maintenant, j.id]);
  }
}
