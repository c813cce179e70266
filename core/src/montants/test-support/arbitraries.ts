/**
 * fast-check arbitraries for the amount engine, reusable by other modules' tests
 * (`../montants/test-support/arbitraries.js`), and a reference implementation written verbatim from
 * DOMAIN.md §3 with `BigDecimal` operations only, against which the engine is checked.
 */
import { BigDecimal, Schema } from "effect";
import fc from "fast-check";
import { MemoireMontantsEntree, TAUX_TVA_AUTORISES, TYPES_TVA, type Montants, type TypeTva } from "../index.js";

const ecrire = (valeur: bigint, echelle: number): string => {
  const negatif = valeur < 0n;
  const chiffres = (negatif ? -valeur : valeur).toString().padStart(echelle + 1, "0");
  const texte = echelle === 0 ? chiffres : `${chiffres.slice(0, -echelle)}.${chiffres.slice(-echelle)}`;
  return negatif ? `-${texte}` : texte;
};

/** The allowed rates as strings ("0", "0.9", …, "20"). */
export const TAUX_TEXTE: ReadonlyArray<string> = ["0", "0.9", "1.05", "1.75", "2.1", "5.5", "8.5", "10", "13", "20"];

/**
 * A decimal at a given scale, written in one of the accepted ways: with every decimal ("150.00"),
 * without trailing zeros ("150"), or as a JSON number when that number reads back exactly.
 */
export const arbDecimalSaisi = (min: bigint, max: bigint, echelle: number): fc.Arbitrary<string | number> =>
  fc.tuple(fc.bigInt({ min, max }), fc.constantFrom("complet", "court", "nombre")).map(([v, forme]) => {
    const complet = ecrire(v, echelle);
    const court = BigDecimal.format(BigDecimal.make(v, echelle));
    if (forme === "complet") return complet;
    if (forme === "court") return court;
    const n = Number(court);
    return String(n) === court ? n : complet;
  });

/** A money amount in cents, 0 ≤ x ≤ `max` cents. */
export const arbCentimes = (max = 10_000_000n): fc.Arbitrary<bigint> => fc.bigInt({ min: 0n, max });

/** A valid money input (string or number), 0 to 100,000.00 by default. */
export const arbMontantSaisi = (max = 10_000_000n): fc.Arbitrary<string | number> => arbDecimalSaisi(0n, max, 2);

/** A valid quantité input, 0.001 to 1,000. */
export const arbQuantiteSaisie: fc.Arbitrary<string | number> = arbDecimalSaisi(1n, 1_000_000n, 3);

/** A valid tarif HT input, 0 to 10,000.0000. */
export const arbTarifHtSaisi: fc.Arbitrary<string | number> = arbDecimalSaisi(0n, 100_000_000n, 4);

/** An allowed rate, as a string or a number. */
export const arbTauxTvaSaisi: fc.Arbitrary<string | number> = fc
  .tuple(fc.constantFrom(...TAUX_TEXTE), fc.boolean())
  .map(([t, nombre]) => (nombre ? Number(t) : t));

/** A VAT regime. */
export const arbTypeTva: fc.Arbitrary<TypeTva> = fc.constantFrom(...TYPES_TVA);

const parse = (x: string | number): BigDecimal.BigDecimal => BigDecimal.unsafeFromString(String(x));
const arrondir = (x: BigDecimal.BigDecimal): BigDecimal.BigDecimal => BigDecimal.round(x, { scale: 2, mode: "half-from-zero" });

/** One raw line (JSON-like). Optional money fields are sometimes left out (they default to 0.00). */
export interface LigneSaisie {
  quantite: string | number;
  tarifHt: string | number;
  tauxTva: string | number;
  fraisDivers?: string | number;
  debours?: string | number;
  remise?: string | number;
}

/** One raw mémoire (JSON-like), as `calculerMontants` receives it. */
export interface MemoireSaisie {
  typeTva: string;
  remiseGlobaleTtc?: string | number;
  lignes: Array<LigneSaisie>;
}

/** A valid raw line: the remise never exceeds the prestation plus the frais divers; rate 0 when `sansTaxe`. */
export const arbLigneSaisie = (sansTaxe: boolean): fc.Arbitrary<LigneSaisie> =>
  fc
    .record({
      quantite: arbQuantiteSaisie,
      tarifHt: arbTarifHtSaisi,
      tauxTva: sansTaxe ? fc.constantFrom<string | number>("0", 0, "0.00") : arbTauxTvaSaisi,
      fraisDivers: fc.option(arbMontantSaisi(1_000_000n), { nil: undefined }),
      debours: fc.option(arbMontantSaisi(1_000_000n), { nil: undefined }),
      partRemise: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      forme: fc.constantFrom("complet", "nombre"),
    })
    .map(({ partRemise, forme, fraisDivers, debours, ...ligne }) => {
      const resultat: LigneSaisie = { ...ligne };
      if (fraisDivers !== undefined) resultat.fraisDivers = fraisDivers;
      if (debours !== undefined) resultat.debours = debours;
      if (partRemise !== undefined) {
        const plafond = BigDecimal.sum(arrondir(BigDecimal.multiply(parse(ligne.quantite), parse(ligne.tarifHt))), parse(fraisDivers ?? "0"));
        const centimes = (BigDecimal.scale(plafond, 2).value * BigInt(partRemise)) / 1000n;
        resultat.remise = forme === "nombre" && centimes < 1_000_000n ? Number(ecrire(centimes, 2)) : ecrire(centimes, 2);
      }
      return resultat;
    });

