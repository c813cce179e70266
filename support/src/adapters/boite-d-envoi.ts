import type { AccuseEnvoi, Expediteur, Message } from "../notification/index.js";

/** A message placed in the outbox, with its number and the instant it was queued. */
export interface MessageEnAttente {
  readonly identifiant: string;
  readonly message: Message;
  readonly le: Date;
}

/**
 * An outbox: messages are kept in an array instead of being sent (tests, examples, and the model of
 * the table the back-office persists and shows). `horloge` gives the instant of each message.
 */
export class BoiteDEnvoi implements Expediteur {
  readonly #messages: Array<MessageEnAttente> = [];

  constructor(private readonly horloge: () => Date = () => new Date()) {}

  envoyer(message: Message): Promise<AccuseEnvoi> {
    const identifiant = `boite-${String(this.#messages.length + 1).padStart(6, "0")}`;
    this.#messages.push({ identifiant, message, le: this.horloge() });
    return Promise.resolve({ message, identifiant });
  }

  /** The queued messages, oldest first. */
  get messages(): ReadonlyArray<MessageEnAttente> {
    return [...this.#messages];
  }

  /** The messages to one address. */
  pour(destinataire: string): ReadonlyArray<MessageEnAttente> {
    return this.#messages.filter((m) => m.message.destinataire === destinataire);
  }
}
