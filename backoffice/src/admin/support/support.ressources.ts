import type { ResourceWithOptions } from "adminjs";
import type { DependancesAdmin } from "../dependances.js";

/** Support resources of the back-office: ticket queues, the ticket page and its actions, réponses types. */
export const ressourcesSupport = (_d: DependancesAdmin): ReadonlyArray<ResourceWithOptions> => [];