/**
 * A valid raw mémoire of `minLignes`..`maxLignes` lines; its remise globale (sometimes absent) never
 * exceeds the TTC before it.
 */
export const arbMemoireSaisie = (minLignes = 1, maxLignes = 12, typesTva: fc.Arbitrary<TypeTva> = arbTypeTva): fc.Arbitrary<MemoireSaisie> =>
  typesTva.chain((typeTva) =>
    fc
      .tuple(
        fc.array(arbLigneSaisie(typeTva === "EXONERATION" || typeTva === "SANS_TVA"), { minLength: minLignes, maxLength: maxLignes }),
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      )
      .map(([lignes, partRemise]) => {
        const memoire: MemoireSaisie = { typeTva, lignes };
        if (partRemise !== undefined) {
          const avant = calculerMontantsReference(decoder({ typeTva, lignes })).totaux.montantTtcAvantRemiseGlobale;
          memoire.remiseGlobaleTtc = ecrire((BigDecimal.scale(avant, 2).value * BigInt(partRemise)) / 1000n, 2);
        }
        return memoire;
      }),
  );

const decoder = Schema.decodeUnknownSync(MemoireMontantsEntree);

/** A valid decoded mémoire (`BigDecimal` fields), as the mémoire aggregate holds it. */
export const arbMemoireEntree = (minLignes = 1, maxLignes = 12, typesTva: fc.Arbitrary<TypeTva> = arbTypeTva): fc.Arbitrary<MemoireMontantsEntree> =>
  arbMemoireSaisie(minLignes, maxLignes, typesTva).map(decoder);

/**
 * DOMAIN.md §3 "Amounts", written verbatim with `BigDecimal` operations and
 * `BigDecimal.round(…, { scale: 2, mode: "half-from-zero" })`. No validation: for valid inputs only.
 */
export const calculerMontantsReference = (entree: MemoireMontantsEntree): Montants => {
  const cent = BigDecimal.fromBigInt(100n);
  const tva = (base: BigDecimal.BigDecimal, taux: BigDecimal.BigDecimal) => arrondir(BigDecimal.unsafeDivide(BigDecimal.multiply(base, taux), cent));
  const lignes = entree.lignes.map((l) => {
    const montantPrestationHt = arrondir(BigDecimal.multiply(l.quantite, l.tarifHt));
    const montantHt = BigDecimal.subtract(BigDecimal.sum(montantPrestationHt, l.fraisDivers), l.remise);
    const montantTva = tva(montantHt, l.tauxTva);
    return { montantPrestationHt, montantHt, montantTva, montantTtc: BigDecimal.sumAll([montantHt, montantTva, l.debours]) };
  });
  const recapitulatifTva = TAUX_TVA_AUTORISES.flatMap((taux) => {
    const aCeTaux = entree.lignes.flatMap((l, i) => (BigDecimal.equals(l.tauxTva, taux) ? [lignes[i]?.montantHt ?? BigDecimal.fromBigInt(0n)] : []));
    if (aCeTaux.length === 0) return [];
    const baseHt = BigDecimal.sumAll(aCeTaux);
    return [{ tauxTva: taux, baseHt, montantTva: tva(baseHt, taux) }];
  });
  const montantHt = BigDecimal.sumAll(lignes.map((l) => l.montantHt));
  const montantTva = BigDecimal.sumAll(recapitulatifTva.map((r) => r.montantTva));
  const montantDebours = BigDecimal.sumAll(entree.lignes.map((l) => l.debours));
  const montantTtcAvantRemiseGlobale = BigDecimal.sumAll([montantHt, montantTva, montantDebours]);
  return {
    lignes,
    recapitulatifTva,
    totaux: {
      montantHt,
      montantTva,
      montantDebours,
      montantTtcAvantRemiseGlobale,
      montantRemiseGlobaleTtc: entree.remiseGlobaleTtc,
      montantTtc: BigDecimal.subtract(montantTtcAvantRemiseGlobale, entree.remiseGlobaleTtc),
    },
  };
};

/** The kinds of invalid input generated by {@link arbSaisieInvalide}. */
export type SorteInvalide =
  | "tauxInconnu"
  | "negatif"
  | "tropDeDecimales"
  | "remiseSuperieure"
  | "tauxNonNulSansTaxe"
  | "sansLigne"
  | "typeTvaInconnu"
  | "champInconnu"
  | "virgule"
  | "quantiteNulle"
  | "remiseGlobaleSuperieure";

