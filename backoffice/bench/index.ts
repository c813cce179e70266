/**
 * Persistence benchmark: the project's write and read paths against raw SQL through the same driver
 * (sqlite3, prepared statements, explicit transactions), measured in the same run.
 *   node --conditions=source --import tsx backoffice/bench/index.ts [--memoires 1000000] [--requetes 300] [--certifications 2000]
 * Prints a table: ingest rows/s, query p50/p95 (ms), certify transitions/s, each with its ratio to raw.
 */
import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { executer, type Memoire } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sqlite3 from "sqlite3";
import { ouvrirOrm } from "../src/base/orm.js";
import { sqlDe } from "../src/base/sql.js";
import { table } from "../src/base/tables.js";
import { evenementVersLigne } from "../src/memoire/memoire.evenement.mapper.js";
import { versLignes } from "../src/memoire/memoire.mapper.js";
import { DepotMemoires, type ResultatEcriture } from "../src/memoire/memoire.repository.js";
import { DepotVues } from "../src/memoire/memoire.vues.repository.js";
import { sqlAttenteJuridiction, sqlParNumero, sqlRecherche, sqlTableauDeBord, sqlTotauxNationaux, type RequeteSql } from "../src/memoire/memoire.vues.sql.js";
import { decoderCriteresRecherche } from "@frais-justice/core/memoire";
import { hasard } from "../src/seed/hasard.js";
import { clonerMemoire, genererMemoire, JURIDICTIONS } from "../src/seed/memoires.generateur.js";

const arg = (nom: string, defaut: number): number => {
  const i = process.argv.indexOf(`--${nom}`);
  return i < 0 ? defaut : Number(process.argv[i + 1]);
};
const N = arg("memoires", 1_000_000);
const REQUETES = arg("requetes", 300);
const CERTIFICATIONS = arg("certifications", 2000);
const PAR_LOT = 2000;
/** The raw baseline ingests one batch in `ECHANTILLON` (1 = all): its smaller database only favours the baseline. */
const ECHANTILLON = arg("echantillon-brut", 1);

// ---------------------------------------------------------------------------------------------------
// Raw sqlite3 helpers (the baseline)

const ouvrirBrut = (fichier: string) =>
  new Promise<sqlite3.Database>((ok, ko) => {
    const db = new sqlite3.Database(fichier, (e) => (e === null ? ok(db) : ko(e)));
  });
const exec = (db: sqlite3.Database, sql: string) => new Promise<void>((ok, ko) => db.exec(sql, (e) => (e === null ? ok() : ko(e))));
const preparer = (db: sqlite3.Database, sql: string) => db.prepare(sql);
const run = (s: sqlite3.Statement, p: ReadonlyArray<unknown>) => new Promise<number>((ok, ko) => s.run(p, function (this: sqlite3.RunResult, e: Error | null) { if (e === null) ok(this.changes); else ko(e); }));
const all = <T>(s: sqlite3.Statement, p: ReadonlyArray<unknown>) => new Promise<Array<T>>((ok, ko) => s.all(p, (e: Error | null, r: Array<T>) => (e === null ? ok(r) : ko(e))));
const sqliteParam = (v: unknown): unknown => (v instanceof Date ? v.getTime() : typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null));

