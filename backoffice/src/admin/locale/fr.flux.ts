/** French labels of the flux resources (merged into `TRADUCTION_FR.resources`). */
export const RESSOURCES_FR_FLUX = {} as const;
