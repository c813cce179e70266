/**
 * The SQLite hot path keeps prepared statements per connection and resets one only after an error.
 * These tests pin what that must never cost: a reader keeps seeing the commits of other connections
 * (another process in production), after a successful read and after a failed statement.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ouvrirOrm, type Orm } from "./orm.js";
import { LECTEURS_SQLITE, lectureDe, placeholdersPostgres, sqlDe } from "./sql.js";

let dossier: string;
let lecteur: Orm;
let ecrivain: Orm;

beforeAll(async () => {
  dossier = mkdtempSync(join(tmpdir(), "fj-sql-"));
  const fichier = join(dossier, "bo.sqlite");
  lecteur = await ouvrirOrm({ dialecte: "sqlite", fichier });
  ecrivain = await ouvrirOrm({ dialecte: "sqlite", fichier }, { migrer: false });
  await sqlDe(ecrivain).lignes("CREATE TABLE essai_sql (id INTEGER PRIMARY KEY, valeur TEXT NOT NULL)");
  await sqlDe(ecrivain).lignes("INSERT INTO essai_sql (id, valeur) VALUES (1, 'avant')");
});

afterAll(async () => {
  await lecteur.close(true);
  await ecrivain.close(true);
  rmSync(dossier, { recursive: true, force: true });
});

const lire = async (): Promise<string | undefined> =>
  (await sqlDe(lecteur).lignes<{ valeur: string }>("SELECT valeur FROM essai_sql WHERE id = ?", [1]))[0]?.valeur;

describe("sqlDe on SQLite (statements prepared once per connection)", () => {
  it("a cached statement that ran to completion sees another connection's later commit", async () => {
    expect(await lire()).toBe("avant");
    expect(await lire()).toBe("avant"); // the second call reuses the prepared statement
    await sqlDe(ecrivain).lignes("UPDATE essai_sql SET valeur = ? WHERE id = ?", ["après", 1]);
    expect(await lire()).toBe("après");
  });

  it("after a failed statement, the connection still reads the commits of other connections", async () => {
    const sql = sqlDe(lecteur);
    await expect(sql.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [1, "doublon"])).rejects.toThrow(/UNIQUE/);
    await expect(sql.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [1, "doublon"])).rejects.toThrow(/UNIQUE/);
    await sqlDe(ecrivain).lignes("UPDATE essai_sql SET valeur = ? WHERE id = ?", ["encore", 1]);
    expect(await lire()).toBe("encore");
  });

  it("returns the rows a RETURNING clause names, and nothing for a statement without rows", async () => {
    const sql = sqlDe(lecteur);
    expect(await sql.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?) RETURNING id", [2, "deux"])).toEqual([{ id: 2 }]);
    expect(await sql.lignes("DELETE FROM essai_sql WHERE id = ?", [2])).toEqual([]);
  });
});

describe("sqlDe(…).transaction (BEGIN … COMMIT on one pooled connection)", () => {
  it("commits the work, and a nested call joins the same transaction", async () => {
    await sqlDe(lecteur).transaction(async (tx) => {
      await tx.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [10, "dix"]);
      await tx.transaction((imbrique) => imbrique.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [11, "onze"]));
    });
    expect(await sqlDe(ecrivain).lignes("SELECT id FROM essai_sql WHERE id IN (10, 11) ORDER BY id")).toEqual([{ id: 10 }, { id: 11 }]);
  });

  it("rolls everything back when the work fails, and the connection then serves the next reads", async () => {
    const echec = sqlDe(lecteur).transaction(async (tx) => {
      await tx.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [12, "douze"]);
      await tx.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [10, "doublon"]);
    });
    await expect(echec).rejects.toThrow(/UNIQUE/);
    expect(await sqlDe(ecrivain).lignes("SELECT id FROM essai_sql WHERE id = 12")).toEqual([]);
    await sqlDe(ecrivain).lignes("UPDATE essai_sql SET valeur = ? WHERE id = ?", ["vu", 1]);
    expect(await lire()).toBe("vu");
  });

  it("rolls back what the work wrote before it threw an error of its own", async () => {
    await expect(
      sqlDe(lecteur).transaction(async (tx) => {
        await tx.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [13, "treize"]);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await sqlDe(lecteur).lignes("SELECT id FROM essai_sql WHERE id = 13")).toEqual([]);
  });
});

describe("lectureDe on a SQLite file (read-only connections beside the writing one)", () => {
  it("reads every commit of the writing connection, statement after statement", async () => {
    const lecture = lectureDe(lecteur);
    for (const valeur of ["un", "deux", "trois"]) {
      await sqlDe(lecteur).lignes("UPDATE essai_sql SET valeur = ? WHERE id = ?", [valeur, 1]);
      expect(await lecture.lignes("SELECT valeur FROM essai_sql WHERE id = ?", [1])).toEqual([{ valeur }]);
    }
  });

  it("refuses any write, and the connection keeps reading afterwards", async () => {
    const lecture = lectureDe(lecteur);
    await expect(lecture.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [30, "trente"])).rejects.toThrow(/readonly|read-only|query_only/i);
    expect(await sqlDe(lecteur).lignes("SELECT id FROM essai_sql WHERE id = 30")).toEqual([]);
    await sqlDe(lecteur).lignes("UPDATE essai_sql SET valeur = ? WHERE id = ?", ["relu", 1]);
    expect(await lecture.lignes("SELECT valeur FROM essai_sql WHERE id = ?", [1])).toEqual([{ valeur: "relu" }]);
  });

  it("does not wait for an open write transaction: it reads the last committed state", async () => {
    const lecture = lectureDe(lecteur);
    let relache!: () => void;
    const bloque = new Promise<void>((ok) => (relache = ok));
    let ecrit!: () => void;
    const dansLaTransaction = new Promise<void>((ok) => (ecrit = ok));
    const transaction = sqlDe(lecteur).transaction(async (tx) => {
      await tx.lignes("UPDATE essai_sql SET valeur = ? WHERE id = ?", ["non validé", 1]);
      ecrit();
      await bloque;
    });
    await dansLaTransaction;
    // The writing connection is busy until `relache`: a read on it would wait; the readers answer now.
    const lus = await Promise.all(Array.from({ length: 2 * LECTEURS_SQLITE }, () => lecture.lignes<{ valeur: string }>("SELECT valeur FROM essai_sql WHERE id = ?", [1])));
    expect(lus.map(([l]) => l?.valeur)).toEqual(Array.from({ length: 2 * LECTEURS_SQLITE }, () => "relu"));
    relache();
    await transaction;
    expect(await lecture.lignes("SELECT valeur FROM essai_sql WHERE id = ?", [1])).toEqual([{ valeur: "non validé" }]);
  });

  it("runs transactions on the writing connection", async () => {
    await lectureDe(lecteur).transaction((tx) => tx.lignes("INSERT INTO essai_sql (id, valeur) VALUES (?, ?)", [31, "trente et un"]));
    expect(await sqlDe(ecrivain).lignes("SELECT valeur FROM essai_sql WHERE id = 31")).toEqual([{ valeur: "trente et un" }]);
  });

  it("is the ORM's own connection for an in-memory database, and closes with the ORM on a file", async () => {
    const memoire = await ouvrirOrm({ dialecte: "sqlite", fichier: ":memory:" }, { migrer: false });
    try {
      await sqlDe(memoire).lignes("CREATE TABLE t (x INTEGER)");
      await sqlDe(memoire).lignes("INSERT INTO t (x) VALUES (7)");
      expect(await lectureDe(memoire).lignes("SELECT x FROM t")).toEqual([{ x: 7 }]);
    } finally {
      await memoire.close(true);
    }
    const fichier = await ouvrirOrm({ dialecte: "sqlite", fichier: join(dossier, "bo.sqlite") }, { migrer: false });
    const lecture = lectureDe(fichier);
    expect(await lecture.lignes("SELECT valeur FROM essai_sql WHERE id = 31")).toEqual([{ valeur: "trente et un" }]);
    await fichier.close(true);
    await expect(lecture.lignes("SELECT 1")).rejects.toThrow();
  });
});

describe("placeholdersPostgres", () => {
  it("numbers the placeholders outside quoted strings only", () => {
    expect(placeholdersPostgres("SELECT '?' AS q, a FROM t WHERE a = ? AND b = ?")).toBe("SELECT '?' AS q, a FROM t WHERE a = $1 AND b = $2");
  });
});
