/** Who a message is for: the requester (the émetteur's contact), or the agents (the queue or the assigned agent). */
export type Audience = "DEMANDEUR" | "AGENTS";

/** An e-mail: recipient address, subject and plain text, in French. */
export interface Courriel {
  readonly destinataire: string;
  readonly sujet: string;
  readonly texte: string;
}

/** A ticket's message to send: the e-mail, who it is for, and where it comes from. */
export interface Message extends Courriel {
  readonly audience: Audience;
  /** The ticket and the journal row the message comes from (for the outbox and deduplication). */
  readonly ticketNumero: string;
  readonly entreeId: string;
}

/** A sent or queued message's receipt. */
export interface AccuseEnvoi<C extends Courriel = Message> {
  readonly message: C;
  /** Identifier given by the transport (SMTP message id, outbox row id). */
  readonly identifiant: string;
}

/**
 * Sends messages (the tickets' {@link Message}s by default; any {@link Courriel} for an expéditeur
 * that sends them all, such as SMTP). Implemented by adapters (`support/src/adapters/`: SMTP through
 * nodemailer, and an outbox the back-office persists); the pure domain only produces messages.
 */
export interface Expediteur<C extends Courriel = Message> {
  envoyer(message: C): Promise<AccuseEnvoi<C>>;
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
