import { BigDecimal, Either, Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calculerMontants,
  calculerMontantsEntree,
  formaterMontant,
  formaterTaux,
  MemoireMontantsEntree,
  montantsEnJson,
  type Montants,
  type TypeTva,
} from "./index.js";
import { arbMemoireEntree, arbMemoireSaisie, arbSaisieInvalide, calculerMontantsReference } from "./test-support/arbitraries.js";

const RUNS = { numRuns: 300 } as const;
const somme = (xs: ReadonlyArray<BigDecimal.BigDecimal>) => BigDecimal.sumAll(xs);
const egal = (a: BigDecimal.BigDecimal, b: BigDecimal.BigDecimal) => expect(BigDecimal.format(a)).toBe(BigDecimal.format(b));
const calculer = (entree: MemoireMontantsEntree): Montants => Either.getOrThrow(calculerMontantsEntree(entree));

describe("amount engine — properties", () => {
  it("agrees with the verbatim BigDecimal reference of DOMAIN.md §3", () => {
    fc.assert(
      fc.property(arbMemoireEntree(), (entree) => {
        expect(montantsEnJson(calculer(entree))).toStrictEqual(montantsEnJson(calculerMontantsReference(entree)));
      }),
      RUNS,
    );
  });

  it("totals are the sums of the lines and of the VAT summary; TTC = HT + TVA + débours − remise globale", () => {
    fc.assert(
      fc.property(arbMemoireEntree(), (entree) => {
        const m = calculer(entree);
        const t = m.totaux;
        egal(t.montantHt, somme(m.lignes.map((l) => l.montantHt)));
        egal(t.montantHt, somme(m.recapitulatifTva.map((r) => r.baseHt)));
        egal(t.montantTva, somme(m.recapitulatifTva.map((r) => r.montantTva)));
        egal(t.montantDebours, somme(entree.lignes.map((l) => l.debours)));
        egal(t.montantTtcAvantRemiseGlobale, somme([t.montantHt, t.montantTva, t.montantDebours]));
        egal(t.montantRemiseGlobaleTtc, entree.remiseGlobaleTtc);
        egal(t.montantTtc, BigDecimal.subtract(t.montantTtcAvantRemiseGlobale, t.montantRemiseGlobaleTtc));
        m.lignes.forEach((l, i) => {
          const e = entree.lignes[i];
          if (e === undefined) throw new Error("ligne manquante");
          egal(l.montantHt, BigDecimal.subtract(BigDecimal.sum(l.montantPrestationHt, e.fraisDivers), e.remise));
          egal(l.montantTtc, somme([l.montantHt, l.montantTva, e.debours]));
        });
      }),
      RUNS,
    );
  });

  it("permuting the lines changes no total and no summary row", () => {
    fc.assert(
      fc.property(
        arbMemoireEntree(2, 12).chain((entree) => fc.tuple(fc.constant(entree), fc.shuffledSubarray([...entree.lignes], { minLength: entree.lignes.length }))),
        ([entree, melangees]) => {
          const a = montantsEnJson(calculer(entree));
          const b = montantsEnJson(calculer({ ...entree, lignes: melangees }));
          expect(b.totaux).toStrictEqual(a.totaux);
          expect(b.recapitulatifTva).toStrictEqual(a.recapitulatifTva);
          expect([...b.lignes].map((l) => JSON.stringify(l)).sort()).toStrictEqual([...a.lignes].map((l) => JSON.stringify(l)).sort());
        },
      ),
      RUNS,
    );
  });

  it("a line at rate r only touches summary row r; rows are one per rate used, ascending", () => {
    const taxees = fc.constantFrom<TypeTva>("TVA_SUR_DEBIT", "TVA_SUR_ENCAISSEMENT");
    fc.assert(
      fc.property(arbMemoireEntree(1, 8, taxees), arbMemoireEntree(1, 1, taxees), (entree, autre) => {
        const ajout = autre.lignes[0];
        if (ajout === undefined) throw new Error("ligne manquante");
        const avant = montantsEnJson(calculer(entree)).recapitulatifTva;
        const m = calculer({ ...entree, lignes: [...entree.lignes, ajout] });
        const apres = montantsEnJson(m).recapitulatifTva;
        const r = formaterTaux(ajout.tauxTva);
        expect(apres.filter((x) => x.tauxTva !== r)).toStrictEqual(avant.filter((x) => x.tauxTva !== r));
        const baseAvant = avant.find((x) => x.tauxTva === r)?.baseHt ?? "0";
        const htAjout = m.lignes[m.lignes.length - 1]?.montantHt ?? BigDecimal.fromBigInt(0n);
        expect(apres.find((x) => x.tauxTva === r)?.baseHt).toBe(formaterMontant(BigDecimal.sum(BigDecimal.unsafeFromString(baseAvant), htAjout)));
        const taux = apres.map((x) => BigDecimal.unsafeFromString(x.tauxTva));
        expect(taux).toStrictEqual([...taux].sort(BigDecimal.Order));
        expect(new Set(apres.map((x) => x.tauxTva)).size).toBe(apres.length);
      }),
      RUNS,
    );
  });

  it("per rate, |Σ line VAT − summary VAT| ≤ 0.005 × number of lines at that rate", () => {
    fc.assert(
      fc.property(arbMemoireEntree(1, 30), (entree) => {
        const m = calculer(entree);
        for (const ligne of m.recapitulatifTva) {
          const indices = entree.lignes.flatMap((l, i) => (BigDecimal.equals(l.tauxTva, ligne.tauxTva) ? [i] : []));
          const sommeLignes = somme(indices.map((i) => m.lignes[i]?.montantTva ?? BigDecimal.fromBigInt(0n)));
          const ecart = BigDecimal.abs(BigDecimal.subtract(sommeLignes, ligne.montantTva));
          expect(BigDecimal.lessThanOrEqualTo(ecart, BigDecimal.multiply(BigDecimal.make(5n, 3), BigDecimal.fromBigInt(BigInt(indices.length))))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("amounts are never negative and always have 2 decimals", () => {
    fc.assert(
      fc.property(arbMemoireEntree(), (entree) => {
        const m = calculer(entree);
        const tous = [
          ...m.lignes.flatMap((l) => [l.montantPrestationHt, l.montantHt, l.montantTva, l.montantTtc]),
          ...m.recapitulatifTva.flatMap((r) => [r.baseHt, r.montantTva]),
          m.totaux.montantHt,
          m.totaux.montantTva,
          m.totaux.montantDebours,
          m.totaux.montantTtcAvantRemiseGlobale,
          m.totaux.montantRemiseGlobaleTtc,
          m.totaux.montantTtc,
        ];
        for (const x of tous) {
          expect(BigDecimal.isNegative(x)).toBe(false);
          expect(x.scale).toBe(2);
        }
      }),
      RUNS,
    );
  });

  it("valid raw input always computes, and the same as its decoded form", () => {
    fc.assert(
      fc.property(arbMemoireSaisie(), (saisie) => {
        const r = calculerMontants(saisie);
        if (Either.isLeft(r)) throw new Error(r.left.message);
        const entree = Schema.decodeUnknownSync(MemoireMontantsEntree)(saisie);
        expect(montantsEnJson(r.right)).toStrictEqual(montantsEnJson(calculer(entree)));
      }),
      RUNS,
    );
  });

  it("invalid raw input always fails, naming the faulty field and only it", () => {
    fc.assert(
      fc.property(arbSaisieInvalide, ({ saisie, chemin }) => {
        const r = calculerMontants(saisie);
        expect(Either.isLeft(r)).toBe(true);
        if (Either.isLeft(r)) {
          expect(r.left.erreurs.map((e) => e.chemin)).toStrictEqual([chemin]);
          for (const e of r.left.erreurs) expect(e.raison).not.toMatch(/^(Expected|is missing|is unexpected)/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("faults on several lines are all reported, one per line, in line order", () => {
    fc.assert(
      fc.property(arbMemoireSaisie(1, 12), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (memoire, fautives) => {
        const lignes = memoire.lignes.map((l, i) => (fautives[i] === true ? { ...l, tauxTva: "19.6" } : l));
        const attendus = lignes.flatMap((l, i) => (l.tauxTva === "19.6" ? [`lignes[${i}].tauxTva`] : []));
        const r = calculerMontants({ ...memoire, lignes });
        if (attendus.length === 0) expect(Either.isRight(r)).toBe(true);
        else expect(Either.isLeft(r) && r.left.erreurs.map((e) => e.chemin)).toStrictEqual(attendus);
      }),
      RUNS,
    );
  });

  it("every kind of invalid input is generated", () => {
    const sortes = new Set(fc.sample(arbSaisieInvalide, { numRuns: 500, seed: 42 }).map((x) => x.sorte));
    expect([...sortes].sort()).toStrictEqual(
      ["champInconnu", "negatif", "quantiteNulle", "remiseGlobaleSuperieure", "remiseSuperieure", "sansLigne", "tauxInconnu", "tauxNonNulSansTaxe", "tropDeDecimales", "typeTvaInconnu", "virgule"].sort(),
    );
  });
});
