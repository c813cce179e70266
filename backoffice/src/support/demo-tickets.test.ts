import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { semerAuPremierDemarrage } from "../seed/jeu.js";
import { chargerDemo } from "../serveur/demo.js";
import { BASES } from "../test-support/bases.js";
import { acteurDe, DepotAcces } from "../admin/acces/agents.js";
import { DepotTicketsSql } from "./depot-tickets.sql.js";
import { semerTicketsDeDemo } from "./demo-tickets.js";

const sqlite = BASES.find((b) => b.dialecte === "sqlite");

describe.skipIf(sqlite === undefined)("demo tickets", () => {
  let orm: Orm;
  let detruire: () => Promise<void>;
  beforeAll(async () => {
    const b = await (sqlite?.creer() ?? Promise.reject(new Error("SQLite absent")));
    orm = b.orm;
    detruire = b.detruire;
    await semerAuPremierDemarrage(orm, 30);
    await chargerDemo(orm);
  });
  afterAll(async () => detruire());

  it("writes tickets in several states on an empty table, through the repository, once; the demo support agent sees the national ones", async () => {
    const depot = new DepotTicketsSql(orm);
    const maintenant = new Date();
    const bilan = await semerTicketsDeDemo(orm, depot, maintenant);
    expect(bilan?.tickets.map((t) => t.etat).sort()).toEqual(["BROUILLON", "CLOTURE", "EN_ATTENTE_INFORMATIONS", "NOUVEAU", "RESOLU"]);
    expect(await semerTicketsDeDemo(orm, depot, maintenant)).toBeUndefined();
    const support = (await new DepotAcces(orm).lister()).find((a) => a.id === "demo-support");
    expect(support).toBeDefined();
    if (support === undefined) return;
    const file = await depot.fileDeTravail(acteurDe(support), {}, { colonne: "ouvertLe", sens: "asc" }, { limite: 10, decalage: 0 });
    expect(file.lignes.filter((l) => l.file._tag === "SupportNational").map((l) => l.etat).sort()).toEqual(["EN_ATTENTE_INFORMATIONS", "RESOLU"]);
  });
});
