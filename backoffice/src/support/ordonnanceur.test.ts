import type { Ticket } from "@frais-justice/support";
import { Either } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import type { DepotTickets } from "./depot-tickets.js";
import { DepotTicketsSql } from "./depot-tickets.sql.js";
import { executerEcheances, OrdonnanceurTickets, parametresEcheancesDepuis, type BilanEcheances } from "./ordonnanceur.js";
import { monterScene, saisieCompte, saisieMemoire, type Scene } from "./tickets.fixtures.js";

const JOUR = 24 * 60 * 60 * 1000;

describe.each(BASES)("ordonnanceur des échéances sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("clôture automatique", () => {
    let orm: Orm;
    let s: Scene;
    let detruire: () => Promise<void>;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      s = await monterScene(orm, 11);
    });
    afterAll(async () => {
      await detruire();
      s.nettoyer();
    });

    const droite = <A, E>(e: Either.Either<A, E>): A => Either.getOrThrowWith(e, (x) => new Error(String(x)));

    /** A ticket with a solution proposed now (by the juridiction's support agent). */
    const resolu = async (): Promise<Ticket> => {
      let t = droite(await s.depot.creer({ acteur: s.demandeur, saisie: saisieMemoire(s) })).ticket;
      for (const c of [
        { type: "ticket.affecter", acteur: s.agentJuridiction },
        { type: "ticket.proposer-solution", texte: "Paiement le 15.", acteur: s.agentJuridiction },
      ] as const) {
        t = droite(await s.depot.executer(t.id, t.version, c)).ticket;
      }
      return t;
    };

    it("sends the reminder after 5 days and the closure after 10, as the system, once each, even when runs repeat or race", async () => {
      const t = await resolu();
      const debut = s.horloge.lire();
      const a = (jours: number, ms = 0) => new Date(debut.getTime() + jours * JOUR + ms);

      expect((await executerEcheances(s.depot, a(5, -1))).envoyes).toEqual([]);
      const relance = await executerEcheances(s.depot, a(5));
      expect(relance.envoyes.map((e) => [e.numero, e.type])).toEqual([[t.numero, "ticket.relancer"]]);
      // Repeated at once, and later before the closure: nothing more.
      expect((await executerEcheances(s.depot, a(5))).envoyes).toEqual([]);
      expect((await executerEcheances(s.depot, a(9))).envoyes).toEqual([]);
      const apresRelance = droite(await s.depot.charger(t.id));
      expect(apresRelance.etat).toBe("RESOLU");
      expect(apresRelance.relanceLe).toEqual(a(5));
      expect(apresRelance.journal.at(-1)).toMatchObject({ type: "ticket.relancer", auteur: { _tag: "Systeme" } });

      // Two schedulers (two processes) at the same instant, both having read the ticket before either
      // writes: one closure, the other gets the version conflict and counts it as moot.
      const autre = new DepotTicketsSql(orm, { horloge: () => a(10) });
      let lectures = 0;
      let ouvrir = () => {};
      const barriere = new Promise<void>((ok) => (ouvrir = ok));
      const apresLesDeuxLectures = (d: Pick<DepotTickets, "resolusAEcheance" | "executer">): Pick<DepotTickets, "resolusAEcheance" | "executer"> => ({
        resolusAEcheance: async (...args) => {
          const lus = await d.resolusAEcheance(...args);
          if ((lectures += 1) === 2) ouvrir();
          await barriere;
          return lus;
        },
        executer: (...args) => d.executer(...args),
      });
      const [b1, b2] = await Promise.all([executerEcheances(apresLesDeuxLectures(s.depot), a(10)), executerEcheances(apresLesDeuxLectures(autre), a(10))]);
      expect(b1.envoyes.length + b2.envoyes.length).toBe(1);
      expect(b1.ignores + b2.ignores).toBe(1);
      expect([...b1.erreurs, ...b2.erreurs]).toEqual([]);
      const clos = droite(await s.depot.charger(t.id));
      expect(clos).toMatchObject({ etat: "CLOTURE", cloture: "AUTOMATIQUE", clotureLe: a(10) });
      expect(clos.journal.filter((e) => e.type === "ticket.cloturer-automatiquement")).toHaveLength(1);
      expect(clos.journal.filter((e) => e.type === "ticket.relancer")).toHaveLength(1);
      expect(clos.journal.at(-1)?.auteur).toEqual({ _tag: "Systeme" });
      const sujets = (await s.depot.boiteDEnvoi.lister({ ticketId: t.id }, { limite: 20, decalage: 0 })).lignes.map((m) => m.message.sujet);
      expect(sujets.filter((x) => x.includes("Relance"))).toHaveLength(1);
      expect(sujets.filter((x) => x.includes("clôturé automatiquement"))).toHaveLength(1);
      expect((await executerEcheances(s.depot, a(30))).envoyes.filter((e) => e.ticketId === t.id)).toEqual([]);
    });

    it("closes directly a ticket found after the closure delay (no late reminder), and leaves answered tickets alone", async () => {
      const oublie = await resolu();
      const repondu = await resolu();
      droite(await s.depot.executer(repondu.id, repondu.version, { type: "ticket.refuser-solution", texte: "Rien reçu.", acteur: s.demandeur }));
      const bilan = await executerEcheances(s.depot, new Date(s.horloge.lire().getTime() + 12 * JOUR));
      expect(bilan.envoyes.map((e) => [e.ticketId, e.type])).toEqual([[oublie.id, "ticket.cloturer-automatiquement"]]);
      expect(droite(await s.depot.charger(repondu.id)).etat).toBe("EN_COURS");
    });

    it("follows configured delays (the repository's and the scheduler's), and runs on a timer with an injected clock", async () => {
      const parametres = { joursAvantRelance: 2, joursAvantCloture: 3 };
      const horloge = { instant: s.horloge.lire() };
      const depot = new DepotTicketsSql(orm, { horloge: () => horloge.instant, parametresEcheances: parametres });
      let t = droite(await depot.creer({ acteur: s.demandeur, saisie: saisieCompte(s) })).ticket;
      t = droite(await depot.executer(t.id, t.version, { type: "ticket.affecter", acteur: s.agentNational })).ticket;
      t = droite(await depot.executer(t.id, t.version, { type: "ticket.proposer-solution", texte: "Compte débloqué.", acteur: s.agentNational })).ticket;
      const bilans: Array<BilanEcheances> = [];
      let signaler: () => void = () => undefined;
      let echouer: (e: unknown) => void = () => undefined;
      const ordonnanceur = new OrdonnanceurTickets(depot, {
        parametres,
        horloge: () => horloge.instant,
        intervalleMs: 60 * 60 * 1000,
        apresPassage: (b) => {
          bilans.push(b);
          signaler();
        },
        surErreur: (e) => echouer(e),
      });
      const premier = new Promise<void>((ok, ko) => {
        signaler = ok;
        echouer = ko;
      });
      horloge.instant = new Date(horloge.instant.getTime() + 2 * JOUR);
      ordonnanceur.demarrer();
      await premier;
      expect(bilans[0]?.envoyes.filter((e) => e.ticketId === t.id).map((e) => e.type)).toEqual(["ticket.relancer"]);
      horloge.instant = new Date(horloge.instant.getTime() + JOUR);
      const [x, y] = await Promise.all([ordonnanceur.passer(), ordonnanceur.passer()]);
      expect(x).toBe(y);
      expect(x?.envoyes.filter((e) => e.ticketId === t.id).map((e) => e.type)).toEqual(["ticket.cloturer-automatiquement"]);
      await ordonnanceur.arreter();
      expect(droite(await depot.charger(t.id)).cloture).toBe("AUTOMATIQUE");
    });

    it("reads the candidates in batches, reports a corrupted ticket and still closes the others", async () => {
      const tickets = [await resolu(), await resolu(), await resolu()];
      const [a, corrompu, c] = tickets;
      if (a === undefined || corrompu === undefined || c === undefined) throw new Error("tickets absents");
      await sqlDe(orm).lignes("UPDATE ticket SET emetteur = ? WHERE id = ?", ["{pas du JSON", corrompu.id]);
      const bilan = await executerEcheances(s.depot, new Date(s.horloge.lire().getTime() + 10 * JOUR), undefined, 1);
      expect(bilan.envoyes.map((e) => e.ticketId).sort()).toEqual([a.id, c.id].sort());
      expect(bilan.erreurs.map((e) => e.ticketId)).toEqual([corrompu.id]);
      expect(bilan.erreurs[0]?.raison).toContain("emetteur");
    });
  });
});

describe("configuration of the delays", () => {
  it("reads FJ_SUPPORT_JOURS_RELANCE and FJ_SUPPORT_JOURS_CLOTURE, 5 and 10 by default, and refuses nonsense", () => {
    expect(parametresEcheancesDepuis({})).toEqual({ joursAvantRelance: 5, joursAvantCloture: 10 });
    expect(parametresEcheancesDepuis({ FJ_SUPPORT_JOURS_RELANCE: "3", FJ_SUPPORT_JOURS_CLOTURE: "7" })).toEqual({ joursAvantRelance: 3, joursAvantCloture: 7 });
    expect(() => parametresEcheancesDepuis({ FJ_SUPPORT_JOURS_RELANCE: "cinq" })).toThrow(/FJ_SUPPORT_JOURS_RELANCE/);
    expect(() => parametresEcheancesDepuis({ FJ_SUPPORT_JOURS_RELANCE: "10", FJ_SUPPORT_JOURS_CLOTURE: "10" })).toThrow(/doit dépasser/);
  });
});
