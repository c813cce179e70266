import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Either } from "effect";
import { describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { BASES } from "../test-support/bases.js";
import { DepotLots } from "./flux.depot.js";
import { ecrireLotGenere } from "./flux.generateur.js";
import { importerFlux, prefixeCle } from "./flux.import.js";
import { EMETTEUR_EXEMPLE, preparerEmetteur } from "./flux.test-support.js";

const CLI = fileURLToPath(new URL("./flux.cli.ts", import.meta.url));
const N = 1500;

const un = async (orm: Orm, requete: string, params: ReadonlyArray<string> = []): Promise<number> => Number(Object.values((await sqlDe(orm).lignes(requete, params))[0] ?? {})[0]);

describe.each(BASES)("arrêt brutal d'un import sur $dialecte", (base) => {
  it.skipIf(!base.disponible)("kill -9 in the middle of a large lot, then a re-run: exactly the expected mémoires, none half-written, no duplicate", async () => {
    const b = await base.creer();
    const dossier = mkdtempSync(join(tmpdir(), "fj-flux-kill-"));
    try {
      await preparerEmetteur(b.orm);
      const fichier = join(dossier, "lot.xml");
      await ecrireLotGenere(fichier, { id: "LOT-KILL", n: N, identifiant: EMETTEUR_EXEMPLE.siret, utilisateur: EMETTEUR_EXEMPLE.email, juridiction: "750", jour: new Date(), graine: 5, invalideTous: 50 });
      const env = { ...process.env, FJ_PIECES_DIR: join(dossier, "pieces"), ...(b.config.dialecte === "sqlite" ? { FJ_SQLITE_FILE: b.config.fichier, DATABASE_URL: "" } : { DATABASE_URL: b.config.url }) };
      const enfant = spawn(process.execPath, ["--conditions=source", "--import", "tsx", CLI, fichier], { env, stdio: ["ignore", "ignore", "pipe"] });
      let erreurs = "";
      enfant.stderr.on("data", (d: Buffer) => (erreurs += d.toString()));
      const fin = new Promise<NodeJS.Signals | null>((ok) => enfant.on("exit", (_code, signal) => ok(signal)));
      // Kill it once some batches are committed, in the middle of the lot.
      for (let i = 0; ; i += 1) {
        const n = await un(b.orm, "SELECT count(*) FROM memoire WHERE numero_lot = 'LOT-KILL'");
        if (n >= 400) break;
        if (enfant.exitCode !== null) throw new Error(`l'import s'est arrêté seul : ${erreurs}`);
        if (i > 1200) throw new Error(`import trop lent : ${n} mémoires après 120 s`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
      enfant.kill("SIGKILL");
      expect(await fin).toBe("SIGKILL");
      const lots = new DepotLots(b.orm);
      expect(Either.getOrThrow(await lots.charger("LOT-KILL")).statut).toBe("IN_EN_COURS_TRAITEMENT");
      const ecrits = await un(b.orm, "SELECT count(*) FROM memoire WHERE numero_lot = 'LOT-KILL'");
      expect(ecrits).toBeLessThan(N);

      // Nothing half-written: every mémoire has its lines, its audit trail without gap, and decodes.
      const depot = new DepotMemoires(b.orm);
      for (const { id } of await sqlDe(b.orm).lignes<{ id: string }>("SELECT id FROM memoire WHERE numero_lot = 'LOT-KILL'")) {
        const m = Either.getOrThrow(await depot.charger(id));
        expect(m.lignes.length).toBeGreaterThan(0);
        expect(Either.getOrThrow(await depot.historique(id)).map((e) => e.commande)).toEqual(["memoire.creer", "memoire.valider-et-envoyer"]);
      }

      // The re-run resumes the lot.
      const issue = Either.getOrThrow(await importerFlux({ orm: b.orm, stockage: new StockagePieces(join(dossier, "pieces")), fichier, canal: "CLI" }));
      const invalides = N / 50;
      expect(issue).toMatchObject({ type: "traite", lot: { statut: "IN_INTEGRE_PARTIEL", nombreMemoires: N, nombreIntegres: N - invalides, nombreRejetes: invalides } });
      expect(await un(b.orm, "SELECT count(*) FROM memoire WHERE numero_lot = 'LOT-KILL'")).toBe(N - invalides);
      expect(await un(b.orm, "SELECT count(DISTINCT numero) FROM memoire WHERE numero_lot = 'LOT-KILL'")).toBe(N - invalides);
      // Exactly the expected ones: item i integrated iff valid, its mémoire under its key.
      const elements = await lots.elements("LOT-KILL");
      expect(elements.length).toBe(N);
      for (const e of elements) {
        expect(e.resultat).toBe(e.indice % 50 === 49 ? "REJETE" : "INTEGRE");
        if (e.resultat === "INTEGRE") expect(e.memoireId.startsWith(prefixeCle("LOT-KILL", e.indice))).toBe(true);
      }
      expect((await lots.transitions("LOT-KILL")).map((t) => t.vers)).toEqual(["IN_RECU", "IN_EN_COURS_TRAITEMENT", "IN_EN_COURS_TRAITEMENT", "IN_INTEGRE_PARTIEL"]);
    } finally {
      await b.detruire();
      rmSync(dossier, { recursive: true, force: true });
    }
  }, 240_000);
});
