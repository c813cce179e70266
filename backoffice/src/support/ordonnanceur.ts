import { echeancesDues, PARAMETRES_ECHEANCES_PAR_DEFAUT, type EcheanceDue, type ParametresEcheances } from "@frais-justice/support";
import { Either } from "effect";
import type { DepotTickets } from "./depot-tickets.js";

/** What one run of the scheduler did. */
export interface BilanEcheances {
  /** Events sent and recorded (`ticket.relancer`, `ticket.cloturer-automatiquement`). */
  readonly envoyes: ReadonlyArray<EcheanceDue>;
  /**
   * Events another writer made moot between the read and the write (another instance of the
   * scheduler sent it first, or the requester answered): `ConflitDeVersion` or a guard of the machine.
   */
  readonly ignores: number;
  /** Tickets that could not be processed (a corrupted row…), with the reason; the others still run. */
  readonly erreurs: ReadonlyArray<{ readonly ticketId: string; readonly raison: string }>;
}

/** Settings of the scheduler. */
export interface OptionsOrdonnanceur {
  /** The auto-close delays (the same as the repository's `parametresEcheances`). */
  readonly parametres?: ParametresEcheances;
  /** The clock (default: the system's). */
  readonly horloge?: () => Date;
  /** Milliseconds between two runs (default: 15 minutes). */
  readonly intervalleMs?: number;
  /** Tickets read per batch (default 200). */
  readonly lot?: number;
  /** Called after each run (logs). */
  readonly apresPassage?: (bilan: BilanEcheances) => void;
  /** Called when a run fails as a whole (the database unreachable…); the next run still happens. */
  readonly surErreur?: (erreur: unknown) => void;
}

/**
 * One run: the resolved tickets whose solution is old enough, `echeancesDues` of the domain on them,
 * and each due event sent as the system through the repository (machine, journal row, outbox, version
 * check). Idempotent: a reminder already sent is not due any more (`relanceLe`), a closed ticket is
 * not RESOLU; two instances racing on the same ticket write once (the loser gets `ConflitDeVersion`).
 */
export const executerEcheances = async (
  depot: Pick<DepotTickets, "resolusAEcheance" | "executer">,
  maintenant: Date,
  parametres: ParametresEcheances = PARAMETRES_ECHEANCES_PAR_DEFAUT,
  lot = 200,
): Promise<BilanEcheances> => {
  const envoyes: Array<EcheanceDue> = [];
  const erreurs: Array<{ ticketId: string; raison: string }> = [];
  let ignores = 0;
  const vus = new Set<string>();
  for (;;) {
    // Tickets handled in this run may still be candidates (a reminder not yet due to close): read past them.
    const limite = lot + vus.size;
    const lus = await depot.resolusAEcheance(maintenant, parametres, limite);
    let nouveaux = 0;
    for (const c of lus.corrompus) {
      if (vus.has(c.id)) continue;
      vus.add(c.id);
      nouveaux += 1;
      erreurs.push({ ticketId: c.id, raison: c.message });
    }
    const tickets = lus.tickets.filter((t) => !vus.has(t.id));
    for (const t of tickets) vus.add(t.id);
    nouveaux += tickets.length;
    const parId = new Map(tickets.map((t) => [t.id, t]));
    for (const due of echeancesDues(tickets, maintenant, parametres)) {
      const ticket = parId.get(due.ticketId);
      if (ticket === undefined) continue;
      const r = await depot.executer(ticket.id, ticket.version, { type: due.type, acteur: { _tag: "Systeme" } }, { maintenant });
      if (Either.isRight(r)) envoyes.push(due);
      else if (r.left._tag === "ConflitDeVersion" || r.left._tag === "TransitionRefusee") ignores += 1;
      else erreurs.push({ ticketId: ticket.id, raison: r.left.message });
    }
    if (nouveaux === 0 || lus.tickets.length + lus.corrompus.length < limite) break;
  }
  return { envoyes, ignores, erreurs };
};

/**
 * The back-office's scheduler of the auto-close (DOMAIN.md §5: reminder 5 days after the solution,
 * closure after 10, configurable). XState `after` delays are not restored from stored tickets, so this
 * service sends the explicit events periodically. Runs never overlap within one process; several
 * processes may run it (see {@link executerEcheances}).
 */
export class OrdonnanceurTickets {
  #minuterie: ReturnType<typeof setInterval> | undefined;
  #enCours: Promise<BilanEcheances> | undefined;
  private readonly horloge: () => Date;
  private readonly parametres: ParametresEcheances;

  constructor(
    private readonly depot: Pick<DepotTickets, "resolusAEcheance" | "executer">,
    private readonly options: OptionsOrdonnanceur = {},
  ) {
    this.horloge = options.horloge ?? (() => new Date());
    this.parametres = options.parametres ?? PARAMETRES_ECHEANCES_PAR_DEFAUT;
  }

  /** Runs now (or joins the run in progress). */
  passer(): Promise<BilanEcheances> {
    if (this.#enCours !== undefined) return this.#enCours;
    const passage = executerEcheances(this.depot, this.horloge(), this.parametres, this.options.lot ?? 200).finally(() => {
      this.#enCours = undefined;
    });
    this.#enCours = passage;
    return passage;
  }

  /** Starts the periodic runs (a first run at once); the timer does not keep the process alive. */
  demarrer(): void {
    if (this.#minuterie !== undefined) return;
    const tourner = () => {
      this.passer().then(
        (bilan) => this.options.apresPassage?.(bilan),
        (erreur: unknown) => this.options.surErreur?.(erreur),
      );
    };
    this.#minuterie = setInterval(tourner, this.options.intervalleMs ?? 15 * 60 * 1000);
    this.#minuterie.unref();
    tourner();
  }

  /** Stops the periodic runs and waits for the run in progress. */
  async arreter(): Promise<void> {
    if (this.#minuterie !== undefined) clearInterval(this.#minuterie);
    this.#minuterie = undefined;
    await this.#enCours?.catch(() => undefined);
  }
}

/**
 * The auto-close delays from the environment: `FJ_SUPPORT_JOURS_RELANCE` (default 5) and
 * `FJ_SUPPORT_JOURS_CLOTURE` (default 10), whole days, the closure after the reminder.
 */
export const parametresEcheancesDepuis = (env: NodeJS.ProcessEnv = process.env): ParametresEcheances => {
  const jours = (nom: string, defaut: number): number => {
    const brut = env[nom];
    if (brut === undefined || brut === "") return defaut;
    const n = Number(brut);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${nom} : nombre entier de jours (au moins 1) attendu, reçu « ${brut} »`);
    return n;
  };
  const parametres = {
    joursAvantRelance: jours("FJ_SUPPORT_JOURS_RELANCE", PARAMETRES_ECHEANCES_PAR_DEFAUT.joursAvantRelance),
    joursAvantCloture: jours("FJ_SUPPORT_JOURS_CLOTURE", PARAMETRES_ECHEANCES_PAR_DEFAUT.joursAvantCloture),
  };
  if (parametres.joursAvantCloture <= parametres.joursAvantRelance) {
    throw new Error(`FJ_SUPPORT_JOURS_CLOTURE (${parametres.joursAvantCloture}) doit dépasser FJ_SUPPORT_JOURS_RELANCE (${parametres.joursAvantRelance})`);
  }
  return parametres;
};
