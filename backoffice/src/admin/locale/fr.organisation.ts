/** French labels of the organisation resources (merged into `TRADUCTION_FR.resources`). */
export const RESSOURCES_FR_ORGANISATION = {} as const;
