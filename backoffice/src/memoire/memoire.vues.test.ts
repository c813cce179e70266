import type { ActeurUtilisateur } from "@frais-justice/core/autorisation";
import { decoderCriteresRecherche, rechercher, type Memoire } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe, type Sql } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import { memoiresDeTest, PARAMETRES_TEST } from "../test-support/jeu.js";
import { DepotMemoires } from "./memoire.repository.js";
import { DepotVues } from "./memoire.vues.repository.js";
import {
  debutJourParis,
  sqlAttenteJuridiction,
  sqlListeFiscale,
  sqlParNumero,
  sqlRecherche,
  sqlSynthese,
  sqlTableauDeBord,
  sqlTableauDeBordPage,
  sqlTotauxNationaux,
  type RequeteSql,
} from "./memoire.vues.sql.js";

const STRUCTURES = PARAMETRES_TEST.structures.map((s) => s.id);
const lecteur: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "lecteur",
  rattachements: STRUCTURES.map((structureId) => ({ structureId, role: "GESTIONNAIRE_PRINCIPAL" as const })),
  habilitations: STRUCTURES.map((structureId) => ({ structureId, application: "FRAIS_DE_JUSTICE" as const, mode: "CONSULTATION" as const })),
};
const espacesOuverts = Object.fromEntries(STRUCTURES.map((s) => [s, ["MEMOIRES_DE_FRAIS_DE_JUSTICE" as const]]));

const critere = (brut: Record<string, unknown>) => Either.getOrThrow(decoderCriteresRecherche(brut));

/** The query plan as text lines. */
const plan = async (sql: Sql, r: RequeteSql): Promise<string> => {
  if (sql.dialecte === "sqlite") return (await sql.lignes<{ detail: string }>(`EXPLAIN QUERY PLAN ${r.texte}`, r.params)).map((l) => l.detail).join("\n");
  // With a few hundred rows PostgreSQL rightly prefers scans; without them it must find the index.
  return sql.transaction(async (tx) => {
    await tx.lignes("SET LOCAL enable_seqscan = off");
    return (await tx.lignes<{ "QUERY PLAN": string }>(`EXPLAIN ${r.texte}`, r.params)).map((l) => l["QUERY PLAN"]).join("\n");
  });
};

