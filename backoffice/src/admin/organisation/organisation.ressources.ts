import type { ResourceWithOptions } from "adminjs";
import type { DependancesAdmin } from "../dependances.js";

/** Organisation resources of the back-office: structures (bank details, mandats, services), users and their habilitations. */
export const ressourcesOrganisation = (_d: DependancesAdmin): ReadonlyArray<ResourceWithOptions> => [];
