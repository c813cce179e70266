import { ajouterJours } from "./ticket.gardes.js";
import { PARAMETRES_ECHEANCES_PAR_DEFAUT, type ParametresEcheances, type Ticket } from "./ticket.model.js";

/** An event the scheduler must send now to one ticket, as the system. */
export interface EcheanceDue {
  readonly ticketId: string;
  readonly numero: string;
  readonly type: "ticket.relancer" | "ticket.cloturer-automatiquement";
  /** The instant it became due. */
  readonly dueLe: Date;
}

/**
 * The auto-close events due at `maintenant` (DOMAIN.md §5: a reminder 5 days after the solution,
 * closure after 10, configurable). XState `after` delays are not restored from stored snapshots, so a
 * scheduler calls this on the stored tickets and sends each event with the `Systeme` actor; the
 * machine's guards re-check the same delays. A ticket past the closure delay gets only the closure.
 */
export const echeancesDues = (
  tickets: Iterable<Ticket>,
  maintenant: Date,
  parametres: ParametresEcheances = PARAMETRES_ECHEANCES_PAR_DEFAUT,
): ReadonlyArray<EcheanceDue> => {
  const dues: Array<EcheanceDue> = [];
  for (const ticket of tickets) {
    if (ticket.etat !== "RESOLU" || ticket.resoluLe === undefined) continue;
    const cloture = ajouterJours(ticket.resoluLe, parametres.joursAvantCloture);
    const relance = ajouterJours(ticket.resoluLe, parametres.joursAvantRelance);
    if (maintenant >= cloture) {
      dues.push({ ticketId: ticket.id, numero: ticket.numero, type: "ticket.cloturer-automatiquement", dueLe: cloture });
    } else if (maintenant >= relance && ticket.relanceLe === undefined) {
      dues.push({ ticketId: ticket.id, numero: ticket.numero, type: "ticket.relancer", dueLe: relance });
    }
  }
  return dues;
};
