import type { Juridiction } from "@frais-justice/core/juridiction";
import type { Orm } from "../base/orm.js";
import type { DepotAcces } from "./acces/agents.js";
import type { MagasinSessions } from "./acces/session-store.js";
import type { RessourceMemoires } from "./memoires/memoires.ressource.js";
import type { RessourceTickets } from "./support/tickets.ressource.js";

/** What the AdminJS configuration needs from the application. */
export interface DependancesAdmin {
  readonly orm: Orm;
  readonly acces: DepotAcces;
  readonly memoires: RessourceMemoires;
  /** Juridictions known at the last refresh (synchronous `isAccessible` reads them). */
  readonly juridictions: () => ReadonlyArray<Juridiction>;
  /** The session store (a deactivated agent's sessions are deleted). */
  readonly sessions?: MagasinSessions;
  /** Reloads the juridictions after an administration change. */
  readonly rafraichirJuridictions?: () => Promise<void>;
  /** The support tickets of the agents' queues (absent: no support screens). */
  readonly tickets?: RessourceTickets;
}
