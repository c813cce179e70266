/**
 * Adapters of the support module (I/O lives here only): sending messages by SMTP (nodemailer) and
 * an in-memory outbox. The pure domain never imports this folder.
 * @module
 */

/** SMTP sender and its settings. */
export { ExpediteurSmtp, type ConfigurationSmtp } from "./expediteur-smtp.js";

/** In-memory outbox (tests, examples; the back-office persists the same rows). */
export { BoiteDEnvoi, type MessageEnAttente } from "./boite-d-envoi.js";
