import { EntitySchema } from "@mikro-orm/core";

/**
 * Tables of the providers' HTTP API (`backoffice/src/api/`).
 *
 * `jeton_api`: the API tokens of prestataire-side users. The token itself is shown once, at
 * creation; only its SHA-256 (hex) is stored, unique, so a request is authenticated by one indexed
 * lookup and a stolen database does not give usable tokens. A token carries an expiry and may be
 * revoked (kept, with the date, so the user's list shows it).
 */
export interface JetonApiRow {
  id: string;
  utilisateurId: string;
  libelle: string;
  /** SHA-256 of the token, 64 hex characters. */
  empreinte: string;
  /** The first characters of the token, to recognise it in a list (`fjt_AbCd…`). */
  prefixe: string;
  creeLe: Date;
  expireLe: Date;
  revoqueLe?: Date | null;
  dernierUsageLe?: Date | null;
}

export const JetonApiSchema = new EntitySchema<JetonApiRow>({
  name: "JetonApi",
  tableName: "jeton_api",
  properties: {
    id: { type: "string", length: 36, primary: true },
    utilisateurId: { type: "string", length: 200 },
    libelle: { type: "string", length: 100 },
    empreinte: { type: "string", length: 64 },
    prefixe: { type: "string", length: 20 },
    creeLe: { type: "datetime" },
    expireLe: { type: "datetime" },
    revoqueLe: { type: "datetime", nullable: true },
    dernierUsageLe: { type: "datetime", nullable: true },
  },
  indexes: [{ name: "jeton_api_utilisateur_idx", properties: ["utilisateurId"] } as never],
  uniques: [{ name: "jeton_api_empreinte_unique", properties: ["empreinte"] } as never],
});

/** Every table of the API. */
export const ENTITES_API = [JetonApiSchema] as const;
