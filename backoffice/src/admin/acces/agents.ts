import { estAutorise, type Action, type ActeurAgent, type RoleAgent } from "@frais-justice/core/autorisation";
import { RolesAgentSchema, type Juridiction, type TypeJuridiction } from "@frais-justice/core/juridiction";
import { enregistrerEchecConnexion, estVerrouille, REGLES_COMPTE, type Utilisateur } from "@frais-justice/core/utilisateur";
import { Either, Schema } from "effect";
import { randomUUID } from "node:crypto";
import { lireInstant, sqlDe, type Sql } from "../../base/sql.js";
import type { Orm } from "../../base/orm.js";
import { hashLeurre, hacherMotDePasse, verifierMotDePasseHache } from "./mot-de-passe.js";

/** An agent as the back-office holds them (never the hash outside this module). */
export interface AgentLu {
  readonly id: string;
  readonly email: string;
  readonly nom: string;
  readonly prenom: string;
  readonly roles: ReadonlyArray<RoleAgent>;
  readonly perimetre: { readonly juridictions: ReadonlyArray<string>; readonly coursAppel: ReadonlyArray<string>; readonly supportNational?: boolean };
  readonly actif: boolean;
  readonly creeLe: Date;
  readonly echecsConnexion: number;
  readonly verrouilleJusqua?: Date;
}

/** What the session keeps (AdminJS's `currentAdmin`): refreshed from the database on every request. */
export interface AgentConnecte {
  readonly id: string;
  readonly email: string;
  readonly title: string;
  readonly roles: ReadonlyArray<RoleAgent>;
  readonly perimetre: AgentLu["perimetre"];
  readonly actif: boolean;
}

export interface LigneAgent {
  id: string;
  email: string;
  nom: string;
  prenom: string;
  roles: string;
  perimetre: string;
  actif: unknown;
  hashMotDePasse: string | null;
  echecsConnexion: unknown;
  verrouilleJusqua: unknown;
  creeLe: unknown;
}

const decoderRolesSchema = Schema.decodeUnknownSync(RolesAgentSchema);
/** The roles of the rows already read, by their stored text (decoded once: every request reads its agent). */
const rolesLus = new Map<string, ReturnType<typeof decoderRolesSchema>>();
const decoderRoles = (texte: string): ReturnType<typeof decoderRolesSchema> => {
  const connus = rolesLus.get(texte);
  if (connus !== undefined) return connus;
  const roles = decoderRolesSchema(JSON.parse(texte));
  if (rolesLus.size >= 1_000) rolesLus.clear();
  rolesLus.set(texte, roles);
  return roles;
};
/** The columns of an agent row as {@link LigneAgent}, from the table aliased `t`. */
export const colonnesAgent = (t: string): string =>
  `${t}.id AS "id", ${t}.email AS "email", ${t}.nom AS "nom", ${t}.prenom AS "prenom", ${t}.roles AS "roles", ${t}.perimetre AS "perimetre", ` +
  `${t}.actif AS "actif", ${t}.hash_mot_de_passe AS "hashMotDePasse", ${t}.echecs_connexion AS "echecsConnexion", ` +
  `${t}.verrouille_jusqua AS "verrouilleJusqua", ${t}.cree_le AS "creeLe"`;
const SELECTION = `SELECT ${colonnesAgent("agent")} FROM agent`;

export const lireAgent = (l: LigneAgent): AgentLu => {
  const perimetre = JSON.parse(l.perimetre) as { juridictions?: Array<string>; coursAppel?: Array<string>; supportNational?: unknown };
  return {
    id: l.id,
    email: l.email,
    nom: l.nom,
    prenom: l.prenom,
    roles: decoderRoles(l.roles),
    perimetre: { juridictions: perimetre.juridictions ?? [], coursAppel: perimetre.coursAppel ?? [], ...(perimetre.supportNational === true ? { supportNational: true } : {}) },
    actif: l.actif === true || l.actif === 1 || l.actif === "1",
    creeLe: lireInstant(l.creeLe),
    echecsConnexion: Number(l.echecsConnexion),
    ...(l.verrouilleJusqua === null || l.verrouilleJusqua === undefined ? {} : { verrouilleJusqua: lireInstant(l.verrouilleJusqua) }),
  };
};

