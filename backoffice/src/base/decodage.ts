import { Either, type ParseResult, Schema } from "effect";

/**
 * The decoder of stored rows: validates with the Schema and, when a row is corrupted, reports every
 * offending field. A valid row (all of them but a corrupted one) is decoded once, stopping at the first
 * issue (half the cost of collecting them all); only a row that fails is decoded a second time with
 * `errors: "all"` to name every field. Same answer as a single `errors: "all"` decoding, in both cases.
 */
export const decodeurStocke = <A, I, R = never>(
  schema: Schema.Schema<A, I, R>,
  options: { readonly onExcessProperty?: "ignore" | "error" } = {},
): ((u: unknown) => Either.Either<A, ParseResult.ParseError>) => {
  const rapide = Schema.decodeUnknownEither(schema as Schema.Schema<A, I, never>, { errors: "first", ...options });
  const complet = Schema.decodeUnknownEither(schema as Schema.Schema<A, I, never>, { errors: "all", ...options });
  return (u) => {
    const r = rapide(u);
    return Either.isRight(r) ? r : complet(u);
  };
};
