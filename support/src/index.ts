/**
 * @frais-justice/support — support tickets of the mémoires de frais de justice, as a pure domain
 * (DOMAIN.md §5; seed 001 "Envoyer une demande d'aide au support"): catégories and routing, the
 * ticket lifecycle machine and its commands, the activity journal and its visibility rule, the
 * auto-close schedule, requester and agent views, réponses types and notifications.
 *
 * Everything here is pure (no I/O, clock and ids through `Contexte`); sending mail lives in
 * `@frais-justice/support/adapters`. Documented in `docs/support.md`.
 * @module
 */

/** Catégories / sous-catégories (dated reference tree), types d'objet, queues and routing. */
export * from "./categorie/index.js";

/** The ticket: model, errors, numbering, inputs, machine, commands, journal, auto-close schedule. */
export * from "./ticket/index.js";

/** Requester tabs, search, export and CSV, requester-facing projections; agents' queues and dashboard. */
export * from "./vues/index.js";

/** Réponses types: canned responses and their `{{variable}}` templating. */
export * from "./reponse-type/index.js";

/** Notifications: the messages of each event and the `Expediteur` interface. */
export * from "./notification/index.js";
