/**
 * @frais-justice/core — the pure domain of mémoires de frais de justice.
 *
 * Each module is also importable on its own (`@frais-justice/core/montants`, ...); this entry point
 * re-exports them as namespaces so that names of different aggregates never collide.
 */
export * from "./shared/index.js";
/** Exact amounts of a mémoire: lines, VAT summary per rate, totals (DOMAIN.md §3). */
export * as Montants from "./montants/index.js";
/** Dated tariff tables, public holidays, catalogue of types de prestation, certification threshold. */
export * as Tarifs from "./tarifs/index.js";
/** Structures: identifiers (SIRET, PARTICULIER…), address, services, informations mémoire. */
export * as Structure from "./structure/index.js";
/** Coordonnées bancaires: IBAN, RIB and its key, BIC, bank file, activation. */
export * as CoordonneesBancaires from "./coordonnees-bancaires/index.js";
/** Utilisateurs: e-mail identity, password policy, activation, expiry, lockout. */
export * as Utilisateur from "./utilisateur/index.js";
/** Mandats de facturation: souscription, signature, révocation. */
export * as Mandat from "./mandat/index.js";
/** Prérequis before a structure's first mémoire. */
export * as Prerequis from "./prerequis/index.js";
/** Rattachements of users to structures and their roles. */
export * as Rattachement from "./rattachement/index.js";
/** Habilitations, espaces and abonnements. */
export * as Habilitation from "./habilitation/index.js";
/** Juridictions and court agents with their perimeter. */
export * as Juridiction from "./juridiction/index.js";
/** The one authorization function, `autoriser(acteur, action, cible)`, and its rule table. */
export * as Autorisation from "./autorisation/index.js";
/** The mémoire: aggregate, XState lifecycle, commands, audit trail, certificat de dépôt, views. */
export * as Memoire from "./memoire/index.js";
