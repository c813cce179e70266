import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import type { CompteRendu } from "./flux.compte-rendu.js";
import { ecrireLotGenere } from "./flux.generateur.js";
import { EMETTEUR_EXEMPLE, preparerEmetteur } from "./flux.test-support.js";

/** The real command, as installed: core's bin (built by `npm run build`), which hands `import-flux` to the back-office. */
const BIN = fileURLToPath(new URL("../../../core/bin/frais-justice.js", import.meta.url));
const executer = promisify(execFile);

describe("npx frais-justice import-flux", () => {
  const sqlite = BASES[0];
  if (sqlite === undefined) throw new Error("SQLite absent des bases de test");
  let b: Awaited<ReturnType<typeof sqlite.creer>>;
  let dossier: string;
  let env: NodeJS.ProcessEnv;
  const lancer = async (args: ReadonlyArray<string>) => {
    try {
      const r = await executer(process.execPath, [BIN, "import-flux", ...args], { env });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };
  beforeAll(async () => {
    b = await sqlite.creer();
    await preparerEmetteur(b.orm);
    dossier = mkdtempSync(join(tmpdir(), "fj-flux-cli-"));
    if (b.config.dialecte !== "sqlite") throw new Error("SQLite attendu");
    env = { ...process.env, DATABASE_URL: "", FJ_SQLITE_FILE: b.config.fichier, FJ_PIECES_DIR: join(dossier, "pieces") };
  });
  afterAll(async () => {
    await b.detruire();
    rmSync(dossier, { recursive: true, force: true });
  });

  it("imports a lot, prints the summary, writes the compte rendu, lists the errors; exit 1 for a partial lot; a re-run creates nothing", async () => {
    const fichier = join(dossier, "lot.xml");
    await ecrireLotGenere(fichier, { id: "LOT-CLI", n: 30, identifiant: EMETTEUR_EXEMPLE.siret, utilisateur: EMETTEUR_EXEMPLE.email, juridiction: "750", jour: new Date(), graine: 9, invalideTous: 10 });
    const sortie = join(dossier, "compte-rendu.json");
    const r = await lancer([fichier, "--compte-rendu", sortie]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ lot: "LOT-CLI", statut: "IN_INTEGRE_PARTIEL", libelleStatut: "Intégré partiellement", dejaTraite: false, memoires: 30, integres: 27, rejetes: 3 });
    expect(r.stderr.split("\n").filter((l) => l.includes("lignes[0].tauxTva"))).toHaveLength(3);
    const cr = JSON.parse(readFileSync(sortie, "utf8")) as CompteRendu;
    expect(cr.elements.map((e) => (e.resultat === "INTEGRE" ? e.numero.slice(0, 2) : "rejet"))).toEqual(Array.from({ length: 30 }, (_, i) => (i % 10 === 9 ? "rejet" : "MJ")));
    const count = async () => Number(Object.values((await sqlDe(b.orm).lignes("SELECT count(*) FROM memoire WHERE numero_lot = 'LOT-CLI'"))[0] ?? {})[0]);
    expect(await count()).toBe(27);
    const encore = await lancer([fichier, "--compte-rendu", "-"]);
    expect(encore.code).toBe(1);
    expect((JSON.parse(encore.stdout) as CompteRendu).totaux).toEqual({ memoires: 30, integres: 27, rejetes: 3 });
    expect(await count()).toBe(27);
  }, 120_000);

  it("an unreadable file: exit 2, the position of the problem on stderr, nothing stored", async () => {
    const fichier = join(dossier, "illisible.xml");
    writeFileSync(fichier, '<?xml version="1.0"?>\n<lot xmlns="urn:frais-justice:flux-memoires:1" id="X" version="1">\n<emetteur identifiant="1"');
    const r = await lancer([fichier]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/illisible\.xml:3:\d+: XML mal formé/);
    expect(r.stderr).toContain("rien n'a été enregistré");
    expect(await sqlDe(b.orm).lignes("SELECT id FROM flux_lot WHERE id = 'X'")).toEqual([]);
  }, 60_000);

  it("a usage error: exit 2 and the usage", async () => {
    const r = await lancer([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("import-flux attend exactement un fichier");
  }, 60_000);
});
