import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import type { Application } from "../serveur/application.js";
import { banc, connecter, memoireEn } from "../serveur/test-support.js";

/** The greffier's dashboard over HTTP, against mémoires placed for it: what it counts, in which order, for whom. */
type Barre = { libelle: string; valeur: number };
type Tableau = { juridictions: Array<string>; parEtat: Array<Barre & { etat: string }>; anciennete: Array<Barre>; parSemaine: Array<Barre>; montantsTaxation: Array<Barre> };

const JOUR = 86_400_000;
let orm: Orm;
let application: Application;
let detruire: () => Promise<void>;
let tableau: Tableau;
const centimes = (s: string): number => Math.round(Number(s) * 100);

// Paris (750): what the greffier sees. Lyon (690): the same kinds of mémoires, never counted for them.
const PARIS = { MIS_A_DISPOSITION: 4, A_TAXER: 2, CERTIFIE: 1, TAXE: 2, REFUSE: 1, BROUILLON: 1 } as const;
const LYON = { MIS_A_DISPOSITION: 3, TAXE: 1 } as const;
const ids: Record<string, Array<string>> = {};
/** The `i`-th mémoire placed as `cle` ("750:TAXE"). */
const place = (cle: string, i = 0): string => {
  const id = ids[cle]?.[i];
  if (id === undefined) throw new Error(`aucun mémoire ${cle} n° ${i}`);
  return id;
};

beforeAll(async () => {
  ({ orm, application, detruire } = await banc());
  for (const [juridiction, nombres] of [["750", PARIS], ["690", LYON]] as const) {
    for (const [etat, n] of Object.entries(nombres)) {
      for (let i = 0; i < n; i += 1) (ids[`${juridiction}:${etat}`] ??= []).push(await memoireEn(orm, etat as never, juridiction));
    }
  }
  const sql = sqlDe(orm);
  // Ages of the waiting mémoires of Paris: 10 (generated, about 20 days), 45, 75 and 120 days.
  for (const [i, jours] of [[1, 45], [2, 75], [3, 120]] as const) {
    await sql.lignes("UPDATE memoire SET mis_a_disposition_le = ? WHERE id = ?", [new Date(Date.now() - jours * JOUR), place("750:MIS_A_DISPOSITION", i)]);
  }
  // One taxed mémoire of Paris had asked for 100.00 € more than the magistrat taxed.
  const taxe = place("750:TAXE");
  const [l] = await sql.lignes<{ demandes: string }>(`SELECT montants_demandes AS demandes FROM memoire WHERE id = ?`, [taxe]);
  const demandes = JSON.parse(String(l?.demandes)) as { montantTtc: string };
  await sql.lignes("UPDATE memoire SET montants_demandes = ? WHERE id = ?", [JSON.stringify({ ...demandes, montantTtc: (centimes(demandes.montantTtc) / 100 + 100).toFixed(2) }), taxe]);
  // The decisions, at known days (the generator dates its histories from twenty days ago onwards).
  const dater = async (id: string, commande: string, jours: number) => {
    const changes = await sql.lignes(`UPDATE evenement_memoire SET le = ? WHERE memoire_id = ? AND commande = ? RETURNING id`, [new Date(Date.now() - jours * JOUR), id, commande]);
    expect(changes).toHaveLength(1);
  };
  await dater(place("750:CERTIFIE"), "memoire.certifier", 2);
  await dater(place("750:TAXE"), "memoire.taxer", 9);
  await dater(place("750:TAXE", 1), "memoire.taxer", 9);
  await dater(place("750:REFUSE"), "memoire.refuser", 100);
  await dater(place("690:TAXE"), "memoire.taxer", 2);
  const greffier = await connecter(application, "demo-greffier-paris");
  const reponse = await greffier.get("/admin/api/dashboard");
  expect(reponse.status).toBe(200);
  tableau = reponse.body as Tableau;
}, 60_000);
afterAll(() => detruire());

describe("tableau de bord of a greffier of Paris", () => {
  it("counts the mémoires per état, of their juridiction only, in the order of the lifecycle, without the drafts", () => {
    expect(tableau.juridictions).toEqual(["750"]);
    // Each bar carries its état: the chart links it to the list of that état.
    expect(tableau.parEtat).toEqual([
      { libelle: "Mis à disposition", valeur: 4, etat: "MIS_A_DISPOSITION" },
      { libelle: "À taxer", valeur: 2, etat: "A_TAXER" },
      { libelle: "Certifié", valeur: 1, etat: "CERTIFIE" },
      { libelle: "Taxé", valeur: 2, etat: "TAXE" },
      { libelle: "Refusé", valeur: 1, etat: "REFUSE" },
    ]);
  });

  it("spreads the backlog by days since the mise à disposition (the refused and the drafts are not waiting)", () => {
    // Waiting: 4 mis à disposition (about 20, 45, 75, 120 days), 2 à taxer, 1 certifié, 2 taxés (all recent).
    expect(tableau.anciennete).toEqual([
      { libelle: "0 à 30 jours", valeur: 1 + 2 + 1 + 2 },
      { libelle: "30 à 60 jours", valeur: 1 },
      { libelle: "60 à 90 jours", valeur: 1 },
      { libelle: "plus de 90 jours", valeur: 1 },
    ]);
  });

  it("counts the decisions of the last twelve weeks, week by week, on their juridiction's mémoires", () => {
    expect(tableau.parSemaine).toHaveLength(12);
    expect(tableau.parSemaine.every((s) => /^\d{2}\/\d{2}$/.test(s.libelle))).toBe(true);
    // Paris: certified 2 days ago (this week), taxed twice 9 days ago (the week before), refused 100
    // days ago (out of the twelve weeks). Lyon's taxation of 2 days ago is not theirs.
    expect(tableau.parSemaine.map((s) => s.valeur)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1]);
  });

  it("sets the amounts taxed against the amounts requested, in cents, over their taxed mémoires", async () => {
    const lignes = await sqlDe(orm).lignes<{ ttc: string }>(`SELECT montant_ttc AS ttc FROM memoire WHERE id IN (?, ?)`, [place("750:TAXE"), place("750:TAXE", 1)]);
    const taxe = lignes.reduce((n, l) => n + centimes(l.ttc), 0);
    expect(tableau.montantsTaxation).toEqual([
      { libelle: "Demandé", valeur: taxe + 10_000 },
      { libelle: "Taxé", valeur: taxe },
    ]);
  });
});
