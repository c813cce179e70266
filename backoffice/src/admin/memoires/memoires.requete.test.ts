import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../../base/orm.js";
import { sqlDe } from "../../base/sql.js";
import { EXECUTION_SUSPENDUE } from "../../memoire/memoire.mapper.js";
import { DepotMemoires } from "../../memoire/memoire.repository.js";
import { depotsOrganisation } from "../../organisation/organisation.repository.js";
import { BASES } from "../../test-support/bases.js";
import { memoiresDeTest } from "../../test-support/jeu.js";
import { structureDeTest } from "../../test-support/organisation.fixtures.js";
import {
  SEUIL_NUMERO_SELECTIF,
  SEUIL_TEXTE_FREQUENT,
  clauseWhere,
  conditionNumero,
  numeroComplet,
  conditionTexte,
  motsRecherche,
  requeteFrequenceNumero,
  requeteFrequenceTexte,
  requeteCompte,
  requeteListe,
  requeteStructuresPrestataire,
  type CriteresListe,
} from "./memoires.requete.js";

describe("words of a free-text search", () => {
  it("are folded like the recherche column and split on anything but letters and digits", () => {
    expect(motsRecherche("  Hôpital-NORD  l'Œuvre 42 ")).toEqual(["hopital", "nord", "l", "oeuvre", "42"]);
    expect(motsRecherche(" -- ")).toEqual([]);
  });
});

describe("numéro criterion", () => {
  it("is the range of the numbers starting with the typed beginning, upper-cased, spaces ignored", () => {
    expect(conditionNumero(" mj 0000 1555 ")).toEqual({ sql: "numero >= ? AND numero < ? AND numero LIKE ?", params: ["MJ00001555", "MJ00001556", "MJ00001555%"] });
    expect(conditionNumero("MJ9").params.slice(0, 2)).toEqual(["MJ9", "MJA"]);
    expect(conditionNumero("MJZ").params.slice(0, 2)).toEqual(["MJZ", "MK"]);
    expect(conditionNumero("MZZ").params.slice(0, 2)).toEqual(["MZZ", "N"]);
    expect(conditionNumero("ZZ")).toEqual({ sql: "numero >= ? AND numero LIKE ?", params: ["ZZ", "ZZ%"] });
    expect(conditionNumero("MJ12", { parIndex: false })).toEqual({ sql: "numero LIKE ?", params: ["MJ12%"] });
  });

  it("matches no number when the text holds anything but letters, digits and spaces", () => {
    for (const saisie of ["MJ%", "MJ_1", "'; DROP", "MJ-0001"]) expect(conditionNumero(saisie)).toEqual({ sql: "1 = 0", params: [] });
    // A whole number needs no probe of how many numbers start with it.
    for (const saisie of ["MJ0000155509", " mj 0000 1555 09 ", "TMP201900000004"]) expect(numeroComplet(saisie)).toBe(true);
    for (const saisie of ["MJ000015550", "MJ00001555091", "TMP20190000000", "MJ000015550X", "MJ"]) expect(numeroComplet(saisie)).toBe(false);
  });
});

