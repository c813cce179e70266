/**
 * A zero amount of a line (no frais divers, remise or débours) as a dash, so that the amounts that
 * build the line stand out; any other amount as formatted by the server.
 */
export const zero = (montant) => (!montant || /^[0\s,.\u00a0\u202f€]*$/.test(montant) ? "—" : montant);
