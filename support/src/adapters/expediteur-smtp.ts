import { createTransport, type Transporter } from "nodemailer";
import type { AccuseEnvoi, Courriel, Expediteur } from "../notification/index.js";

/** SMTP settings of the support's outgoing mail. */
export interface ConfigurationSmtp {
  readonly hote: string;
  readonly port: number;
  /** `true` for implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  readonly securise: boolean;
  readonly utilisateur?: string;
  readonly motDePasse?: string;
  /** The sender shown: `"Support frais de justice <support@example.gouv.fr>"`. */
  readonly expediteur: string;
}

/**
 * Sends e-mails through an SMTP server with nodemailer (plain-text mails, UTF-8): the tickets'
 * messages and any other {@link Courriel} (the back-office's notices to prestataires).
 */
export class ExpediteurSmtp implements Expediteur<Courriel> {
  readonly #transport: Transporter<{ readonly messageId: string }>;

  /** `transport` replaces the SMTP transport built from the settings (tests: nodemailer's stream transport). */
  constructor(
    private readonly configuration: ConfigurationSmtp,
    transport?: Transporter<{ readonly messageId: string }>,
  ) {
    this.#transport = transport ?? createTransport({
      host: configuration.hote,
      port: configuration.port,
      secure: configuration.securise,
      ...(configuration.utilisateur === undefined ? {} : { auth: { user: configuration.utilisateur, pass: configuration.motDePasse ?? "" } }),
    });
  }

  async envoyer<C extends Courriel>(message: C): Promise<AccuseEnvoi<C>> {
    const info = await this.#transport.sendMail({
      from: this.configuration.expediteur,
      to: message.destinataire,
      subject: message.sujet,
      text: message.texte,
    });
    return { message, identifiant: info.messageId };
  }

  /** Closes the pooled connections. */
  fermer(): void {
    this.#transport.close();
  }
}