const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  const t = [...xs].sort((a, b) => a - b);
  return t[Math.min(t.length - 1, Math.floor(q * t.length))] ?? Number.NaN;
};
const ms = async (f: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

// ---------------------------------------------------------------------------------------------------

const dossier = mkdtempSync(join(tmpdir(), "fj-bench-"));
const fichierProjet = join(dossier, "projet.sqlite");
const fichierBrut = join(dossier, "brut.sqlite");
const lignesTableau: Array<ReadonlyArray<string>> = [];
const ajouter = (...cols: ReadonlyArray<string>) => lignesTableau.push(cols);

try {
  const orm = await ouvrirOrm({ dialecte: "sqlite", fichier: fichierProjet });
  const ormBrut = await ouvrirOrm({ dialecte: "sqlite", fichier: fichierBrut }); // same migrated schema for the baseline
  await ormBrut.close(true);
  const versionSqlite = (await sqlDe(orm).lignes<{ v: string }>("SELECT sqlite_version() AS v"))[0]?.v ?? "?";
  const depot = new DepotMemoires(orm);

  // Dataset: templates copied onto structures (the seed's fast path), same stream for both sides.
  const h = hasard(7);
  const structures = Array.from({ length: Math.max(12, Math.ceil(N / 400)) }, (_, i) => ({ id: `structure-${i + 1}`, categorie: ["INTERPRETE_TRADUCTEUR", "EXPERT", "LABORATOIRE", "ENQUETEUR_SOCIAL"][i % 4] ?? "EXPERT" }));
  const parametres = { structures, agents: ["agent-1", "agent-2"], utilisateurs: ["u-1", "u-2"] };
  const modeles = Array.from({ length: 3000 }, (_, i) => genererMemoire(h, { ...parametres, numero: i + 1 }));
  const lot = (debut: number, n: number): Array<ResultatEcriture> => Array.from({ length: n }, (_, i) => clonerMemoire(h, h.choisir(modeles), debut + i, h.choisir(structures).id));

  // --- Ingest: project write path (mapping + multi-row INSERTs + counters, one transaction per batch)
  let lignesEcrites = 0;
  let tempsProjet = 0;
  const tM = table(orm, "Memoire");
  const tL = table(orm, "LignePrestation");
  const tE = table(orm, "EvenementMemoire");
  const brut = await ouvrirBrut(fichierBrut);
  await exec(brut, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY");
  const insertion = (t: typeof tM) => preparer(brut, `INSERT INTO ${t.nom} (${[...t.colonnes.values()].join(", ")}) VALUES (${[...t.colonnes.keys()].map(() => "?").join(", ")})`);
  const [iM, iL, iE] = [insertion(tM), insertion(tL), insertion(tE)];
  const iT = preparer(brut, "INSERT INTO tableau_de_bord (structure_id, etat, nombre, montant_ttc_centimes) VALUES (?, ?, ?, ?) ON CONFLICT (structure_id, etat) DO UPDATE SET nombre = nombre + excluded.nombre, montant_ttc_centimes = montant_ttc_centimes + excluded.montant_ttc_centimes");
  let tempsBrut = 0;
  let lignesBrutes = 0;
  const debutIngestion = performance.now();
  for (let fait = 0; fait < N; fait += PAR_LOT) {
    const n = Math.min(PAR_LOT, N - fait);
    const resultats = lot(fait + 1, n);
    tempsProjet += await ms(() => depot.enregistrerNouveaux(resultats));
    const nProjet = resultats.reduce((t, r) => t + 1 + r.memoire.lignes.length + r.memoire.piecesJointes.length + r.evenements.length, 0);
    lignesEcrites += nProjet;
    const progression = () => {
      if ((fait + n) % 100_000 === 0 || fait + n === N) process.stderr.write(`  ${fait + n} mémoires (${((performance.now() - debutIngestion) / 1000).toFixed(0)} s ; projet ${(tempsProjet / 1000).toFixed(1)} s, brut ${(tempsBrut / 1000).toFixed(1)} s)\n`);
    };
    if ((fait / PAR_LOT) % ECHANTILLON !== 0) {
      progression();
      continue;
    }
    // The same rows, already flattened (the baseline does no domain mapping), as prepared statements.
    const rows = resultats.map((r) => ({ l: versLignes(r.memoire, r.evenements.length), e: r.evenements.map((e, i) => evenementVersLigne(e, i + 1)) }));
    const valeurs = (t: typeof tM, o: Readonly<Record<string, unknown>>) => [...t.colonnes.keys()].map((k) => sqliteParam(o[k]));
    const pm = rows.map((r) => valeurs(tM, r.l.memoire as unknown as Record<string, unknown>));
    const pl = rows.flatMap((r) => r.l.lignes.map((x) => valeurs(tL, x)));
    const pe = rows.flatMap((r) => r.e.map((x) => valeurs(tE, x)));
    const delta = new Map<string, [string, string, number, number]>();
    for (const r of rows) {
      const k = `${r.l.memoire.structureId}|${r.l.memoire.etat}`;
      const d = delta.get(k) ?? [r.l.memoire.structureId, r.l.memoire.etat, 0, 0];
      d[2] += 1;
      d[3] += r.l.memoire.montantTtcCentimes;
      delta.set(k, d);
    }
    tempsBrut += await ms(async () => {
      await exec(brut, "BEGIN");
      for (const p of pm) await run(iM, p);
      for (const p of pl) await run(iL, p);
      for (const p of pe) await run(iE, p);
      for (const d of delta.values()) await run(iT, d);
      await exec(brut, "COMMIT");
    });
    lignesBrutes += pm.length + pl.length + pe.length + delta.size;
    progression();
  }
  for (const s of [iM, iL, iE, iT]) s.finalize();
  const debitProjet = lignesEcrites / (tempsProjet / 1000);
  const debitBrut = lignesBrutes / (tempsBrut / 1000);
  ajouter(`ingestion de ${N.toLocaleString("fr-FR")} mémoires (${(lignesEcrites / N).toFixed(1)} lignes SQL chacun)`, `${Math.round(debitProjet).toLocaleString("fr-FR")} lignes/s (${Math.round(N / (tempsProjet / 1000)).toLocaleString("fr-FR")} mémoires/s)`, `${Math.round(debitBrut).toLocaleString("fr-FR")} lignes/s`, (debitProjet / debitBrut).toFixed(2), "≥ 0.25");
  await sqlDe(orm).lignes("ANALYZE");
  await exec(brut, "ANALYZE");

  // --- Queries at N: the repository (knex, bindings, row mapping) vs the same SQL as prepared statements.
  const vues = new DepotVues(orm);
  const critere = (brutC: Record<string, unknown>) => Either.getOrThrow(decoderCriteresRecherche(brutC));
  const structureChargee = "structure-1";
  const mesures: ReadonlyArray<[string, () => Promise<unknown>, () => RequeteSql]> = [
    ["recherche par numéro", () => vues.parNumero(`MJ${String(h.entier(1, N)).padStart(10, "0")}`), () => sqlParNumero(`MJ${String(h.entier(1, N)).padStart(10, "0")}`)],
    [
      "page filtrée (structure + état + dates, 20)",
      () => vues.rechercher(critere({ structureId: h.choisir(structures).id, statut: "MIS_EN_PAIEMENT", dateDepotDu: "2020-01-01", dateDepotAu: "2024-12-31" })),
      () => sqlRecherche(critere({ structureId: h.choisir(structures).id, statut: "MIS_EN_PAIEMENT", dateDepotDu: "2020-01-01", dateDepotAu: "2024-12-31" })).page,
    ],
    ["tableau de bord d'une structure", () => vues.tableauDeBord([h.choisir(structures).id]), () => sqlTableauDeBord([h.choisir(structures).id])],
    ["tableau de bord national (totaux par état)", () => vues.totauxNationaux(), () => sqlTotauxNationaux()],
    ["tableau de bord de toutes les structures", () => vues.tableauDeBord(), () => sqlTableauDeBord()],
    ["attente d'une juridiction (nombre)", () => vues.attenteJuridiction(h.choisir(JURIDICTIONS).code), () => sqlAttenteJuridiction(h.choisir(JURIDICTIONS).code)],
  ];
  void structureChargee;
  const lecteurBrut = await ouvrirBrut(fichierProjet);
  for (const [nom, projet, requete] of mesures) {
    for (let i = 0; i < 20; i += 1) await projet(); // warm-up
    const tp: Array<number> = [];
    for (let i = 0; i < REQUETES; i += 1) tp.push(await ms(projet));
    const tb: Array<number> = [];
    const cache = new Map<string, sqlite3.Statement>();
    for (let i = 0; i < REQUETES + 20; i += 1) {
      const r = requete();
      const s = cache.get(r.texte) ?? preparer(lecteurBrut, r.texte);
      cache.set(r.texte, s);
      const d = await ms(() => all(s, r.params.map(sqliteParam)));
      if (i >= 20) tb.push(d);
    }
    for (const s of cache.values()) s.finalize();
    const [p50, p95, b50, b95] = [quantile(tp, 0.5), quantile(tp, 0.95), quantile(tb, 0.5), quantile(tb, 0.95)];
    ajouter(nom, `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`, `p50 ${b50.toFixed(2)} ms, p95 ${b95.toFixed(2)} ms`, (p95 / b95).toFixed(2), "p95 ≤ 20 ms et ≤ 2 × brut");
  }

  // --- Certify loop: core's command through the repository vs raw SELECT + versioned UPDATE + INSERT.
  const aCertifier = await sqlDe(orm).lignes<{ id: string; version: number }>("SELECT id, version FROM memoire WHERE etat = 'MIS_A_DISPOSITION' AND montant_ttc_centimes < 150000 LIMIT ?", [CERTIFICATIONS * 2]);
  const greffier: ActeurAgent = { _tag: "Agent", id: "agent-bench", roles: ["GREFFIER"], perimetre: { juridictions: [], coursAppel: [...new Set(JURIDICTIONS.map((j) => j.courAppel))] } };
  let ids = 0;
  const projetCertif = aCertifier.slice(0, CERTIFICATIONS);
  const tCertif = await ms(async () => {
    for (const m of projetCertif) {
      const r = await depot.executer(m.id, Number(m.version), (memoire: Memoire, numerotation) =>
        executer(memoire, { type: "memoire.certifier" }, { acteur: greffier, maintenant: new Date(), genererId: () => `bench-${(ids += 1)}`, numerotation }),
      );
      if (Either.isLeft(r)) throw new Error(`certification refusée : ${r.left.message}`);
    }
  });
  const sel = preparer(lecteurBrut, "SELECT id, version, etat, numero FROM memoire WHERE id = ?");
  const upd = preparer(lecteurBrut, "UPDATE memoire SET etat = 'CERTIFIE', version = version + 1, certifie_le = ?, etat_le = ?, nombre_evenements = nombre_evenements + 1 WHERE id = ? AND version = ?");
  const ins = preparer(lecteurBrut, `INSERT INTO evenement_memoire (id, memoire_id, rang, numero, commande, auteur_type, auteur_id, le, de, vers, motif, montants_avant, montants_apres, details) VALUES (?, ?, ?, ?, 'memoire.certifier', 'AGENT', 'agent-bench', ?, 'MIS_A_DISPOSITION', 'CERTIFIE', NULL, '{}', '{}', '{}')`);
  const brutCertif = aCertifier.slice(CERTIFICATIONS);
  const tBrutCertif = await ms(async () => {
    for (const m of brutCertif) {
      await exec(lecteurBrut, "BEGIN");
      const [l] = await all<{ id: string; version: number; numero: string }>(sel, [m.id]);
      const maintenant = Date.now();
      if ((await run(upd, [maintenant, maintenant, m.id, l?.version])) !== 1) throw new Error("conflit");
      await run(ins, [`brut-${(ids += 1)}`, m.id, 1000 + Number(l?.version), l?.numero, maintenant]);
      await exec(lecteurBrut, "COMMIT");
    }
  });
  for (const s of [sel, upd, ins]) s.finalize();
  const [opsProjet, opsBrut] = [projetCertif.length / (tCertif / 1000), brutCertif.length / (tBrutCertif / 1000)];
  ajouter(`certification (boucle de ${projetCertif.length}, événement d'audit compris)`, `${Math.round(opsProjet)} transitions/s`, `${Math.round(opsBrut)} transitions/s`, (opsProjet / opsBrut).toFixed(2), "≥ 0.25");

  await new Promise<void>((ok) => lecteurBrut.close(() => ok()));
  await new Promise<void>((ok) => brut.close(() => ok()));
  const taille = statSync(fichierProjet).size / 1024 / 1024;
  await orm.close(true);

  const entete = ["mesure", "projet (dépôt MikroORM/knex)", "SQL brut (sqlite3, requêtes préparées)", "ratio", "cible"];
  const largeurs = entete.map((e, i) => Math.max(e.length, ...lignesTableau.map((l) => (l[i] ?? "").length)));
  const ligne = (cols: ReadonlyArray<string>) => `| ${cols.map((c, i) => c.padEnd(largeurs[i] ?? 0)).join(" | ")} |`;
  process.stdout.write(`\nPersistance — SQLite ${versionSqlite}, Node ${process.version}, ${(await import("node:os")).cpus().length} cœurs, base ${taille.toFixed(0)} Mo\n\n`);
  process.stdout.write(`${ligne(entete)}\n${ligne(largeurs.map((l) => "-".repeat(l)))}\n${lignesTableau.map(ligne).join("\n")}\n`);
} finally {
  rmSync(dossier, { recursive: true, force: true });
}
