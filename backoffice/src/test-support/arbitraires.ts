import { TAUX_TVA_AUTORISES } from "@frais-justice/core/montants";
import { Arbitrary, BigDecimal, FastCheck as fc, Schema, SchemaAST as AST } from "effect";

/**
 * Arbitraries of core's Schemas (`Arbitrary.make`) for property tests of the persistence layer.
 *
 * `Arbitrary.make` builds a generator from a Schema and applies each refinement as a filter of the
 * value it refines. Core's refinements are predicates (a calendar date that exists, a SIRET whose Luhn
 * key holds, an allowed VAT rate), which random strings or numbers almost never meet. So the leaves of
 * the Schema's type side get domain-shaped candidates before the Schema's own filters run: strings
 * from a pool of the shapes the domain uses (dates, date-times, digests, identifiers, free text with
 * accents), picked by property name where the shape depends on it (`email`, `codePostal`, `valeur`
 * of an identifiant), decimals as amounts (or allowed rates for `tauxTva`), instants between 2000
 * and 2100. Every value still has to pass every filter of core's Schema.
 */

const chiffres = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((xs) => xs.join(""));

/** A SIRET (14 digits) whose Luhn key holds. */
const siret = chiffres(13).map((base) => {
  for (let d = 0; d <= 9; d += 1) {
    const s = `${base}${d}`;
    const somme = [...s].reduce((t, c, i) => {
      const v = Number(c) * (i % 2 === 0 ? 2 : 1);
      return t + (v > 9 ? v - 9 : v);
    }, 0);
    if (somme % 10 === 0) return s;
  }
  return `${base}0`;
});

const deux = (n: number) => String(n).padStart(2, "0");
const jour = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true });
const dateCalendaire = jour.map((d) => d.toISOString().slice(0, 10));
const dateHeure = fc.tuple(jour, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m]) => `${d.toISOString().slice(0, 10)}T${deux(h)}:${deux(m)}`);
const hex64 = fc.array(fc.constantFrom(..."0123456789abcdef"), { minLength: 64, maxLength: 64 }).map((xs) => xs.join(""));
const base64 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("base64"));
const texteLibre = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => !s.includes("\u0000"));
const mot = fc.string({ minLength: 1, maxLength: 30 });

/** The pool of string shapes of the domain; the Schema's filters keep those that fit the field. */
const chaine = fc.oneof(mot, texteLibre, dateCalendaire, dateHeure, hex64, base64, chiffres(5), siret, fc.emailAddress());

const PAR_NOM: Readonly<Record<string, fc.Arbitrary<string>>> = {
  email: fc.emailAddress(),
  codePostal: chiffres(5),
  valeur: siret,
  pays: fc.constantFrom("FR", "BE", "DE"),
};

/** Decimals: amounts of at most 2 decimals (positive), quantities of at most 3; allowed rates for `tauxTva`. */
const decimal = (nom: string | undefined): fc.Arbitrary<BigDecimal.BigDecimal> => {
  if (nom === "tauxTva") return fc.constantFrom(...TAUX_TVA_AUTORISES);
  const echelle = nom === "quantite" || nom === "quantiteAvant" ? 3 : nom === "tarifHt" || nom === "tarifHtAvant" ? 4 : 2;
  return fc.tuple(fc.bigInt({ min: nom?.startsWith("quantite") === true ? 1n : 0n, max: 10n ** 11n }), fc.integer({ min: 0, max: echelle })).map(([v, s]) => BigDecimal.make(v, s));
};

const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });

const avecArbitraire = (ast: AST.AST, arbitraire: (...args: ReadonlyArray<unknown>) => unknown): AST.AST =>
  AST.annotations(ast, { [AST.ArbitraryAnnotationId]: arbitraire });

/** The type side of `ast` with domain-shaped leaves (see the module comment); `nom` is the enclosing property. */
const preparer = (ast: AST.AST, nom: string | undefined): AST.AST => {
  switch (ast._tag) {
    case "StringKeyword": {
      const parNom = nom === undefined ? undefined : PAR_NOM[nom];
      // Called as (context) without refinements, as (lazy arbitrary, context) with: the context is last.
      return avecArbitraire(ast, (...args) => () => {
        const motif = (args.at(-1) as { constraints?: { pattern?: string } } | undefined)?.constraints?.pattern;
        return motif !== undefined ? fc.stringMatching(new RegExp(motif)) : (parNom ?? chaine);
      });
    }
    case "Declaration": {
      const id = AST.getIdentifierAnnotation(ast).pipe((o) => (o._tag === "Some" ? o.value : ""));
      if (id.startsWith("BigDecimal")) return avecArbitraire(ast, () => () => decimal(nom));
      if (id.startsWith("Date")) return avecArbitraire(ast, () => () => instant);
      return ast;
    }
    case "Refinement":
      return new AST.Refinement(preparer(ast.from, nom), ast.filter, ast.annotations);
    case "TypeLiteral":
      return new AST.TypeLiteral(
        ast.propertySignatures.map((p) => new AST.PropertySignature(p.name, preparer(p.type, String(p.name)), p.isOptional, p.isReadonly, p.annotations)),
        ast.indexSignatures,
        ast.annotations,
      );
    case "TupleType":
      return new AST.TupleType(
        ast.elements.map((e) => new AST.OptionalType(preparer(e.type, nom), e.isOptional, e.annotations)),
        ast.rest.map((r) => new AST.Type(preparer(r.type, nom), r.annotations)),
        ast.isReadonly,
        ast.annotations,
      );
    case "Union":
      return AST.Union.make(ast.types.map((t) => preparer(t, nom)), ast.annotations);
    case "Transformation":
      return preparer(ast.to, nom);
    default:
      return ast;
  }
};

/** An arbitrary of the values of core's Schema `schema` (its type side), every filter of the Schema applied. */
export const arbitraireDe = <A, I, R>(schema: Schema.Schema<A, I, R>): fc.Arbitrary<A> => Arbitrary.make(Schema.make<A, A, never>(preparer(AST.typeAST(schema.ast), undefined)));
