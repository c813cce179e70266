export { SaisieInvalide, depuisParseError, formaterChemin, prefixer, type ErreurDeChamp } from "./erreurs.js";
export { contexteDeterministe, type Contexte } from "./contexte.js";
export { transitionPure } from "./machine.js";
