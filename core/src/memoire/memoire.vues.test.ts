import { BigDecimal, Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { autoriser, type Acteur, type EspaceOuvrable } from "../autorisation/index.js";
import type { Lecteur, MemoireVue } from "./memoire.lecture.js";
import { ETATS_MEMOIRE, type Memoire } from "./memoire.model.js";
import { rechercher } from "./memoire.recherche.js";
import { archives, decoderCriteresListeFiscale, listeFiscale, seuilArchivage, synthese, tableauDeBord, verifierPeriode } from "./memoire.vues.js";
import { AIX, consultantS1, gestionnaireS1S2, greffierParis, PARIS, portefeuille, S1, S2 } from "./test-support/lecteurs.fixtures.js";
import { fabriquerMemoire } from "./test-support/vues.fixtures.js";

const memoires = portefeuille();
const numeros = (lignes: ReadonlyArray<{ readonly memoire: Memoire }>): ReadonlyArray<string> => lignes.map((l) => l.memoire.numero);

describe("Synthèse", () => {
  it("lists drafts and refused mémoires, most recent état first, never deleted drafts", () => {
    expect(numeros(synthese(consultantS1, memoires))).toEqual(["TMP201900000005", "MJ0000000045"]);
  });

  it("filters on one structure", () => {
    expect(numeros(synthese(gestionnaireS1S2, memoires, { structureId: S2 }))).toEqual([]);
    expect(numeros(synthese(gestionnaireS1S2, memoires, { structureId: S1 }))).toEqual(["TMP201900000005", "MJ0000000045"]);
  });

  it("shows the court side no draft", () => {
    expect(numeros(synthese(greffierParis, memoires))).toEqual(["MJ0000000045"]);
  });
});

describe("Tableau de bord", () => {
  it("counts per visible status, one row per structure", () => {
    expect(tableauDeBord(gestionnaireS1S2, memoires)).toEqual([
      {
        structureId: S1,
        compteurs: { BROUILLON: 1, ENVOYE: 1, MIS_A_DISPOSITION: 1, REFUSE: 1, DUPLIQUE_POST_REFUS: 0, ABANDONNE: 0, MIS_EN_PAIEMENT: 1 },
        total: 5,
      },
      {
        structureId: S2,
        compteurs: { BROUILLON: 0, ENVOYE: 0, MIS_A_DISPOSITION: 1, REFUSE: 0, DUPLIQUE_POST_REFUS: 0, ABANDONNE: 0, MIS_EN_PAIEMENT: 0 },
        total: 1,
      },
    ]);
  });

  it("has no row for a structure the reader cannot see", () => {
    expect(tableauDeBord(consultantS1, memoires).map((l) => l.structureId)).toEqual([S1]);
    expect(tableauDeBord({ acteur: { _tag: "Systeme" } }, memoires)).toEqual([]);
  });
});

describe("Liste fiscale", () => {
  it("lists only mémoires mis en paiement within the period, with what a tax audit needs, and totals", () => {
    const liste = listeFiscale(consultantS1, memoires, { du: "2020-01-01", au: "2020-12-31" });
    expect(Either.isRight(liste)).toBe(true);
    if (Either.isRight(liste)) {
      expect(
        liste.right.lignes.map((l) => ({
          ...l,
          montantHtApresRemiseGlobale: BigDecimal.format(l.montantHtApresRemiseGlobale),
          montantTva: BigDecimal.format(l.montantTva),
          montantTtc: BigDecimal.format(l.montantTtc),
        })),
      ).toEqual([
        {
          numero: "MJ0000002200",
          datePaiement: "2020-01-15",
          referencePaiement: "PAI-2020-001",
          structureId: S1,
          juridiction: { code: PARIS.code, libelle: PARIS.libelle },
          montantHtApresRemiseGlobale: "1000",
          montantTva: "200",
          montantTtc: "1200",
        },
      ]);
      expect(Object.values(liste.right.totaux).map(BigDecimal.format)).toEqual(["1000", "200", "1200"]);
    }
  });

  it("is empty outside the period and for another structure", () => {
    const vide = (du: string, au: string, structureId?: string) =>
      Either.map(listeFiscale(gestionnaireS1S2, memoires, { du, au, ...(structureId === undefined ? {} : { structureId }) }), (l) => l.lignes.length);
    expect(vide("2019-01-16", "2020-01-14")).toEqual(Either.right(0));
    expect(vide("2020-01-15", "2020-01-15")).toEqual(Either.right(1));
    expect(vide("2020-01-01", "2020-12-31", S2)).toEqual(Either.right(0));
  });

  it("refuses a period longer than one year with PeriodeTropLongue", () => {
    expect(Either.isRight(verifierPeriode("2024-01-01", "2024-12-31"))).toBe(true);
    const tropLongue = verifierPeriode("2024-01-01", "2025-01-01");
    expect(Either.isLeft(tropLongue) && tropLongue.left).toMatchObject({ _tag: "PeriodeTropLongue", auPlusTard: "2024-12-31" });
    expect(Either.isLeft(tropLongue) && tropLongue.left.message).toBe(
      "la période du 2024-01-01 au 2025-01-01 dépasse un an : elle doit finir au plus tard le 2024-12-31",
    );
    // from a 29 February, one year later is the 28 February
    expect(Either.isRight(verifierPeriode("2024-02-29", "2025-02-27"))).toBe(true);
    expect(Either.isLeft(verifierPeriode("2024-02-29", "2025-02-28"))).toBe(true);
    expect(Either.isLeft(listeFiscale(consultantS1, memoires, { du: "2019-01-01", au: "2020-12-31" }))).toBe(true);
  });

  it("refuses an end before the start as SaisieInvalide on « au », and bad raw criteria by field", () => {
    const inversee = verifierPeriode("2020-02-01", "2020-01-31");
    expect(Either.isLeft(inversee) && inversee.left).toMatchObject({ _tag: "SaisieInvalide", erreurs: [{ chemin: "au" }] });
    const brute = decoderCriteresListeFiscale({ du: "2020-13-01", structure: "x" });
    expect(Either.isLeft(brute) && brute.left._tag === "SaisieInvalide" && brute.left.erreurs.map((e) => e.chemin).sort()).toEqual([
      "au",
      "du",
      "structure",
    ]);
    expect(decoderCriteresListeFiscale({ du: "2020-01-01", au: "2020-06-30", structureId: S1 })).toEqual(
      Either.right({ du: "2020-01-01", au: "2020-06-30", structureId: S1 }),
    );
  });
});

describe("Archives", () => {
  it("lists the mémoires whose last change is more than two years old", () => {
    const maintenant = new Date("2019-11-06T10:00:00.000Z");
    expect(numeros(archives(consultantS1, memoires, maintenant))).toEqual([]);
    expect(numeros(archives(consultantS1, memoires, new Date("2019-11-06T10:00:00.001Z")))).toEqual(["MJ0000000045"]);
    expect(numeros(archives(gestionnaireS1S2, memoires, new Date("2022-01-16T00:00:00.000Z")))).toEqual([
      "MJ0000002200",
      "TMP201900000005",
      "MJ0000002118",
      "MJ0000002117",
      "MJ0000002300",
      "MJ0000000045",
    ]);
    expect(seuilArchivage(new Date("2024-02-29T12:00:00.000Z")).toISOString()).toBe("2022-02-28T12:00:00.000Z");
  });
});

describe("the seed's mémoire through its views", () => {
  it("appears in Rechercher with its totals, is counted in the tableau de bord, and in the liste fiscale once paid", () => {
    const envoye = fabriquerMemoire();
    const page = rechercher(consultantS1, [envoye], { numeroMode: "EXACT", numero: "MJ0000002117", tri: "DATE_DEPOT", sens: "DESC", page: 1, taille: 20 });
    expect(page.elements.map((l) => [l.memoire.numero, l.statut, BigDecimal.format(l.memoire.montants.montantTtc)])).toEqual([
      ["MJ0000002117", "ENVOYE", "985.08"],
    ]);
    expect(tableauDeBord(consultantS1, [envoye])[0]?.compteurs.ENVOYE).toBe(1);
    expect(Either.map(listeFiscale(consultantS1, [envoye], { du: "2019-01-01", au: "2019-12-31" }), (l) => l.lignes.length)).toEqual(Either.right(0));

    const paye = fabriquerMemoire({ etat: "MIS_EN_PAIEMENT", etatLe: "2019-10-01T08:00:00.000Z", paiement: { date: "2019-10-01", reference: "PAI-1" } });
    expect(tableauDeBord(consultantS1, [paye])[0]?.compteurs.MIS_EN_PAIEMENT).toBe(1);
    const liste = listeFiscale(consultantS1, [paye], { du: "2019-01-01", au: "2019-12-31" });
    expect(Either.map(liste, (l) => l.lignes.map((x) => [x.numero, x.datePaiement, BigDecimal.format(x.montantHtApresRemiseGlobale), BigDecimal.format(x.montantTva), BigDecimal.format(x.montantTtc)]))).toEqual(
      Either.right([["MJ0000002117", "2019-10-01", "820.9", "164.18", "985.08"]]),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Property: no view ever returns a mémoire the actor cannot read

const STRUCTURES = [S1, S2, "S3"];
const SERVICES = [undefined, "SVC-A", "SVC-B"];
const JURIDICTIONS = [PARIS, AIX, { code: "92", libelle: "TJ NANTERRE", courAppel: "CA-VERSAILLES" }];

const acteurArb: fc.Arbitrary<Acteur> = fc.oneof(
  fc.record({
    _tag: fc.constant("Utilisateur" as const),
    id: fc.constant("u"),
    rattachements: fc.uniqueArray(
      fc.record({
        structureId: fc.constantFrom(...STRUCTURES),
        role: fc.constantFrom<"GESTIONNAIRE_PRINCIPAL" | "GESTIONNAIRE_SECONDAIRE" | "UTILISATEUR">("GESTIONNAIRE_PRINCIPAL", "GESTIONNAIRE_SECONDAIRE", "UTILISATEUR"),
      }),
      { maxLength: 3, selector: (r) => r.structureId },
    ),
    habilitations: fc.array(
      fc
        .record({
          structureId: fc.constantFrom(...STRUCTURES),
          serviceId: fc.constantFrom(...SERVICES),
          application: fc.constantFrom<"FRAIS_DE_JUSTICE" | "ENGAGEMENTS">("FRAIS_DE_JUSTICE", "ENGAGEMENTS"),
          mode: fc.constantFrom<"CONSULTATION" | "MODIFICATION">("CONSULTATION", "MODIFICATION"),
        })
        .map(({ serviceId, ...h }) => (serviceId === undefined ? h : { ...h, serviceId })),
      { maxLength: 4 },
    ),
    actif: fc.boolean(),
  }),
  fc.record({
    _tag: fc.constant("Agent" as const),
    id: fc.constant("a"),
    roles: fc.subarray<"GREFFIER" | "MAGISTRAT_TAXATEUR" | "COMPTABLE" | "SUPPORT">(["GREFFIER", "MAGISTRAT_TAXATEUR", "COMPTABLE", "SUPPORT"]),
    perimetre: fc.record({
      juridictions: fc.subarray(JURIDICTIONS.map((j) => j.code)),
      coursAppel: fc.subarray(JURIDICTIONS.map((j) => j.courAppel)),
    }),
  }),
  fc.constant({ _tag: "Systeme" as const }),
);

const lecteurArb: fc.Arbitrary<Lecteur> = fc.record({
  acteur: acteurArb,
  espacesOuverts: fc.dictionary(
    fc.constantFrom(...STRUCTURES),
    fc.subarray<EspaceOuvrable>(["MEMOIRES_DE_FRAIS_DE_JUSTICE", "FACTURES_EMISES"]),
  ),
});

const memoireArb: fc.Arbitrary<MemoireVue> = fc
  .record({
    index: fc.nat({ max: 999 }),
    etat: fc.constantFrom(...ETATS_MEMOIRE),
    structureId: fc.constantFrom(...STRUCTURES),
    serviceId: fc.constantFrom(...SERVICES),
    juridiction: fc.constantFrom(...JURIDICTIONS),
    jour: fc.integer({ min: 0, max: 3 * 365 }),
  })
  .map(({ index, etat, structureId, serviceId, juridiction, jour }) => {
    const instant = new Date(Date.UTC(2019, 0, 1) + jour * 86_400_000).toISOString();
    return fabriquerMemoire({
      id: `m-${index}`,
      numero: `MJ${String(index).padStart(10, "0")}`,
      etat,
      structureId,
      ...(serviceId === undefined ? {} : { serviceId }),
      juridiction,
      envoyeLe: instant,
      etatLe: instant,
      ...(etat === "MIS_EN_PAIEMENT" ? { paiement: { date: instant.slice(0, 10), reference: `P-${index}` } } : {}),
    });
  });

const lisible = (lecteur: Lecteur, memoire: Memoire): boolean => {
  const action = lecteur.acteur._tag === "Agent" ? "memoire.consulter-juridiction" : "memoire.consulter";
  const e = memoire.enTete;
  const cible = {
    _tag: "Memoire" as const,
    structureId: e.structureId,
    ...(e.serviceId === undefined ? {} : { serviceId: e.serviceId }),
    juridiction: { code: e.juridiction.code, courAppel: e.juridiction.courAppel },
    espacesOuverts: lecteur.espacesOuverts?.[e.structureId] ?? [],
  };
  return Either.isRight(autoriser(lecteur.acteur, action, cible));
};

describe("habilitations filter every view", () => {
  it("no view ever returns a mémoire the actor cannot read, and Rechercher returns every one they can", () => {
    let lecteursAyantVu = 0;
    fc.assert(
      fc.property(lecteurArb, fc.uniqueArray(memoireArb, { maxLength: 25, selector: (m) => m.id }), (lecteur, lot) => {
        const tous = rechercher(lecteur, lot, { numeroMode: "EXACT", tri: "NUMERO", sens: "ASC", page: 1, taille: 100 });
        const vus: ReadonlyArray<Memoire> = [
          ...tous.elements.map((l) => l.memoire),
          ...synthese(lecteur, lot).map((l) => l.memoire),
          ...archives(lecteur, lot, new Date("2023-01-01T00:00:00.000Z")).map((l) => l.memoire),
          ...Either.match(listeFiscale(lecteur, lot, { du: "2019-01-01", au: "2019-12-31" }), {
            onLeft: () => [],
            onRight: (l) => l.lignes.map((x) => lot.find((m) => m.numero === x.numero)).filter((m) => m !== undefined),
          }),
        ];
        for (const m of vus) {
          expect(lisible(lecteur, m)).toBe(true);
          expect(m.etat).not.toBe("SUPPRIME");
        }
        const comptes = tableauDeBord(lecteur, lot).reduce((n, l) => n + l.total, 0);
        const attendus = lot.filter(
          (m) => lisible(lecteur, m) && m.etat !== "SUPPRIME" && !(lecteur.acteur._tag === "Agent" && m.etat === "BROUILLON"),
        );
        expect(tous.total).toBe(attendus.length);
        if (attendus.length > 0) lecteursAyantVu += 1;
        expect(comptes).toBe(attendus.length);
        for (const ligne of tableauDeBord(lecteur, lot)) {
          expect(attendus.some((m) => m.enTete.structureId === ligne.structureId)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
    // the generators must reach readers who do see something, or the property proves nothing
    expect(lecteursAyantVu).toBeGreaterThan(20);
  });
});