/** The actor `autoriser` reads, from the session's agent. */
export const acteurDe = (agent: Pick<AgentConnecte, "id" | "roles" | "perimetre" | "actif">): ActeurAgent => ({
  _tag: "Agent",
  id: agent.id,
  roles: agent.roles,
  perimetre: agent.perimetre,
  actif: agent.actif,
});

export const agentConnecte = (a: AgentLu): AgentConnecte => ({
  id: a.id,
  email: a.email,
  title: `${a.prenom} ${a.nom}`,
  roles: a.roles,
  perimetre: a.perimetre,
  actif: a.actif,
});

/** Core's lockout rule reads a `Utilisateur`: the agent's sign-in data in that shape. */
const commeUtilisateur = (a: AgentLu): Utilisateur => ({
  id: a.id,
  email: a.email,
  nom: a.nom,
  prenom: a.prenom,
  statut: "ACTIF",
  echecsConnexion: a.echecsConnexion,
  ...(a.verrouilleJusqua === undefined ? {} : { verrouilleJusquA: a.verrouilleJusqua }),
  dateCreation: new Date(0),
});

/** Outcome of a sign-in attempt (the login page shows the same message for every failure). */
export type ResultatConnexion =
  | { readonly _tag: "Connecte"; readonly agent: AgentConnecte }
  | { readonly _tag: "Refuse"; readonly raison: "INCONNU" | "MOT_DE_PASSE" | "VERROUILLE" | "INACTIF" };

/** Juridictions and agents of the back-office, in the database. */
export class DepotAcces {
  private readonly sql: Sql;

  constructor(orm: Orm) {
    this.sql = sqlDe(orm);
  }

  async parId(id: string): Promise<AgentLu | undefined> {
    const [l] = await this.sql.lignes<LigneAgent>(`${SELECTION} WHERE id = ?`, [id]);
    return l === undefined ? undefined : lireAgent(l);
  }

  async parEmail(email: string): Promise<AgentLu | undefined> {
    const [l] = await this.sql.lignes<LigneAgent>(`${SELECTION} WHERE email = ?`, [email.trim().toLowerCase()]);
    return l === undefined ? undefined : lireAgent(l);
  }

  async lister(): Promise<ReadonlyArray<AgentLu>> {
    return (await this.sql.lignes<LigneAgent>(`${SELECTION} ORDER BY nom, prenom`)).map(lireAgent);
  }

  async nombre(): Promise<number> {
    const [l] = await this.sql.lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM agent");
    return Number(l?.n ?? 0);
  }

  /** Creates an agent with a password (demo data, first administrator). */
  async creer(agent: Omit<AgentLu, "id" | "echecsConnexion" | "verrouilleJusqua" | "creeLe"> & { readonly id?: string }, motDePasse: string, maintenant: Date): Promise<string> {
    const id = agent.id ?? randomUUID();
    await this.sql.lignes(
      `INSERT INTO agent (id, email, nom, prenom, roles, perimetre, actif, cree_le, hash_mot_de_passe, mot_de_passe_modifie_le, echecs_connexion, verrouille_jusqua)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)`,
      [id, agent.email.toLowerCase(), agent.nom, agent.prenom, JSON.stringify(agent.roles), JSON.stringify(agent.perimetre), agent.actif, maintenant, await hacherMotDePasse(motDePasse), maintenant],
    );
    return id;
  }

