import type session from "express-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../../base/orm.js";
import { sqlDe } from "../../base/sql.js";
import { BASES } from "../../test-support/bases.js";
import { DepotAcces } from "./agents.js";
import { MagasinSessions } from "./session-store.js";

describe.each(BASES)("sessions of the back-office on $dialecte", (base) => {
  describe.skipIf(!base.disponible)("the session's agent read with the session row", () => {
    let orm: Orm;
    let detruire: () => Promise<void>;
    let magasin: MagasinSessions;
    let agentId: string;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      magasin = new MagasinSessions(orm);
      agentId = await new DepotAcces(orm).creer(
        { email: "greffe.session@justice.example", nom: "Session", prenom: "Greffe", roles: ["GREFFIER"], perimetre: { juridictions: ["750"], coursAppel: [] }, actif: true },
        "Greffe-Session-2026",
        new Date(),
      );
    });
    afterAll(async () => detruire());

    const donnees = (adminUser?: { id: string }): session.SessionData =>
      ({ cookie: { originalMaxAge: 3_600_000, expires: new Date(Date.now() + 3_600_000).toISOString(), httpOnly: true, path: "/admin" }, ...(adminUser === undefined ? {} : { adminUser }) }) as unknown as session.SessionData;
    const ecrire = (sid: string, d: session.SessionData) => new Promise<void>((ok, ko) => magasin.set(sid, d, (e) => (e === undefined || e === null ? ok() : ko(e instanceof Error ? e : new Error("magasin de sessions")))));
    const lire = (sid: string) => new Promise<session.SessionData | null | undefined>((ok, ko) => magasin.get(sid, (e, d) => (e === undefined || e === null ? ok(d) : ko(e instanceof Error ? e : new Error("magasin de sessions")))));

    it("gives the agent as it is now, once per read of the session", async () => {
      await ecrire("sid-a", donnees({ id: agentId }));
      expect((await lire("sid-a"))?.adminUser?.id).toBe(agentId);
      expect(magasin.agentLu("sid-a")).toMatchObject({ id: agentId, roles: ["GREFFIER"], perimetre: { juridictions: ["750"] }, actif: true });
      expect(magasin.agentLu("sid-a")).toBeUndefined();
      // A change of the agent's row is seen by the next read of the session, not the session's copy.
      await sqlDe(orm).lignes("UPDATE agent SET roles = ?, actif = ? WHERE id = ?", [JSON.stringify(["MAGISTRAT_TAXATEUR"]), false, agentId]);
      await lire("sid-a");
      expect(magasin.agentLu("sid-a")).toMatchObject({ id: agentId, roles: ["MAGISTRAT_TAXATEUR"], actif: false });
    });

    it("gives null for an agent that no longer exists, nothing for a session without agent or expired", async () => {
      await ecrire("sid-b", donnees({ id: "agent-supprime" }));
      expect(await lire("sid-b")).not.toBeNull();
      expect(magasin.agentLu("sid-b")).toBeNull();
      await ecrire("sid-c", donnees());
      expect(await lire("sid-c")).not.toBeNull();
      expect(magasin.agentLu("sid-c")).toBeUndefined();
      await ecrire("sid-d", { ...donnees({ id: agentId }), cookie: { originalMaxAge: 1, expires: new Date(Date.now() - 1000).toISOString() } } as unknown as session.SessionData);
      expect(await lire("sid-d")).toBeNull();
      expect(magasin.agentLu("sid-d")).toBeUndefined();
      expect(await lire("sid-inconnu")).toBeNull();
    });
  });
});