/** An invalid raw mémoire, with the kind of fault and the path of the field that must be reported. */
export interface SaisieInvalideGeneree {
  readonly sorte: SorteInvalide;
  readonly saisie: unknown;
  readonly chemin: string;
}

const CHAMPS_MONTANT = ["fraisDivers", "debours", "remise"] as const;

/** One fault injected into an otherwise valid mémoire; `chemin` is the path that must be reported. */
export const arbSaisieInvalide: fc.Arbitrary<SaisieInvalideGeneree> = fc
  .tuple(arbMemoireSaisie(1, 6), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 100_000 }))
  .chain(([memoire, a, b, n]) => {
    const i = a % memoire.lignes.length;
    const p = `lignes[${i}]`;
    const avec = (modifier: (ligne: LigneSaisie) => unknown): Array<unknown> =>
      memoire.lignes.map((l, j) => (j === i ? modifier(l) : l));
    const champMontant = CHAMPS_MONTANT[b % CHAMPS_MONTANT.length] ?? "debours";
    const champDecimal = (["quantite", "tarifHt", ...CHAMPS_MONTANT] as const)[b % 5] ?? "quantite";
    const maxDecimales = { quantite: 3, tarifHt: 4, fraisDivers: 2, debours: 2, remise: 2 }[champDecimal];
    const cas: Array<SaisieInvalideGeneree> = [
      {
        sorte: "tauxInconnu",
        saisie: { ...memoire, lignes: avec((l) => ({ ...l, tauxTva: ["7", "19.6", "5.55", "-5.5", "100", 21][b % 6] })) },
        chemin: `${p}.tauxTva`,
      },
      {
        sorte: "negatif",
        saisie: { ...memoire, lignes: avec((l) => ({ ...l, [champDecimal === "quantite" ? "tarifHt" : champDecimal]: `-${ecrire(BigInt(n), 2)}` })) },
        chemin: `${p}.${champDecimal === "quantite" ? "tarifHt" : champDecimal}`,
      },
      {
        sorte: "tropDeDecimales",
        saisie: { ...memoire, lignes: avec((l) => ({ ...l, [champDecimal]: `${n}.${"0".repeat(maxDecimales)}1` })) },
        chemin: `${p}.${champDecimal}`,
      },
      {
        sorte: "remiseSuperieure",
        saisie: {
          ...memoire,
          lignes: avec((l) => {
            const plafond = BigDecimal.sum(arrondir(BigDecimal.multiply(parse(l.quantite), parse(l.tarifHt))), parse(l.fraisDivers ?? "0"));
            return { ...l, remise: ecrire(BigDecimal.scale(plafond, 2).value + BigInt(n), 2) };
          }),
        },
        chemin: `${p}.remise`,
      },
      {
        sorte: "tauxNonNulSansTaxe",
        saisie: {
          ...memoire,
          typeTva: b % 2 === 0 ? "EXONERATION" : "SANS_TVA",
          lignes: memoire.lignes.map((l, j) => ({ ...l, tauxTva: j === i ? (TAUX_TEXTE[1 + (n % 9)] ?? "20") : "0" })),
        },
        chemin: `${p}.tauxTva`,
      },
      { sorte: "sansLigne", saisie: { ...memoire, lignes: [] }, chemin: "lignes" },
      { sorte: "typeTvaInconnu", saisie: { ...memoire, typeTva: ["TVA", "", "tva_sur_debit", "AUTOLIQUIDATION"][b % 4] }, chemin: "typeTva" },
      b % 2 === 0
        ? { sorte: "champInconnu", saisie: { ...memoire, lignes: avec((l) => ({ ...l, montantHt: "1.00" })) }, chemin: `${p}.montantHt` }
        : { sorte: "champInconnu", saisie: { ...memoire, devise: "EUR" }, chemin: "devise" },
      {
        sorte: "virgule",
        saisie: { ...memoire, lignes: avec((l) => ({ ...l, [champMontant]: `${n},50` })) },
        chemin: `${p}.${champMontant}`,
      },
      { sorte: "quantiteNulle", saisie: { ...memoire, lignes: avec((l) => ({ ...l, quantite: b % 2 === 0 ? "0" : 0 })) }, chemin: `${p}.quantite` },
      {
        sorte: "remiseGlobaleSuperieure",
        saisie: {
          ...memoire,
          remiseGlobaleTtc: ecrire(
            BigDecimal.scale(calculerMontantsReference(decoder({ ...memoire, remiseGlobaleTtc: "0" })).totaux.montantTtcAvantRemiseGlobale, 2).value + BigInt(n),
            2,
          ),
        },
        chemin: "remiseGlobaleTtc",
      },
    ];
    return fc.constantFrom(...cas);
  });
