/** Who a message is for: the requester (the émetteur's contact), or the agents (the queue or the assigned agent). */
export type Audience = "DEMANDEUR" | "AGENTS";

/** A message to send: recipient address, subject and plain text, in French. */
export interface Message {
  readonly destinataire: string;
  readonly audience: Audience;
  readonly sujet: string;
  readonly texte: string;
  /** The ticket and the journal row the message comes from (for the outbox and deduplication). */
  readonly ticketNumero: string;
  readonly entreeId: string;
}

/** A sent or queued message's receipt. */
export interface AccuseEnvoi {
  readonly message: Message;
  /** Identifier given by the transport (SMTP message id, outbox row id). */
  readonly identifiant: string;
}

/**
 * Sends messages. Implemented by adapters (`support/src/adapters/`: SMTP through nodemailer, and an
 * outbox the back-office persists); the pure domain only produces {@link Message}s.
 */
export interface Expediteur {
  envoyer(message: Message): Promise<AccuseEnvoi>;
}

/**
 * Addresses of the agents' side: the national support queue, each juridiction's service métier (by
 * juridiction code), and agents by id (used when a ticket is assigned).
 */
export interface AnnuaireSupport {
  readonly supportNational: string;
  readonly servicesMetier: ReadonlyMap<string, string>;
  readonly agents: ReadonlyMap<string, string>;
}
