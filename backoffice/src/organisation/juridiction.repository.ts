import { depuisParseError } from "@frais-justice/core";
import type { Agent, Juridiction } from "@frais-justice/core/juridiction";
import { Either, Schema, type ParseResult } from "effect";
import type { Orm } from "../base/orm.js";
import { lireBooleen, lireInstant, sqlDe, type Sql } from "../base/sql.js";
import { table, type Table } from "../base/tables.js";
import { DonneesCorrompues } from "../memoire/memoire.errors.js";
import { DocumentIntrouvable } from "./documents.repository.js";
import { AgentStocke, JuridictionStockee } from "./organisation.documents.js";
import { decodeurStocke } from "../base/decodage.js";

type Ligne = Readonly<Record<string, unknown>>;

const corrompu = (t: string, id: string) => (e: ParseResult.ParseError) => new DonneesCorrompues({ table: t, id, erreurs: depuisParseError(e).erreurs });
const json = (v: unknown): unknown => {
  try {
    return typeof v === "string" ? (JSON.parse(v) as unknown) : v;
  } catch {
    return v; // the Schema reports the field
  }
};

/** Juridictions (table `juridiction` of the back-office access schema), validated by core's schemas on reading. */
export class DepotJuridictions {
  private readonly t: Table;
  private readonly sql: Sql;
  private readonly decoder = decodeurStocke(JuridictionStockee);
  constructor(orm: Orm) {
    this.t = table(orm, "Juridiction");
    this.sql = sqlDe(orm);
  }
  private lire = (r: Ligne) => Either.mapLeft(this.decoder({ code: r["code"], libelle: r["libelle"], type: r["type"], courAppel: r["courAppel"] }), corrompu("juridiction", String(r["code"])));

  async enregistrerNouveaux(js: ReadonlyArray<Juridiction>): Promise<void> {
    await this.sql.transaction((tx) => this.t.inserer(tx, js.map((j) => ({ ...j }))));
  }
  async charger(code: string): Promise<Either.Either<Juridiction, DocumentIntrouvable | DonneesCorrompues>> {
    const [r] = await this.sql.lignes<Ligne>(`SELECT ${this.t.selection()} FROM juridiction WHERE code = ?`, [code]);
    return r === undefined ? Either.left(new DocumentIntrouvable({ entite: "juridiction", id: code })) : this.lire(r);
  }
  /** The juridictions of a cour d'appel's ressort (the cour included). */
  async duRessort(courAppel: string): Promise<Either.Either<ReadonlyArray<Juridiction>, DonneesCorrompues>> {
    return Either.all((await this.sql.lignes<Ligne>(`SELECT ${this.t.selection()} FROM juridiction WHERE cour_appel = ? ORDER BY code`, [courAppel])).map(this.lire));
  }
}

/** Agents (table `agent`; its sign-in columns belong to the back-office access code), validated on reading. */
export class DepotAgents {
  private readonly t: Table;
  private readonly sql: Sql;
  private readonly decoder = decodeurStocke(AgentStocke);
  private readonly encoder = Schema.encodeSync(AgentStocke);
  constructor(orm: Orm) {
    this.t = table(orm, "Agent");
    this.sql = sqlDe(orm);
  }
  private lire = (r: Ligne) =>
    Either.mapLeft(
      this.decoder({
        id: r["id"],
        email: r["email"],
        nom: r["nom"],
        prenom: r["prenom"],
        roles: json(r["roles"]),
        perimetre: json(r["perimetre"]),
        actif: lireBooleen(r["actif"]),
        creeLe: lireInstant(r["creeLe"]).toISOString(),
      }),
      corrompu("agent", String(r["id"])),
    );

  async enregistrerNouveaux(agents: ReadonlyArray<Agent>): Promise<void> {
    await this.sql.transaction((tx) =>
      this.t.inserer(
        tx,
        agents.map((a) => {
          const e = this.encoder(a);
          return { ...a, roles: JSON.stringify(e.roles), perimetre: JSON.stringify(e.perimetre), echecsConnexion: 0 };
        }),
      ),
    );
  }
  async charger(id: string): Promise<Either.Either<Agent, DocumentIntrouvable | DonneesCorrompues>> {
    const [r] = await this.sql.lignes<Ligne>(`SELECT ${this.t.selection()} FROM agent WHERE id = ?`, [id]);
    return r === undefined ? Either.left(new DocumentIntrouvable({ entite: "agent", id })) : this.lire(r);
  }
}
