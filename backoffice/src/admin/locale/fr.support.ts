/** French labels of the support resources (merged into `TRADUCTION_FR.resources`). */
export const RESSOURCES_FR_SUPPORT = {} as const;
