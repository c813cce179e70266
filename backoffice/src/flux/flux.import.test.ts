import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Either } from "effect";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { BASES } from "../test-support/bases.js";
import { compteRendu } from "./flux.compte-rendu.js";
import { DepotLots } from "./flux.depot.js";
import { ecrireLotGenere } from "./flux.generateur.js";
import { importerFlux, type OptionsImport } from "./flux.import.js";
import { EMETTEUR_EXEMPLE, preparerEmetteur } from "./flux.test-support.js";

const EXEMPLE = fileURLToPath(new URL("../../../examples/flux/lot-exemple.xml", import.meta.url));
const LE = new Date("2026-11-02T10:00:00Z");

const compter = async (orm: Orm, requete: string, params: ReadonlyArray<string> = []): Promise<number> =>
  Number(Object.values((await sqlDe(orm).lignes(requete, params))[0] ?? {})[0]);

describe.each(BASES)("dépôt flux sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("import d'un lot", () => {
    let b: Awaited<ReturnType<typeof base.creer>>;
    let dossier: string;
    let options: (fichier: string, o?: Partial<OptionsImport>) => OptionsImport;
    beforeAll(async () => {
      b = await base.creer();
      await preparerEmetteur(b.orm);
      dossier = mkdtempSync(join(tmpdir(), "fj-flux-"));
      const stockage = new StockagePieces(join(dossier, "pieces"));
      options = (fichier, o = {}) => ({ orm: b.orm, stockage, fichier, canal: "CLI", maintenant: () => LE, ...o });
    });
    afterAll(async () => {
      await b.detruire();
      rmSync(dossier, { recursive: true, force: true });
    });

    it("integrates the valid mémoire exactly as a typed one (created, attachment, sent) and rejects the invalid one with every error and its path", async () => {
      const issue = Either.getOrThrow(await importerFlux(options(EXEMPLE)));
      expect(issue).toMatchObject({ type: "traite", dejaTraite: false, lot: { id: "EXEMPLE-2026-0001", statut: "IN_INTEGRE_PARTIEL", nombreIntegres: 1, nombreRejetes: 1 } });
      const cr = Either.getOrThrow(await compteRendu(new DepotLots(b.orm), "EXEMPLE-2026-0001"));
      expect(cr.elements).toEqual([
        { indice: 0, ligne: 7, resultat: "INTEGRE", numero: "MJ0000000001", memoireId: "flux.EXEMPLE-2026-0001.0.2" },
        {
          indice: 1,
          ligne: 31,
          resultat: "REJETE",
          erreurs: [
            { chemin: "enTete.juridiction", raison: "juridiction 999 inconnue" },
            { chemin: "lignes[0].dateRequisition", raison: "« 2026-02-30 » n'est pas une date AAAA-MM-JJ valide" },
            { chemin: "lignes[0].tauxTva", raison: expect.stringContaining("taux de TVA 7 non autorisé") as string },
          ],
        },
      ]);
      const memoire = Either.getOrThrow(await new DepotMemoires(b.orm).charger("flux.EXEMPLE-2026-0001.0.2"));
      expect(memoire).toMatchObject({ etat: "ENVOYE", numero: "MJ0000000001", numeroLot: "EXEMPLE-2026-0001", enTete: { modeDepot: "FLUX", structureId: EMETTEUR_EXEMPLE.structureId } });
      expect(memoire.empreinteDepot).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(memoire.piecesJointes.map((p) => [p.type, p.typeContenu, p.ligneId === memoire.lignes[0]?.id])).toEqual([
        ["REQUISITION", "application/pdf", true],
        ["COORDONNEE_BANCAIRE", "application/pdf", false],
      ]);
      const historique = Either.getOrThrow(await new DepotMemoires(b.orm).historique(memoire.id));
      expect(historique.map((e) => [e.commande, e.auteur])).toEqual([
        ["memoire.creer", { type: "UTILISATEUR", id: "utilisateur-flux" }],
        ["memoire.joindre-piece", { type: "UTILISATEUR", id: "utilisateur-flux" }],
        ["memoire.valider-et-envoyer", { type: "UTILISATEUR", id: "utilisateur-flux" }],
      ]);
      expect(await compter(b.orm, "SELECT count(*) FROM memoire")).toBe(1); // nothing of the rejected one
      expect((await new DepotLots(b.orm).transitions("EXEMPLE-2026-0001")).map((t) => [t.evenement, t.de, t.vers])).toEqual([
        ["lot.recevoir", "", "IN_RECU"],
        ["lot.traiter", "IN_RECU", "IN_EN_COURS_TRAITEMENT"],
        ["lot.terminer", "IN_EN_COURS_TRAITEMENT", "IN_INTEGRE_PARTIEL"],
      ]);
    });

    it("a re-run of the same lot creates nothing and returns it as already processed; another file with the same lot id is refused", async () => {
      const issue = Either.getOrThrow(await importerFlux(options(EXEMPLE)));
      expect(issue).toMatchObject({ type: "traite", dejaTraite: true, lot: { statut: "IN_INTEGRE_PARTIEL" } });
      expect(await compter(b.orm, "SELECT count(*) FROM memoire")).toBe(1);
      const autre = join(dossier, "autre.xml");
      writeFileSync(autre, readFileSync(EXEMPLE, "utf8").replace("F-2026-117", "F-2026-118"));
      const refus = await importerFlux(options(autre));
      expect(Either.isLeft(refus) && refus.left._tag).toBe("LotDejaRecu");
    });

    it("a lot stopped by an incident is resumed without duplicates: IN_INCIDENTE, then IN_INTEGRE with exactly its mémoires", async () => {
      const fichier = join(dossier, "incident.xml");
      await ecrireLotGenere(fichier, { id: "LOT-INCIDENT", n: 30, identifiant: EMETTEUR_EXEMPLE.siret, utilisateur: EMETTEUR_EXEMPLE.email, juridiction: "750", jour: LE, graine: 3 });
      // The clock fails at the third batch of five: a technical incident in the middle of the lot.
      let appels = 0;
      const horlogeCassee = () => {
        appels += 1;
        if (appels === 6) throw new Error("horloge indisponible");
        return LE;
      };
      await expect(importerFlux(options(fichier, { maintenant: horlogeCassee, parLot: 5 }))).rejects.toThrow("horloge indisponible");
      const lots = new DepotLots(b.orm);
      expect(Either.getOrThrow(await lots.charger("LOT-INCIDENT")).statut).toBe("IN_INCIDENTE");
      const avant = await compter(b.orm, "SELECT count(*) FROM memoire WHERE numero_lot = ?", ["LOT-INCIDENT"]);
      expect(avant).toBeGreaterThan(0);
      expect(avant).toBeLessThan(30);
      const issue = Either.getOrThrow(await importerFlux(options(fichier)));
      expect(issue).toMatchObject({ type: "traite", lot: { statut: "IN_INTEGRE", nombreIntegres: 30, nombreRejetes: 0 } });
      expect(await compter(b.orm, "SELECT count(*) FROM memoire WHERE numero_lot = ?", ["LOT-INCIDENT"])).toBe(30);
      expect(await compter(b.orm, "SELECT count(DISTINCT numero) FROM memoire WHERE numero_lot = ?", ["LOT-INCIDENT"])).toBe(30);
      expect((await lots.transitions("LOT-INCIDENT")).map((t) => t.vers)).toEqual(["IN_RECU", "IN_EN_COURS_TRAITEMENT", "IN_INCIDENTE", "IN_EN_COURS_TRAITEMENT", "IN_INTEGRE"]);
    });

    it("a mémoire without <envoi> is deposited as a draft with its TMP number; a send refused by a rule is rejected on `envoi`", async () => {
      const fichier = join(dossier, "brouillon.xml");
      const source = readFileSync(EXEMPLE, "utf8").replace('id="EXEMPLE-2026-0001"', 'id="LOT-BROUILLON"');
      const premier = source.indexOf('<envoi attestationSurLHonneur="true"/>');
      // Mémoire 0 without <envoi>; mémoire 1 made valid but sent without the attestation.
      const xml = `${source.slice(0, premier)}${source.slice(premier + '<envoi attestationSurLHonneur="true"/>'.length)}`
        .replace("<juridiction>999</juridiction>", "<juridiction>750</juridiction>")
        .replace("2026-02-30", "2026-10-01")
        .replace("<tauxTva>7</tauxTva>", "<tauxTva>20</tauxTva>")
        .replace('<envoi attestationSurLHonneur="true"/>', '<envoi attestationSurLHonneur="false"/>');
      writeFileSync(fichier, xml);
      Either.getOrThrow(await importerFlux(options(fichier)));
      const [brouillon, refuse] = await new DepotLots(b.orm).elements("LOT-BROUILLON");
      expect(brouillon).toMatchObject({ resultat: "INTEGRE", numero: expect.stringMatching(/^TMP2026\d{8}$/) as string });
      if (brouillon?.resultat === "INTEGRE") expect(Either.getOrThrow(await new DepotMemoires(b.orm).charger(brouillon.memoireId))).toMatchObject({ etat: "BROUILLON", numeroLot: "LOT-BROUILLON" });
      expect(refuse).toMatchObject({ resultat: "REJETE", erreurs: [{ chemin: "envoi", raison: expect.stringContaining("attestationSurLHonneurAbsente") as string }] });
    });

    it("rejects a lot whose émetteur is unknown, and a lot deposited in another user's name through the API", async () => {
      const inconnu = join(dossier, "inconnu.xml");
      writeFileSync(inconnu, readFileSync(EXEMPLE, "utf8").replace('id="EXEMPLE-2026-0001"', 'id="LOT-INCONNU"').replace("73282932000074", "35600000049837"));
      expect(Either.getOrThrow(await importerFlux(options(inconnu)))).toMatchObject({ lot: { statut: "IN_REJETE", erreur: { raison: expect.stringContaining("aucune structure") as string } } });
      const autreUtilisateur = join(dossier, "autre-utilisateur.xml");
      writeFileSync(autreUtilisateur, readFileSync(EXEMPLE, "utf8").replace('id="EXEMPLE-2026-0001"', 'id="LOT-API"'));
      const issue = Either.getOrThrow(await importerFlux(options(autreUtilisateur, { canal: "API", utilisateurAttendu: "quelqu.un@example.fr" })));
      expect(issue).toMatchObject({ lot: { statut: "IN_REJETE", canal: "API" } });
      expect(await compter(b.orm, "SELECT count(*) FROM memoire WHERE numero_lot IN ('LOT-INCONNU', 'LOT-API')")).toBe(0);
    });
  });
});

