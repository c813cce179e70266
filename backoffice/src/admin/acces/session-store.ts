import session from "express-session";
import { lectureDe, lireInstant, sqlDe, type Sql } from "../../base/sql.js";
import type { Orm } from "../../base/orm.js";
import { colonnesAgent, lireAgent, type AgentLu, type LigneAgent } from "./agents.js";

type Rappel<T = void> = (erreur?: unknown, valeur?: T) => void;

const DUREE_PAR_DEFAUT_MS = 8 * 3_600_000;

/**
 * The statement that reads a session by its id (one parameter) on every request, with its agent: the
 * session's agent (its id is in the session's JSON) comes back with the session row, so the request
 * that reloads its agent (every request does) finds it read, without a second statement.
 */
export const requeteLectureSession = (dialecte: Sql["dialecte"]): string => {
  const idAgent = dialecte === "sqlite" ? "json_extract(s.donnees, '$.adminUser.id')" : "(s.donnees::json -> 'adminUser' ->> 'id')";
  return `SELECT s.donnees AS "donnees", s.expire AS "expire", ${colonnesAgent("a")} FROM session_admin s LEFT JOIN agent a ON a.id = ${idAgent} WHERE s.sid = ?`;
};

/**
 * Sessions of the back-office in the database (table `session_admin`), shared by every process and
 * surviving restarts; expired rows are ignored on read and purged at most once a minute on write.
 */
export class MagasinSessions extends session.Store {
  private readonly sql: Sql;
  /** Reads of a session (every request): the read-only connections on SQLite. */
  private readonly lectureSql: Sql;
  private dernierePurge = 0;
  /** Last expiry written per session: `touch` writes only when it moves by more than a minute. */
  private readonly derniersTouch = new Map<string, number>();
  /** The agent row read with each session (same statement), until the request takes it: {@link agentLu}. */
  private readonly agentsLus = new Map<string, AgentLu | null>();
  private readonly lecture: string;

  constructor(orm: Orm, private readonly horloge: () => Date = () => new Date()) {
    super();
    this.sql = sqlDe(orm);
    this.lectureSql = lectureDe(orm);
    this.lecture = requeteLectureSession(this.sql.dialecte);
  }

  /**
   * The agent read with session `sid` during this request (removed once taken): `null` when the
   * session's agent no longer exists, `undefined` when it was not read with the session (then the
   * caller reads it itself).
   */
  agentLu(sid: string): AgentLu | null | undefined {
    const lu = this.agentsLus.get(sid);
    this.agentsLus.delete(sid);
    return lu;
  }

  private expiration(donnees: session.SessionData): Date {
    const fin = donnees.cookie?.expires;
    if (fin instanceof Date) return fin;
    if (typeof fin === "string") return new Date(fin);
    return new Date(this.horloge().getTime() + (donnees.cookie?.originalMaxAge ?? DUREE_PAR_DEFAUT_MS));
  }

  override get(sid: string, rappel: Rappel<session.SessionData | null>): void {
    this.lectureSql
      .lignes<{ donnees: string; expire: unknown } & Partial<LigneAgent>>(this.lecture, [sid])
      .then(([ligne]) => {
        if (ligne === undefined || lireInstant(ligne.expire).getTime() <= this.horloge().getTime()) return rappel(undefined, null);
        const donnees = JSON.parse(ligne.donnees) as session.SessionData;
        if (donnees.adminUser !== undefined) {
          if (this.agentsLus.size > 10_000) this.agentsLus.clear();
          this.agentsLus.set(sid, ligne.id === undefined || ligne.id === null ? null : lireAgent(ligne as LigneAgent));
        }
        return rappel(undefined, donnees);
      })
      .catch((e: unknown) => rappel(e));
  }

  override set(sid: string, donnees: session.SessionData, rappel?: Rappel): void {
    const expire = this.expiration(donnees);
    this.sql
      .lignes(
        "INSERT INTO session_admin (sid, donnees, expire) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET donnees = excluded.donnees, expire = excluded.expire",
        [sid, JSON.stringify(donnees), expire],
      )
      .then(() => this.purger())
      .then(() => rappel?.())
      .catch((e: unknown) => rappel?.(e));
  }

  override touch(sid: string, donnees: session.SessionData, rappel?: Rappel): void {
    const expire = this.expiration(donnees).getTime();
    if (Math.abs(expire - (this.derniersTouch.get(sid) ?? 0)) < 60_000) return void rappel?.();
    if (this.derniersTouch.size > 10_000) this.derniersTouch.clear();
    this.derniersTouch.set(sid, expire);
    this.sql
      .lignes("UPDATE session_admin SET expire = ? WHERE sid = ?", [this.expiration(donnees), sid])
      .then(() => rappel?.())
      .catch((e: unknown) => rappel?.(e));
  }

  override destroy(sid: string, rappel?: Rappel): void {
    this.derniersTouch.delete(sid);
    this.sql
      .lignes("DELETE FROM session_admin WHERE sid = ?", [sid])
      .then(() => rappel?.())
      .catch((e: unknown) => rappel?.(e));
  }

  /** Removes every session of an agent (deactivation, password change). */
  async detruireSessionsDe(agentId: string): Promise<void> {
    await this.sql.lignes("DELETE FROM session_admin WHERE donnees LIKE ?", [`%"id":${JSON.stringify(agentId)}%`]);
  }

  private async purger(): Promise<void> {
    const maintenant = this.horloge();
    if (maintenant.getTime() - this.dernierePurge < 60_000) return;
    this.dernierePurge = maintenant.getTime();
    await this.sql.lignes("DELETE FROM session_admin WHERE expire <= ?", [maintenant]);
  }
}