  /**
   * Checks an e-mail and password. Unknown e-mails cost the same scrypt as known ones. Failures are
   * counted by core's rule (`enregistrerEchecConnexion`: the 5th in a row locks for one hour); while
   * locked, even the right password is refused. A success resets the counter.
   */
  async connecter(email: string, motDePasse: string, maintenant: Date): Promise<ResultatConnexion> {
    const agent = await this.parEmail(email);
    const [ligne] = agent === undefined ? [] : await this.sql.lignes<{ h: string | null }>("SELECT hash_mot_de_passe AS h FROM agent WHERE id = ?", [agent.id]);
    const hash = ligne?.h ?? (await hashLeurre());
    const bon = await verifierMotDePasseHache(motDePasse, hash);
    if (agent === undefined || ligne?.h === null || ligne?.h === undefined) return { _tag: "Refuse", raison: "INCONNU" };
    const utilisateur = commeUtilisateur(agent);
    if (estVerrouille(utilisateur, maintenant)) return { _tag: "Refuse", raison: "VERROUILLE" };
    if (!bon) {
      const echec = enregistrerEchecConnexion(utilisateur, { maintenant, genererId: randomUUID }, REGLES_COMPTE);
      if (Either.isRight(echec)) {
        const apres = echec.right.state;
        await this.sql.lignes("UPDATE agent SET echecs_connexion = ?, verrouille_jusqua = ? WHERE id = ?", [apres.echecsConnexion, apres.verrouilleJusquA ?? null, agent.id]);
      }
      return { _tag: "Refuse", raison: "MOT_DE_PASSE" };
    }
    if (!agent.actif) return { _tag: "Refuse", raison: "INACTIF" };
    await this.sql.lignes("UPDATE agent SET echecs_connexion = 0, verrouille_jusqua = NULL WHERE id = ?", [agent.id]);
    return { _tag: "Connecte", agent: agentConnecte(agent) };
  }

  /** Writes the activation decided by core's `desactiverAgent` / `reactiverAgent`. */
  async changerActivite(id: string, actif: boolean): Promise<void> {
    await this.sql.lignes("UPDATE agent SET actif = ? WHERE id = ?", [actif, id]);
  }

  /** Writes the roles and perimeter decided by core's `modifierRolesAgent` / `modifierPerimetreAgent`. */
  async changerDroits(id: string, roles: ReadonlyArray<RoleAgent>, perimetre: AgentLu["perimetre"]): Promise<void> {
    await this.sql.lignes("UPDATE agent SET roles = ?, perimetre = ? WHERE id = ?", [JSON.stringify(roles), JSON.stringify(perimetre), id]);
  }

  // --- Juridictions --------------------------------------------------------------------------------

  async juridictions(): Promise<ReadonlyArray<Juridiction>> {
    const lignes = await this.sql.lignes<{ code: string; libelle: string; type: string; courAppel: string }>(
      `SELECT code, libelle, type, cour_appel AS "courAppel" FROM juridiction ORDER BY code`,
    );
    return lignes.map((l) => ({ code: l.code, libelle: l.libelle, type: l.type as TypeJuridiction, courAppel: l.courAppel }));
  }

  async renommerJuridiction(code: string, libelle: string): Promise<void> {
    await this.sql.lignes("UPDATE juridiction SET libelle = ? WHERE code = ?", [libelle, code]);
  }

  async creerJuridiction(j: Juridiction): Promise<void> {
    await this.sql.lignes("INSERT INTO juridiction (code, libelle, type, cour_appel) VALUES (?, ?, ?, ?)", [j.code, j.libelle, j.type, j.courAppel]);
  }
}

/** The juridictions on which the agent may do `action` (core's `autoriser`, per juridiction). */
export const juridictionsPermises = (acteur: ActeurAgent, action: Action, juridictions: ReadonlyArray<Juridiction>): ReadonlyArray<string> =>
  juridictions.filter((j) => estAutorise(acteur, action, { _tag: "Juridiction", code: j.code, courAppel: j.courAppel })).map((j) => j.code);
