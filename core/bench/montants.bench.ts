/**
 * Amount engine throughput: 1,000,000 lines spread over mémoires of 1–50 lines (seeded), pre-decoded,
 * through `calculerMontantsEntree`, against a naive implementation on JS numbers run on the same data.
 * Targets: exact ≥ 1,000,000 lines/s and ≥ 0.1 × naive.
 */
import { BigDecimal, Either } from "effect";
import {
  calculerMontants,
  calculerMontantsEntree,
  formaterMontant,
  formaterTaux,
  TAUX_TVA_AUTORISES,
  type MemoireMontantsEntree,
  type TypeTva,
} from "../src/montants/index.js";
import { meilleurTemps, prng, type ModuleBench } from "./bench.js";

const NOMBRE_LIGNES = 1_000_000;
// Decoding raw JSON through the schemas is much slower: measured on the first lines only, for information.
const NOMBRE_LIGNES_SAISIES = 50_000;
const REPETITIONS = 5;

interface LigneNaive {
  readonly quantite: number;
  readonly tarifHt: number;
  readonly tauxTva: number;
  readonly fraisDivers: number;
  readonly debours: number;
  readonly remise: number;
}
interface MemoireNaif {
  readonly lignes: ReadonlyArray<LigneNaive>;
  readonly remiseGlobaleTtc: number;
}

const TAUX_CENTIEMES = TAUX_TVA_AUTORISES.map((t) => Number(t.value));

/** The same data twice: decoded (`BigDecimal` at the schemas' scales) and as JS numbers. */
const generer = (graine: number): { exactes: Array<MemoireMontantsEntree>; naifs: Array<MemoireNaif> } => {
  const alea = prng(graine);
  const entier = (max: number) => Math.floor(alea() * (max + 1));
  const exactes: Array<MemoireMontantsEntree> = [];
  const naifs: Array<MemoireNaif> = [];
  let restantes = NOMBRE_LIGNES;
  while (restantes > 0) {
    const n = Math.min(restantes, 1 + entier(49));
    restantes -= n;
    const typeTva: TypeTva = alea() < 0.85 ? (alea() < 0.7 ? "TVA_SUR_DEBIT" : "TVA_SUR_ENCAISSEMENT") : alea() < 0.5 ? "EXONERATION" : "SANS_TVA";
    const lignesExactes = [];
    const lignesNaives: Array<LigneNaive> = [];
    for (let i = 0; i < n; i++) {
      // Hours or pages (0.5 steps, sometimes thousandths), tariffs with 2 to 4 decimals, VAT mostly 20 %.
      const q = alea() < 0.9 ? 500 * (1 + entier(39)) : 1 + entier(99_999);
      const t = alea() < 0.8 ? 100 * entier(200_000) : entier(10_000_000);
      const c = typeTva === "EXONERATION" || typeTva === "SANS_TVA" ? 0 : alea() < 0.7 ? 2000 : (TAUX_CENTIEMES[entier(TAUX_CENTIEMES.length - 1)] ?? 0);
      const f = alea() < 0.7 ? 0 : entier(50_000);
      const d = alea() < 0.8 ? 0 : entier(30_000);
      const prestation = Math.round((q * t) / 100_000);
      const r = alea() < 0.9 ? 0 : entier(prestation + f);
      lignesExactes.push({
        quantite: BigDecimal.make(BigInt(q), 3),
        tarifHt: BigDecimal.make(BigInt(t), 4),
        tauxTva: BigDecimal.make(BigInt(c), 2),
        fraisDivers: BigDecimal.make(BigInt(f), 2),
        debours: BigDecimal.make(BigInt(d), 2),
        remise: BigDecimal.make(BigInt(r), 2),
      });
      lignesNaives.push({ quantite: q / 1000, tarifHt: t / 10_000, tauxTva: c / 100, fraisDivers: f / 100, debours: d / 100, remise: r / 100 });
    }
    exactes.push({ typeTva, remiseGlobaleTtc: BigDecimal.make(0n, 2), lignes: lignesExactes });
    naifs.push({ lignes: lignesNaives, remiseGlobaleTtc: 0 });
  }
  return { exactes, naifs };
};

