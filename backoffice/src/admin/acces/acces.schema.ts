import { EntitySchema } from "@mikro-orm/core";

/**
 * Tables of the court side the back-office needs: juridictions, agents (with their sign-in data:
 * scrypt hash, consecutive failures, lock) and the sessions of the back-office (express-session
 * store). Roles and perimeters are JSON arrays read through core's schemas.
 */
export interface JuridictionRow {
  code: string;
  libelle: string;
  type: string;
  courAppel: string;
}

export const JuridictionSchemaOrm = new EntitySchema<JuridictionRow>({
  name: "Juridiction",
  tableName: "juridiction",
  properties: {
    code: { type: "string", length: 20, primary: true },
    libelle: { type: "string", length: 200 },
    type: { type: "string", length: 30 },
    courAppel: { type: "string", length: 20, index: "juridiction_cour_appel_idx" },
  },
});

export interface AgentRow {
  id: string;
  email: string;
  nom: string;
  prenom: string;
  /** JSON array of core's `RoleAgent`. */
  roles: string;
  /** JSON `{ juridictions: string[], coursAppel: string[] }` (core's `Perimetre`). */
  perimetre: string;
  actif: boolean;
  creeLe: Date;
  /** `scrypt$N$r$p$sel$hash` (base64), never the password. */
  hashMotDePasse?: string | null;
  motDePasseModifieLe?: Date | null;
  echecsConnexion: number;
  verrouilleJusqua?: Date | null;
}

export const AgentSchemaOrm = new EntitySchema<AgentRow>({
  name: "Agent",
  tableName: "agent",
  properties: {
    id: { type: "string", length: 100, primary: true },
    email: { type: "string", length: 254, unique: "agent_email_unique" },
    nom: { type: "string", length: 100 },
    prenom: { type: "string", length: 100 },
    roles: { type: "text" },
    perimetre: { type: "text" },
    actif: { type: "boolean" },
    creeLe: { type: "datetime" },
    hashMotDePasse: { type: "string", length: 300, nullable: true },
    motDePasseModifieLe: { type: "datetime", nullable: true },
    echecsConnexion: { type: "integer" },
    verrouilleJusqua: { type: "datetime", nullable: true },
  },
});

/** A back-office session (express-session): its id, its JSON data, its expiry. */
export interface SessionAdminRow {
  sid: string;
  donnees: string;
  expire: Date;
}

export const SessionAdminSchemaOrm = new EntitySchema<SessionAdminRow>({
  name: "SessionAdmin",
  tableName: "session_admin",
  properties: {
    sid: { type: "string", length: 128, primary: true },
    donnees: { type: "text" },
    expire: { type: "datetime", index: "session_admin_expire_idx" },
  },
});

/** The back-office's tables, registered in the schema registry (`backoffice/src/schema/index.ts`). */
export const ENTITES_BACKOFFICE = [JuridictionSchemaOrm, AgentSchemaOrm, SessionAdminSchemaOrm] as const;
