/**
 * Notifications of support tickets: the French messages each event calls for (to the requester or
 * to the agents), as pure functions producing `{ destinataire, sujet, texte }`, and the `Expediteur`
 * interface the adapters implement (SMTP, outbox) in `support/src/adapters/`.
 * @module
 */

/** Messages, audiences, the sender interface, the agents' address book. */
export type { Courriel, Message, Audience, AccuseEnvoi, Expediteur, AnnuaireSupport } from "./notification.model.js";

/** The messages of an event, and the agents' address of a ticket. */
export { notificationsDe, adresseAgents } from "./notification.gabarits.js";