describe.each(BASES)("list of the mémoires on $dialecte", (base) => {
  describe.skipIf(!base.disponible)("queries", () => {
    let orm: Orm;
    let detruire: () => Promise<void>;
    let visibles: ReadonlyArray<string>;
    let cible: string;
    const ids = async (c: CriteresListe, juridictions = visibles): Promise<ReadonlyArray<string>> => {
      const where = clauseWhere(juridictions, c, base.dialecte);
      return (await sqlDe(orm).lignes<{ id: string }>(`SELECT id FROM memoire WHERE ${where.sql}`, where.params)).map((l) => l.id);
    };

    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      const jeu = memoiresDeTest(77, 60, 1, "MIS_A_DISPOSITION");
      const [premier, ...autres] = jeu;
      if (premier === undefined) throw new Error("jeu vide");
      // One mémoire with accented words in its invoice number (part of the search text).
      const marque = { ...premier, memoire: { ...premier.memoire, enTete: { ...premier.memoire.enTete, numeroFacture: "Hôpital-Nord Élysée 4217" } } };
      cible = marque.memoire.id;
      await new DepotMemoires(orm).enregistrerNouveaux([marque, ...autres]);
      await depotsOrganisation(orm).structures.enregistrerNouveaux([structureDeTest("structure-interpretes")]);
      visibles = (await sqlDe(orm).lignes<{ code: string }>("SELECT DISTINCT juridiction_code AS code FROM memoire")).map((l) => l.code);
    });
    afterAll(async () => detruire());

    it("free text: accent- and case-insensitive word prefixes, every word required", async () => {
      expect(await ids({ texte: "hopital" })).toEqual([cible]);
      expect(await ids({ texte: "HÔPITAL nord" })).toEqual([cible]);
      expect(await ids({ texte: "elysee 421" })).toEqual([cible]);
      expect(await ids({ texte: "hôp" })).toEqual([cible]);
      expect(await ids({ texte: "pital" })).toEqual([]);
      expect(await ids({ texte: "hopital sud" })).toEqual([]);
      // Still within the agent's juridictions.
      const sienne = (await sqlDe(orm).lignes<{ code: string }>("SELECT juridiction_code AS code FROM memoire WHERE id = ?", [cible]))[0]?.code ?? "";
      const ailleurs = visibles.filter((j) => j !== sienne);
      expect(ailleurs.length).toBeGreaterThan(0);
      expect(await ids({ texte: "hopital" }, ailleurs)).toEqual([]);
    });

    it("free text follows the rows: insert, update and delete keep the index in sync", async () => {
      const [nouveau] = memoiresDeTest(78, 1, 500, "MIS_A_DISPOSITION");
      if (nouveau === undefined) throw new Error("jeu vide");
      await new DepotMemoires(orm).enregistrerNouveaux([{ ...nouveau, memoire: { ...nouveau.memoire, enTete: { ...nouveau.memoire.enTete, numeroFacture: "Zéphyrin" } } }]);
      expect(await ids({ texte: "zephyrin" })).toEqual([nouveau.memoire.id]);
      await sqlDe(orm).lignes("UPDATE memoire SET recherche = ? WHERE id = ?", ["quetzalcoatl", nouveau.memoire.id]);
      expect(await ids({ texte: "zephyrin" })).toEqual([]);
      expect(await ids({ texte: "quetzal" })).toEqual([nouveau.memoire.id]);
      await sqlDe(orm).lignes("DELETE FROM evenement_memoire WHERE memoire_id = ?", [nouveau.memoire.id]);
      await sqlDe(orm).lignes("DELETE FROM memoire WHERE id = ?", [nouveau.memoire.id]);
      expect(await ids({ texte: "quetzal" })).toEqual([]);
      if (base.dialecte === "sqlite") await sqlDe(orm).lignes("INSERT INTO memoire_fts(memoire_fts) VALUES ('integrity-check')");
    });

    it("free text: the plans for frequent and for rare words give the same rows", async () => {
      const lire = async (texte: string, texteFrequent: boolean) => {
        const where = clauseWhere(visibles, { texte }, base.dialecte, { texteFrequent });
        return (await sqlDe(orm).lignes<{ id: string }>(`SELECT id FROM memoire WHERE ${where.sql} ORDER BY id`, where.params)).map((l) => l.id);
      };
      for (const texte of ["hopital", "mj", "tribunal judiciaire", "zzz"]) expect(await lire(texte, true)).toEqual(await lire(texte, false));
      expect((await lire("mj", false)).length).toBeGreaterThan(10);
      if (base.dialecte === "sqlite") {
        const q = requeteFrequenceTexte(motsRecherche("mj"));
        const [n] = await sqlDe(orm).lignes<{ n: unknown }>(q.sql, q.params);
        expect(Number(n?.n)).toBe(Math.min(SEUIL_TEXTE_FREQUENT, (await lire("mj", false)).length));
        const ordonne = clauseWhere(visibles, { texte: "mj" }, "sqlite", { texteFrequent: true });
        const plan = await sqlDe(orm).lignes<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT id FROM memoire WHERE ${ordonne.sql}`, ordonne.params);
        expect(plan.map((p) => p.detail).join("\n")).not.toContain("INTEGER PRIMARY KEY (rowid=?)");
        const rare = clauseWhere(visibles, { texte: "hopital" }, "sqlite", { texteFrequent: false });
        const planRare = await sqlDe(orm).lignes<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT id FROM memoire WHERE ${rare.sql} ORDER BY envoye_le DESC, id DESC LIMIT 20`, rare.params);
        expect(planRare.map((p) => p.detail).join("\n")).toContain("INTEGER PRIMARY KEY (rowid=?)");
      }
    });

    it("free text goes through the full-text index", async () => {
      const where = clauseWhere(visibles, { texte: "hopital" }, base.dialecte);
      if (base.dialecte === "sqlite") {
        const plan = await sqlDe(orm).lignes<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT id FROM memoire WHERE ${where.sql}`, where.params);
        expect(plan.map((p) => p.detail).join("\n")).toContain("memoire_fts VIRTUAL TABLE INDEX");
      } else {
        // The condition alone (on 60 rows the planner prefers the juridiction index otherwise).
        const texte = conditionTexte(motsRecherche("hopital"), "postgresql");
        const plan = await sqlDe(orm).transaction(async (tx) => {
          await tx.lignes("SET LOCAL enable_seqscan = off");
          return tx.lignes<{ "QUERY PLAN": string }>(`EXPLAIN SELECT id FROM memoire WHERE ${texte.sql}`, texte.params);
        });
        expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toContain("memoire_recherche_mots_idx");
      }
    });

    it("numéro: the numbers starting with what was typed, by range on the numbers' index or as a filter", async () => {
      const tous = await sqlDe(orm).lignes<{ id: string; numero: string }>(`SELECT id, numero FROM memoire WHERE ${clauseWhere(visibles, {}, base.dialecte).sql}`, clauseWhere(visibles, {}, base.dialecte).params);
      const un = tous[7];
      if (un === undefined) throw new Error("jeu vide");
      const attendus = (prefixe: string) => tous.filter((m) => m.numero.startsWith(prefixe)).map((m) => m.id).sort();
      const lire = async (numero: string, numeroSelectif: boolean, compte = false) => {
        const where = clauseWhere(visibles, { numero }, base.dialecte, { numeroSelectif, compte });
        return (await sqlDe(orm).lignes<{ id: string }>(`SELECT id FROM memoire WHERE ${where.sql}`, where.params)).map((l) => l.id).sort();
      };
      const saisies: ReadonlyArray<[string, string]> = [
        [un.numero, un.numero],
        [un.numero.slice(0, -2), un.numero.slice(0, -2)],
        [` ${un.numero.slice(0, 4).toLowerCase()} ${un.numero.slice(4, 8)} `, un.numero.slice(0, 8)],
        ["MJ", "MJ"],
        ["TMP1999", "TMP1999"],
      ];
      for (const [saisie, prefixe] of saisies) {
        expect(await lire(saisie, true)).toEqual(attendus(prefixe));
        expect(await lire(saisie, false)).toEqual(attendus(prefixe));
        expect(await lire(saisie, false, true)).toEqual(attendus(prefixe));
      }
      expect(await lire(un.numero, true)).toEqual([un.id]);
      expect(await lire("MJ%", true)).toEqual([]);
      if (base.dialecte === "sqlite") {
        // How many numbers start with it (the probe), then the plan: the numbers' index when few do.
        const frequence = async (numero: string) => {
          const q = requeteFrequenceNumero(numero);
          return Number((await sqlDe(orm).lignes<{ n: unknown }>(q.sql, q.params))[0]?.n);
        };
        expect(await frequence(un.numero)).toBe(1);
        expect(await frequence("MJ")).toBe(Math.min(SEUIL_NUMERO_SELECTIF, (await sqlDe(orm).lignes("SELECT id FROM memoire WHERE numero LIKE 'MJ%'")).length));
        const plan = async (r: { readonly sql: string; readonly params: ReadonlyArray<unknown> }) =>
          (await sqlDe(orm).lignes<{ detail: string }>(`EXPLAIN QUERY PLAN ${r.sql}`, r.params as never)).map((p) => p.detail).join("\n");
        const parPlage = /memoire_juridiction_numero_idx \(juridiction_code=\? AND numero>\? AND numero<\?\)/;
        // Few numbers start with it: the page reads the juridiction's matching numbers and sorts them.
        const selectif = clauseWhere(visibles, { numero: un.numero }, "sqlite", { numeroSelectif: true });
        expect(await plan(requeteListe(selectif, { colonne: "envoyeLe", sens: "desc" }, { limite: 20, decalage: 0 }))).toMatch(parPlage);
        // Most numbers do: the prefix is only a filter of the page (no range offered to the planner,
        // which reads a juridiction of 1,000,000 mémoires in dépôt order — see the benchmark).
        const large = clauseWhere(visibles, { numero: "MJ" }, "sqlite", { numeroSelectif: false });
        expect(large.sql).not.toMatch(/numero [<>]/);
        expect(await plan(requeteListe(large, { colonne: "envoyeLe", sens: "desc" }, { limite: 20, decalage: 0 }))).not.toMatch(/numero[<>]/);
        // The count reads the juridiction's matching numbers, whatever their frequency.
        for (const numero of [un.numero, "MJ"]) expect(await plan(requeteCompte(clauseWhere(visibles, { numero }, "sqlite", { compte: true })))).toMatch(parPlage);
      }
    });

    it("« à traiter »: a taxed mémoire waits for the greffier until its notification is recorded, for the ordonnateur once it may be paid (CPP R228-1)", async () => {
      const sql = sqlDe(orm);
      const [aNotifier, enDelai, accordee, certifiee, enRecours, recoursParquet, decidee] = (await sql.lignes<{ id: string }>("SELECT id FROM memoire WHERE id <> ? ORDER BY id LIMIT 7", [cible])).map(
        (l) => l.id,
      );
      if (aNotifier === undefined || enDelai === undefined || accordee === undefined || certifiee === undefined) throw new Error("jeu trop petit");
      if (enRecours === undefined || recoursParquet === undefined || decidee === undefined) throw new Error("jeu trop petit");
      const placer = (id: string, etat: string, modifie: boolean, executableLe: string | null) =>
        sql.lignes("UPDATE memoire SET etat = ?, montant_modifie = ?, taxe_executable_le = ? WHERE id = ?", [etat, modifie, executableLe, id]);
      await placer(aNotifier, "TAXE", true, null);
      await placer(enDelai, "TAXE", true, "2026-12-10");
      await placer(accordee, "TAXE", false, null);
      await placer(certifiee, "CERTIFIE", false, null);
      // An appeal waiting for its decision (the prestataire's, and the ministère public's against an
      // ordonnance that granted the request), and one decided on 5 December.
      await placer(enRecours, "TAXE", true, EXECUTION_SUSPENDUE);
      await placer(recoursParquet, "TAXE", false, EXECUTION_SUSPENDUE);
      await placer(decidee, "TAXE", false, "2026-12-05");
      try {
        const greffier = await ids({ etatsEnAttente: ["MIS_A_DISPOSITION"], taxesEnAttente: { aNotifier: true } });
        expect(greffier).toContain(aNotifier);
        expect(greffier).toContain(cible);
        expect(greffier).not.toContain(enDelai);
        expect(greffier).not.toContain(accordee);
        expect(greffier).not.toContain(enRecours);
        const ordonnateur = (jour: string) => ids({ etatsEnAttente: ["CERTIFIE"], taxesEnAttente: { aNotifier: false, executablesAu: jour } });
        expect([...(await ordonnateur("2026-12-09"))].sort()).toEqual([accordee, certifiee, decidee].sort());
        expect([...(await ordonnateur("2026-12-10"))].sort()).toEqual([enDelai, accordee, certifiee, decidee].sort());
        expect([...(await ordonnateur("2099-12-31"))].sort()).toEqual([enDelai, accordee, certifiee, decidee].sort());
        // Without the taxes' criterion, the states alone (the magistrat's, the comptable's).
        expect(await ids({ etatsEnAttente: ["TAXE"] })).toHaveLength(6);
        // The appeals waiting for the chambre de l'instruction (the list's « Recours en instance » filter).
        expect([...(await ids({ recoursEnInstance: true }))].sort()).toEqual([enRecours, recoursParquet].sort());
      } finally {
        for (const id of [aNotifier, enDelai, accordee, certifiee, enRecours, recoursParquet, decidee]) await placer(id, "MIS_A_DISPOSITION", false, null);
      }
    });

    it("the prestataire filter finds a structure by raison sociale (accent-insensitive) or identifier", async () => {
      const deLaStructure = (await sqlDe(orm).lignes<{ id: string }>("SELECT id FROM memoire WHERE structure_id = ?", ["structure-interpretes"])).map((l) => l.id).sort();
      expect(deLaStructure.length).toBeGreaterThan(0);
      expect([...(await ids({ prestataire: "ELISE cœur" }))].sort()).toEqual(deLaStructure);
      expect([...(await ids({ prestataire: "73282932000074" }))].sort()).toEqual(deLaStructure);
      expect(await ids({ prestataire: "personne" })).toEqual([]);
      // Looked up first (as the list does), the same rows.
      const structures = async (texte: string) => {
        const q = requeteStructuresPrestataire(texte);
        return (await sqlDe(orm).lignes<{ id: string }>(q.sql, q.params)).map((l) => l.id);
      };
      expect(await structures("ELISE cœur")).toEqual(["structure-interpretes"]);
      expect([...(await ids({ structuresPrestataire: await structures("73282932000074") }))].sort()).toEqual(deLaStructure);
      expect(await ids({ structuresPrestataire: [] })).toEqual([]);
    });

    it("a page carries the raison sociale and identifier of each prestataire, in the requested order", async () => {
      const where = clauseWhere(visibles, {}, base.dialecte);
      const page = requeteListe(where, { colonne: "numero", sens: "desc" }, { limite: 10, decalage: 0 });
      const lignes = await sqlDe(orm).lignes<{ numero: string; structureId: string; raisonSociale: string | null; identifiantPrestataire: string | null }>(page.sql, page.params);
      expect(lignes).toHaveLength(10);
      expect(lignes.map((l) => l.numero)).toEqual([...lignes.map((l) => l.numero)].sort().reverse());
      for (const l of lignes) {
        if (l.structureId === "structure-interpretes") expect([l.raisonSociale, l.identifiantPrestataire]).toEqual(["Cabinet d'interprétariat Élise Cœur", "73282932000074"]);
        else expect(l.raisonSociale).toBeNull();
      }
    });

    it("the count stops at the cap", async () => {
      const where = clauseWhere(visibles, {}, base.dialecte);
      const [tout] = await sqlDe(orm).lignes<{ n: unknown }>(`SELECT COUNT(*) AS n FROM memoire WHERE ${where.sql}`, where.params);
      const plafonne = async (plafond: number) => {
        const r = requeteCompte(where, plafond);
        return Number((await sqlDe(orm).lignes<{ n: unknown }>(r.sql, r.params))[0]?.n);
      };
      expect(await plafonne(10_000)).toBe(Number(tout?.n));
      expect(await plafonne(5)).toBe(6);
    });
  });
});
