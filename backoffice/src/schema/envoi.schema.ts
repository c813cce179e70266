/**
 * The delivery columns every outbox table ends with (the tickets' `message_ticket`, the mémoires'
 * `notification_memoire`): the e-mail's subject and text, when it was written, and where its delivery
 * stands (`statut` EN_ATTENTE → ENVOYE / ECHEC, attempts, transport id, last error). Read and updated
 * by `base/boite-envoi.ts`.
 */
export interface ColonnesEnvoiRow {
  sujet: string;
  texte: string;
  creeLe: Date;
  statut: string;
  tentatives: number;
  envoyeLe?: Date | null;
  identifiantTransport?: string | null;
  derniereErreur?: string | null;
}

export const COLONNES_ENVOI = {
  sujet: { type: "string", length: 300, nullable: false },
  texte: { type: "text" },
  creeLe: { type: "datetime", nullable: false },
  statut: { type: "string", length: 20, nullable: false },
  tentatives: { type: "integer" },
  envoyeLe: { type: "datetime", nullable: true },
  identifiantTransport: { type: "string", length: 300, nullable: true },
  derniereErreur: { type: "text", nullable: true },
} as const;
