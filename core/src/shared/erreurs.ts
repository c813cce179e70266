import { Data, ParseResult } from "effect";

/**
 * One problem with one input field: where it is (`lignes[2].tauxTva`) and why it is refused.
 */
export interface ErreurDeChamp {
  /** Path of the field in the input, dot- and bracket-separated: `lignes[2].tauxTva`. */
  readonly chemin: string;
  /** Why the value is refused, in plain words. */
  readonly raison: string;
}

/**
 * Input refused before any rule ran: every offending field is listed, none is silently fixed.
 * Commands return it instead of throwing; adapters map it to a 400/422 or an exit code 2.
 */
export class SaisieInvalide extends Data.TaggedError("SaisieInvalide")<{
  readonly erreurs: ReadonlyArray<ErreurDeChamp>;
}> {
  override get message(): string {
    return this.erreurs.map((e) => `${e.chemin === "" ? "(racine)" : e.chemin}: ${e.raison}`).join("\n");
  }
}

/** Renders a path (`["lignes", 2, "tauxTva"]`) the way users read it: `lignes[2].tauxTva`. */
export const formaterChemin = (chemin: ReadonlyArray<PropertyKey>): string =>
  chemin.reduce<string>((acc, segment) => {
    if (typeof segment === "number") return `${acc}[${segment}]`;
    const nom = String(segment);
    return acc === "" ? nom : `${acc}.${nom}`;
  }, "");

/** Joins a prefix and a sub-path: `prefixer("lignes[2]", "tauxTva") === "lignes[2].tauxTva"`. */
export const prefixer = (prefixe: string, chemin: string): string =>
  prefixe === "" ? chemin : chemin === "" ? prefixe : chemin.startsWith("[") ? `${prefixe}${chemin}` : `${prefixe}.${chemin}`;

/** Effect's message for a value that is not `undefined` (the absent branch of an optional field). */
const PAS_UNDEFINED = /^Expected undefined, actual /;

/**
 * Converts an Effect Schema parse error into the field errors of a {@link SaisieInvalide}. An
 * optional field (`X | undefined`) given a bad value fails both branches: only X's reason is kept,
 * not Effect's « Expected undefined, actual "abc" » beside it.
 */
export const depuisParseError = (erreur: ParseResult.ParseError, prefixe = ""): SaisieInvalide => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(erreur);
  const cle = (issue: (typeof issues)[number]): string => JSON.stringify(issue.path.map(String));
  const expliques = new Set(issues.filter((i) => !PAS_UNDEFINED.test(i.message)).map(cle));
  return new SaisieInvalide({
    erreurs: issues
      .filter((i) => !(PAS_UNDEFINED.test(i.message) && expliques.has(cle(i))))
      .map((issue) => ({
        chemin: prefixer(prefixe, formaterChemin(issue.path)),
        raison: issue.message,
      })),
  });
};
