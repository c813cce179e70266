/**
 * # Calculer les montants d'un mémoire
 *
 * Un interprète-traducteur facture deux prestations au tribunal : une traduction orale de 3 heures
 * (tarif horaire 30 € HT, TVA 20 %, avec 12,40 € de frais de déplacement soumis à TVA) et une
 * traduction écrite de 4 pages (25 € HT la page, TVA 20 %, 8,50 € de débours non soumis à TVA, CGI
 * 267-II-2°). Il consent une remise globale de 5 € TTC.
 *
 * Le moteur de montants (`@frais-justice/core/montants`) calcule chaque ligne, le récapitulatif de TVA
 * par taux (TVA calculée sur la base sommée, EN 16931) et les totaux, en décimaux exacts arrondis au
 * centime « half away from zero ». Une saisie invalide est refusée champ par champ.
 */
import { Either } from "effect";
import { calculerMontants, montantsEnJson, type MontantsJson } from "@frais-justice/core/montants";

export const memoireInterprete = {
  typeTva: "TVA_SUR_DEBIT",
  remiseGlobaleTtc: "5.00",
  lignes: [
    { quantite: "3", tarifHt: "30.00", tauxTva: "20", fraisDivers: "12.40" },
    { quantite: "4", tarifHt: "25.00", tauxTva: "20", debours: "8.50" },
  ],
} as const;

export interface Resultat {
  readonly montants: MontantsJson;
  readonly erreursSaisieInvalide: ReadonlyArray<string>;
}

export const main = (journal: (ligne: string) => void = console.log): Resultat => {
  journal("1. L'interprète saisit ses deux lignes de prestation.");
  const calcul = calculerMontants(memoireInterprete);
  if (Either.isLeft(calcul)) throw new Error(`saisie refusée : ${calcul.left.message}`);
  const montants = montantsEnJson(calcul.right);
  montants.lignes.forEach((l, i) => journal(`   ligne ${i + 1} : HT ${l.montantHt} €, TVA ${l.montantTva} €, TTC ${l.montantTtc} €`));
  for (const r of montants.recapitulatifTva) journal(`   TVA ${r.tauxTva} % sur ${r.baseHt} € = ${r.montantTva} €`);
  const t = montants.totaux;
  journal(`2. Totaux : HT ${t.montantHt} €, TVA ${t.montantTva} €, débours ${t.montantDebours} €,`);
  journal(`   TTC avant remise ${t.montantTtcAvantRemiseGlobale} €, remise globale ${t.montantRemiseGlobaleTtc} €, TTC ${t.montantTtc} €.`);

  journal("3. Une saisie erronée (taux de 7 %, quantité négative) est refusée champ par champ :");
  const refus = calculerMontants({
    typeTva: "TVA_SUR_DEBIT",
    lignes: [{ quantite: "-1", tarifHt: "40.00", tauxTva: "7" }],
  });
  const erreurs = Either.isLeft(refus) ? refus.left.erreurs.map((e) => `${e.chemin} : ${e.raison}`) : [];
  for (const e of erreurs) journal(`   ${e}`);
  return { montants, erreursSaisieInvalide: erreurs };
};

if (import.meta.url === `file://${process.argv[1]}`) main();