describe("fuzzing de l'import (SQLite)", () => {
  it("malformed, truncated, re-encoded, deeply nested, oversized or entity-laden files: no crash, a clear error, nothing persisted for a rejected item", async () => {
    const sqlite = BASES[0];
    if (sqlite === undefined) throw new Error("SQLite absent des bases de test");
    const b = await sqlite.creer();
    const dossier = mkdtempSync(join(tmpdir(), "fj-flux-fuzz-"));
    try {
      await preparerEmetteur(b.orm);
      const stockage = new StockagePieces(join(dossier, "pieces"));
      const source = readFileSync(EXEMPLE);
      const mutation = fc.oneof(
        fc.record({ type: fc.constant("tronquer" as const), position: fc.nat() }),
        fc.record({ type: fc.constant("octets" as const), position: fc.nat(), octets: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
        fc.record({ type: fc.constant("inserer" as const), position: fc.nat(), texte: fc.constantFrom("<x>", "</memoire>", "&amp;", "&bidule;", "<![CDATA[<a>]]>", "<!DOCTYPE lot [<!ENTITY a 'aaaa'>]>", "<!-- -->", "<memoire>", "\u0000", "é", "😀", "<?pi x?>") }),
        fc.record({ type: fc.constant("imbriquer" as const), position: fc.nat(), profondeur: fc.integer({ min: 1, max: 2000 }) }),
        fc.record({ type: fc.constant("gonfler" as const), position: fc.nat(), taille: fc.integer({ min: 1, max: 300_000 }) }),
        fc.record({ type: fc.constant("utf16" as const) }),
        fc.record({ type: fc.constant("latin1" as const) }),
      );
      let k = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          k += 1;
          let octets: Buffer = Buffer.from(source.toString("utf8").replace('id="EXEMPLE-2026-0001"', `id="FUZZ-${k}"`), "utf8");
          for (const m of mutations) {
            const p = "position" in m ? m.position % (octets.length + 1) : 0;
            if (m.type === "tronquer") octets = octets.subarray(0, p);
            else if (m.type === "octets") octets = Buffer.concat([octets.subarray(0, p), Buffer.from(m.octets), octets.subarray(p + m.octets.length)]);
            else if (m.type === "inserer") octets = Buffer.concat([octets.subarray(0, p), Buffer.from(m.texte, "utf8"), octets.subarray(p)]);
            else if (m.type === "imbriquer") octets = Buffer.concat([octets.subarray(0, p), Buffer.from(`${"<a>".repeat(m.profondeur)}${"</a>".repeat(m.profondeur)}`), octets.subarray(p)]);
            else if (m.type === "gonfler") octets = Buffer.concat([octets.subarray(0, p), Buffer.from("x".repeat(m.taille)), octets.subarray(p)]);
            else if (m.type === "utf16") octets = Buffer.from(octets.toString("utf8"), "utf16le");
            else octets = Buffer.from(octets.toString("utf8"), "latin1");
          }
          const fichier = join(dossier, `fuzz-${k}.xml`);
          writeFileSync(fichier, octets);
          const memoiresAvant = await compter(b.orm, "SELECT count(*) FROM memoire");
          const integresAvant = await compter(b.orm, "SELECT count(*) FROM flux_element WHERE resultat = 'INTEGRE'");
          const issue = await importerFlux({ orm: b.orm, stockage, fichier, canal: "CLI", maintenant: () => LE });
          if (Either.isLeft(issue)) expect(issue.left._tag).toBe("LotDejaRecu");
          else if (issue.right.type === "illisible") expect(issue.right.erreur.raison.length).toBeGreaterThan(0);
          else {
            const lot = issue.right.lot;
            expect(["IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_REJETE"]).toContain(lot.statut);
            const cr = Either.getOrThrow(await compteRendu(new DepotLots(b.orm), lot.id));
            for (const e of cr.elements) if (e.resultat === "REJETE") expect(e.erreurs.length === 0 || e.erreurs.some((x) => x.raison === "")).toBe(false);
            if (lot.statut !== "IN_INTEGRE") expect(cr.erreurLot !== undefined || cr.elements.some((e) => e.resultat === "REJETE")).toBe(true);
          }
          // Exactly one mémoire per integrated item, none for a rejected one.
          expect((await compter(b.orm, "SELECT count(*) FROM memoire")) - memoiresAvant).toBe((await compter(b.orm, "SELECT count(*) FROM flux_element WHERE resultat = 'INTEGRE'")) - integresAvant);
        }),
        { numRuns: 60, seed: 4242 },
      );
      // Every mémoire written decodes through core's Schema (nothing half-written).
      const depot = new DepotMemoires(b.orm);
      for (const { id } of await sqlDe(b.orm).lignes<{ id: string }>("SELECT id FROM memoire")) expect(Either.isRight(await depot.charger(id))).toBe(true);
    } finally {
      await b.detruire();
      rmSync(dossier, { recursive: true, force: true });
    }
  }, 120_000);
});
