import type { ResourceWithOptions } from "adminjs";
import type { DependancesAdmin } from "../dependances.js";

/** Dépôt flux resources of the back-office: the lots received and their compte rendu. */
export const ressourcesFlux = (_d: DependancesAdmin): ReadonlyArray<ResourceWithOptions> => [];