// What one would write without exact decimals: floats and Math.round (wrong on ties like 1.005).
const arrondiNaif = (x: number): number => Math.round(x * 100) / 100;
const calculerNaif = (m: MemoireNaif) => {
  const bases = new Map<number, number>();
  const lignes = [];
  let montantHt = 0;
  let montantDebours = 0;
  for (const l of m.lignes) {
    const montantPrestationHt = arrondiNaif(l.quantite * l.tarifHt);
    const ht = montantPrestationHt + l.fraisDivers - l.remise;
    if (ht < 0) throw new Error("remise supérieure à la ligne");
    const tva = arrondiNaif((ht * l.tauxTva) / 100);
    lignes.push({ montantPrestationHt, montantHt: ht, montantTva: tva, montantTtc: ht + tva + l.debours });
    bases.set(l.tauxTva, (bases.get(l.tauxTva) ?? 0) + ht);
    montantHt += ht;
    montantDebours += l.debours;
  }
  const recapitulatifTva = [...bases.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tauxTva, baseHt]) => ({ tauxTva, baseHt, montantTva: arrondiNaif((baseHt * tauxTva) / 100) }));
  const montantTva = recapitulatifTva.reduce((s, r) => s + r.montantTva, 0);
  const avant = montantHt + montantTva + montantDebours;
  return { lignes, recapitulatifTva, totaux: { montantHt, montantTva, montantDebours, montantTtcAvantRemiseGlobale: avant, montantRemiseGlobaleTtc: m.remiseGlobaleTtc, montantTtc: avant - m.remiseGlobaleTtc } };
};

const bench: ModuleBench = {
  nom: "montants",
  executer: () => {
    const { exactes, naifs } = generer(20_251_122);
    let totalExact = 0n;
    let totalNaif = 0;
    let ecarts = 0;
    const passeExacte = () => {
      totalExact = 0n;
      for (const m of exactes) {
        const r = calculerMontantsEntree(m);
        if (Either.isLeft(r)) throw new Error(r.left.message);
        totalExact += r.right.totaux.montantTtc.value;
      }
    };
    const passeNaive = () => {
      totalNaif = 0;
      for (const m of naifs) totalNaif += calculerNaif(m).totaux.montantTtc;
    };
    // Warm-up of both, then the best of REPETITIONS passes, alternated.
    passeExacte();
    passeNaive();
    let msExact = Number.POSITIVE_INFINITY;
    let msNaif = Number.POSITIVE_INFINITY;
    for (let i = 0; i < REPETITIONS; i++) {
      msExact = Math.min(msExact, meilleurTemps(1, passeExacte));
      msNaif = Math.min(msNaif, meilleurTemps(1, passeNaive));
    }
    // Raw JSON (decimal strings) of the first mémoires, through calculerMontants (decode + validate + compute).
    const saisies: Array<unknown> = [];
    let lignesSaisies = 0;
    for (const m of exactes) {
      if (lignesSaisies >= NOMBRE_LIGNES_SAISIES) break;
      lignesSaisies += m.lignes.length;
      saisies.push({
        typeTva: m.typeTva,
        remiseGlobaleTtc: formaterMontant(m.remiseGlobaleTtc),
        lignes: m.lignes.map((l) => ({
          quantite: BigDecimal.format(l.quantite),
          tarifHt: BigDecimal.format(l.tarifHt),
          tauxTva: formaterTaux(l.tauxTva),
          fraisDivers: formaterMontant(l.fraisDivers),
          debours: formaterMontant(l.debours),
          remise: formaterMontant(l.remise),
        })),
      });
    }
    const msSaisies = meilleurTemps(3, () => {
      for (const s of saisies) if (Either.isLeft(calculerMontants(s))) throw new Error("saisie refusée");
    });
    naifs.forEach((m, i) => {
      const exact = calculerMontantsEntree(exactes[i] as MemoireMontantsEntree);
      if (Either.isRight(exact) && Math.round(calculerNaif(m).totaux.montantTtc * 100) !== Number(exact.right.totaux.montantTtc.value)) ecarts += 1;
    });
    const exactParSeconde = NOMBRE_LIGNES / (msExact / 1000);
    const naifParSeconde = NOMBRE_LIGNES / (msNaif / 1000);
    const ratio = exactParSeconde / naifParSeconde;
    return [
      { mesure: `exact (calculerMontantsEntree), ${exactes.length.toLocaleString("en-US")} mémoires`, valeur: exactParSeconde, unite: "lignes/s", cible: { texte: "≥ 1,000,000 lignes/s", atteinte: exactParSeconde >= 1_000_000 } },
      { mesure: "naive (JS numbers)", valeur: naifParSeconde, unite: "lignes/s" },
      { mesure: "ratio exact / naive", valeur: ratio, unite: "×", cible: { texte: "≥ 0.1 ×", atteinte: ratio >= 0.1 } },
      { mesure: `calculerMontants from raw JSON (decode + compute), ${lignesSaisies.toLocaleString("en-US")} lines`, valeur: lignesSaisies / (msSaisies / 1000), unite: "lignes/s" },
      { mesure: "mémoires where the naive TTC differs from the exact one", valeur: ecarts, unite: `/ ${exactes.length}` },
      { mesure: "Σ TTC exact (checksum)", valeur: Number(totalExact) / 100, unite: "€" },
      { mesure: "Σ TTC naive (checksum)", valeur: totalNaif, unite: "€" },
    ];
  },
};

export default bench;
