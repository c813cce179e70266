import type { Message } from "@frais-justice/support";
import { ExpediteurSmtp } from "@frais-justice/support/adapters";
import type { Orm } from "../base/orm.js";
import { DepotTicketsSql } from "./depot-tickets.sql.js";
import { semerTicketsDeDemo } from "./demo-tickets.js";
import { configurationSmtpDepuis, DistributeurMessages } from "./distributeur.js";
import { OrdonnanceurTickets, parametresEcheancesDepuis } from "./ordonnanceur.js";
import { BoiteNotificationsMemoire, type CourrielMemoire } from "../memoire/notifications.repository.js";

/** Options of {@link demarrerSupport}. */
export interface OptionsServiceSupport {
  /** Write the demo tickets when the `ticket` table is empty. */
  readonly demo: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly journal?: (ligne: string) => void;
}

/** The running support services: stop them before closing the database. */
export interface ServiceSupport {
  readonly depot: DepotTicketsSql;
  readonly ordonnanceur: OrdonnanceurTickets;
  readonly distributeur: DistributeurMessages<Message>;
  /** The delivery of the notices to prestataires about their mémoires (ordonnance de taxe). */
  readonly distributeurNotifications: DistributeurMessages<CourrielMemoire>;
  arreter(): Promise<void>;
}

/**
 * Starts the back-office's support services: the auto-close scheduler (every 15 minutes,
 * `FJ_SUPPORT_JOURS_RELANCE` / `FJ_SUPPORT_JOURS_CLOTURE`), and the delivery by SMTP when
 * `FJ_SMTP_HOTE` is set of both outboxes: the tickets' messages and the notices to prestataires about
 * their mémoires (otherwise they stay in their outbox, shown by the back-office).
 * Writes the demo tickets first when asked and none exist.
 */
export const demarrerSupport = async (orm: Orm, options: OptionsServiceSupport): Promise<ServiceSupport> => {
  const env = options.env ?? process.env;
  const journal = options.journal ?? ((ligne: string) => process.stdout.write(`${ligne}\n`));
  const parametres = parametresEcheancesDepuis(env);
  const depot = new DepotTicketsSql(orm, { parametresEcheances: parametres });
  if (options.demo) {
    const demo = await semerTicketsDeDemo(orm, depot, new Date());
    if (demo !== undefined) journal(`Tickets de démonstration : ${demo.tickets.map((t) => `${t.numero} (${t.etat})`).join(", ")}.`);
  }
  const smtp = configurationSmtpDepuis(env);
  const expediteur = smtp === undefined ? undefined : new ExpediteurSmtp(smtp);
  const signaler = (quoi: string) => (e: unknown) => journal(`Support — ${quoi} : ${e instanceof Error ? e.message : String(e)}`);
  const ordonnanceur = new OrdonnanceurTickets(depot, {
    parametres,
    apresPassage: (b) => {
      if (b.envoyes.length > 0 || b.erreurs.length > 0) journal(`Support — échéances : ${b.envoyes.length} événement(s) envoyé(s), ${b.erreurs.length} erreur(s).`);
    },
    surErreur: signaler("ordonnanceur"),
  });
  const distributeur = new DistributeurMessages<Message>(depot.boiteDEnvoi, expediteur, { surErreur: signaler("envoi des messages") });
  const distributeurNotifications = new DistributeurMessages<CourrielMemoire>(new BoiteNotificationsMemoire(orm), expediteur, {
    surErreur: signaler("envoi des avis aux prestataires"),
  });
  ordonnanceur.demarrer();
  distributeur.demarrer();
  distributeurNotifications.demarrer();
  journal(
    smtp === undefined
      ? "Courriels (tickets, avis de taxation aux prestataires) conservés dans les boîtes d'envoi (FJ_SMTP_HOTE non défini)."
      : `Courriels (tickets, avis de taxation aux prestataires) envoyés par SMTP (${smtp.hote}:${smtp.port}).`,
  );
  return {
    depot,
    ordonnanceur,
    distributeur,
    distributeurNotifications,
    arreter: async () => {
      await ordonnanceur.arreter();
      await distributeur.arreter();
      await distributeurNotifications.arreter();
      expediteur?.fermer();
    },
  };
};