describe("Paris calendar days", () => {
  it("start at local midnight, across daylight-saving changes", () => {
    expect(debutJourParis("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(debutJourParis("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(debutJourParis("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(debutJourParis("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(debutJourParis("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });
});

describe.each(BASES)("vues sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("requêtes", () => {
    let orm: Orm;
    let vues: DepotVues;
    let detruire: () => Promise<void>;
    let memoires: ReadonlyArray<Memoire>;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      const jeu = memoiresDeTest(4242, 600, 1);
      await new DepotMemoires(orm).enregistrerNouveaux(jeu);
      memoires = jeu.map((r) => r.memoire);
      await sqlDe(orm).lignes("ANALYZE");
      vues = new DepotVues(orm);
    });
    afterAll(async () => detruire());

    it.each([
      {},
      { structureId: "structure-expert", statut: "MIS_EN_PAIEMENT", dateDepotDu: "2020-01-01", dateDepotAu: "2023-06-30" },
      { structureId: "structure-interpretes", tri: "MONTANT_TTC", sens: "ASC", page: 2, taille: 15 },
      { juridiction: "750", tri: "ETAT" },
      { statut: "BROUILLON", tri: "NUMERO", sens: "ASC" },
      { numero: "mj00000001", numeroMode: "PREFIXE", taille: 100 },
      { statut: "MIS_A_DISPOSITION", serviceId: "service-paris" },
      { texteReference: "Article R 93 CPP", dateDepotDu: "2024-02-29", tri: "DATE_DEPOT", sens: "ASC" },
    ])("answers Rechercher like core's reference implementation: %o", async (brut) => {
      const c = critere(brut);
      const attendu = rechercher({ acteur: lecteur, espacesOuverts }, memoires, c);
      const obtenu = await vues.rechercher(c, { structureIds: STRUCTURES });
      expect(obtenu.total).toBe(attendu.total);
      expect(obtenu.elements.map((l) => l.numero)).toEqual(attendu.elements.map((l) => l.memoire.numero));
    });

    it("finds a flux deposit's mémoires by their numéro de lot, like core's reference implementation", async () => {
      const lot = memoires.find((m) => m.numeroLot !== undefined && m.etat !== "SUPPRIME" && m.etat !== "BROUILLON")?.numeroLot;
      expect(lot).toBeDefined();
      const c = critere({ numeroLot: lot });
      const attendu = rechercher({ acteur: lecteur, espacesOuverts }, memoires, c);
      const obtenu = await vues.rechercher(c, { structureIds: STRUCTURES });
      expect(attendu.total).toBeGreaterThan(0);
      expect(obtenu.total).toBe(attendu.total);
      expect(obtenu.elements.map((l) => [l.numero, l.numeroLot])).toEqual(attendu.elements.map((l) => [l.memoire.numero, lot]));
      expect((await vues.rechercher(critere({ numeroLot: "LOT-INCONNU" }))).total).toBe(0);
    });

    it("counts the total up to a cap, and says when it stopped", async () => {
      const c = critere({ taille: 20 });
      const exact = await vues.rechercher(c, { structureIds: STRUCTURES });
      const attendu = rechercher({ acteur: lecteur, espacesOuverts }, memoires, c).total;
      expect([exact.total, exact.totalExact]).toEqual([attendu, true]);
      const plafonne = await vues.rechercher(c, { structureIds: STRUCTURES }, 50);
      expect([plafonne.total, plafonne.totalExact, plafonne.nombrePages, plafonne.elements.length]).toEqual([50, false, 3, 20]);
      expect((await vues.rechercher(c, { structureIds: STRUCTURES }, attendu)).totalExact).toBe(true);
      expect((await vues.rechercher(c, { structureIds: STRUCTURES }, attendu - 1)).totalExact).toBe(false);
    });

    it("reads national totals from one row per état, equal to a recount of the mémoires", async () => {
      const totaux = await vues.totauxNationaux();
      const recompte = new Map<string, number>();
      for (const m of memoires) recompte.set(m.etat, (recompte.get(m.etat) ?? 0) + 1);
      expect(totaux.map((t) => [t.etat, t.nombre])).toEqual([...recompte].sort(([a], [b]) => (a < b ? -1 : 1)));
    });

    it("pages the tableau de bord of all structures in structure order, each page bounded", async () => {
      const pages: Array<ReadonlyArray<string>> = [];
      const vus: Array<{ structureId: string; parEtat: object }> = [];
      let apres: string | undefined;
      do {
        const p = await vues.tableauDeBordPage({ taille: 2, ...(apres === undefined ? {} : { apres }) });
        pages.push(p.elements.map((e) => e.structureId));
        vus.push(...p.elements);
        apres = p.suivant;
      } while (apres !== undefined);
      expect(pages).toEqual([[...STRUCTURES].sort().slice(0, 2), [...STRUCTURES].sort().slice(2)]);
      expect(vus).toEqual(await vues.tableauDeBord([...STRUCTURES].sort()));
      expect((await vues.tableauDeBordPage()).elements.length).toBe(3);
      expect((await vues.tableauDeBordPage({ apres: "zzz" })).elements).toEqual([]);
    });

    it("reads the lookup, the synthèse, the counters, the liste fiscale and a backlog consistently", async () => {
      const un = memoires.find((m) => m.etat === "MIS_EN_PAIEMENT");
      expect((await vues.parNumero(un?.numero.toLowerCase() ?? ""))?.id).toBe(un?.id);
      const synthese = await vues.synthese("structure-labo");
      expect(synthese.map((l) => l.id).sort()).toEqual(memoires.filter((m) => m.enTete.structureId === "structure-labo" && ["BROUILLON", "REFUSE"].includes(m.etat)).map((m) => m.id).sort());
      const tableau = await vues.tableauDeBord(["structure-expert"]);
      expect(tableau[0]?.parEtat.MIS_EN_PAIEMENT).toBe(memoires.filter((m) => m.enTete.structureId === "structure-expert" && m.etat === "MIS_EN_PAIEMENT").length);
      const totaux = await vues.totauxNationaux();
      expect(totaux.reduce((s, t) => s + t.nombre, 0)).toBe(memoires.length);
      const fiscale = await vues.listeFiscale({ structureId: "structure-interpretes", du: "2022-01-01", au: "2022-12-31" });
      expect(fiscale.length).toBe(memoires.filter((m) => m.enTete.structureId === "structure-interpretes" && m.etat === "MIS_EN_PAIEMENT" && (m.paiement?.date ?? "").startsWith("2022")).length);
      expect(fiscale.length).toBeGreaterThan(0);
      const attente = await vues.attenteJuridiction("750");
      expect(attente).toBe(memoires.filter((m) => m.enTete.juridiction.code === "750" && ["ENVOYE", "MIS_A_DISPOSITION", "A_TAXER", "CERTIFIE", "TAXE", "VALIDE"].includes(m.etat)).length);
    });

    it("uses the indexes chosen for each main query (EXPLAIN)", async () => {
      const sql = sqlDe(orm);
      const attendus: ReadonlyArray<[string, RequeteSql, string | RegExp]> = [
        ["numéro", sqlParNumero("MJ0000000042"), "memoire_numero_unique"],
        ["recherche structure + état + dates", sqlRecherche(critere({ structureId: "structure-expert", statut: "MIS_EN_PAIEMENT", dateDepotDu: "2021-01-01", dateDepotAu: "2021-12-31" })).page, "memoire_structure_etat_envoye_idx"],
        ["recherche par numéro de lot", sqlRecherche(critere({ numeroLot: "LOT-20210601-structure-expert" })).page, "memoire_numero_lot_idx"],
        // Either juridiction index serves it (by état then date, or in date order with état in the index).
        ["recherche d'une juridiction", sqlRecherche(critere({ juridiction: "750", statut: "MIS_A_DISPOSITION" })).page, /memoire_juridiction_(etat_)?envoye_idx/],
        ["synthèse", sqlSynthese("structure-labo"), "memoire_structure_etat_envoye_idx"],
        ["liste fiscale", sqlListeFiscale({ structureId: "structure-expert", du: "2022-01-01", au: "2022-12-31" }), "memoire_structure_paiement_idx"],
        ["attente d'une juridiction", sqlAttenteJuridiction("750"), "memoire_juridiction_etat_envoye_idx"],
        ["tableau de bord", sqlTableauDeBord(["structure-expert"]), base.dialecte === "sqlite" ? "sqlite_autoindex_tableau_de_bord_1" : "tableau_de_bord_pkey"],
        ["tableau de bord de toutes les structures, une page", sqlTableauDeBordPage("structure-expert", 20), base.dialecte === "sqlite" ? "sqlite_autoindex_tableau_de_bord_1" : "tableau_de_bord_pkey"],
        ["totaux nationaux", sqlTotauxNationaux(), base.dialecte === "sqlite" ? "sqlite_autoindex_tableau_de_bord_national_1" : "tableau_de_bord_national_pkey"],
      ];
      for (const [nom, requete, index] of attendus) expect(await plan(sql, requete), nom).toMatch(index);
    });
  });
});
