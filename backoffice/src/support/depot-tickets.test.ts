import {
  ETATS_OUVERTS,
  fileDeTravail,
  TicketSchema,
  ticketsEmis,
  tableauDeBord,
  type Commande,
  type Onglet,
  type Ticket,
} from "@frais-justice/support";
import { Either, Schema } from "effect";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import { monterScene, PNG, saisieCompte, saisieMemoire, T0, type Scene } from "./tickets.fixtures.js";

const encoder = Schema.encodeSync(TicketSchema);
const MARQUEUR = "NOTE-INTERNE-CONFIDENTIELLE";
const ONGLETS: ReadonlyArray<Onglet> = ["ACTIONS_REQUISES", "TOUS", "CLOTURES"];

const droite = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`attendu Right, reçu ${String((e.left as { _tag?: string })._tag)} : ${String(e.left)}`);
  return e.right;
};
const gauche = <A, E>(e: Either.Either<A, E>): E => {
  if (Either.isRight(e)) throw new Error("attendu Left, reçu Right");
  return e.left;
};

describe.each(BASES)("tickets sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("dépôt", () => {
    let orm: Orm;
    let s: Scene;
    let detruire: () => Promise<void>;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      s = await monterScene(orm);
    });
    afterAll(async () => {
      await detruire();
      s.nettoyer();
    });

    const compter = async (tableNom: string): Promise<number> => {
      const [l] = await sqlDe(orm).lignes<{ n: unknown }>(`SELECT count(*) AS n FROM ${tableNom}`);
      return Number(l?.n);
    };
    const creer = async (saisie: Record<string, unknown>, acteur = s.demandeur): Promise<Ticket> => droite(await s.depot.creer({ acteur, saisie })).ticket;
    const executer = async (t: Ticket, commande: Commande): Promise<Ticket> => droite(await s.depot.executer(t.id, t.version, commande)).ticket;

    it("creates a ticket about a stored mémoire: CPROCS number from the sequence, routed to its juridiction, first journal row, message to the queue", async () => {
      const t1 = await creer(saisieMemoire(s));
      const t2 = await creer(saisieCompte(s));
      expect(t1.numero).toMatch(/^CPROCS\d{7}$/);
      expect(Number(t2.numero.slice(6))).toBeGreaterThan(Number(t1.numero.slice(6)));
      expect(t1.objet).toEqual({ type: "MEMOIRE", numero: s.memoire.numero });
      expect(t1.file).toEqual({ _tag: "ServiceMetier", juridiction: s.memoire.enTete.juridiction });
      expect(t2.file).toEqual({ _tag: "SupportNational" });
      const relu = droite(await s.depot.charger(t1.id));
      expect(encoder(relu)).toEqual(encoder(t1));
      expect(relu.journal.map((e) => e.type)).toEqual(["ticket.creer"]);
      const messages = await s.depot.boiteDEnvoi.lister({ ticketId: t1.id }, { limite: 10, decalage: 0 });
      expect(messages.lignes.map((m) => [m.message.destinataire, m.message.sujet, m.statut])).toEqual([
        [`service-metier-${s.memoire.enTete.juridiction.code}@justice.example`, `[${t1.numero}] Nouveau ticket`, "EN_ATTENTE"],
      ]);
      expect(droite(await s.depot.chargerParNumero(t1.numero.toLowerCase())).id).toBe(t1.id);
    });

    it("lets a simple user without habilitation emit a ticket for their structure (ticket.emettre), not a stranger", async () => {
      const t = await creer(saisieCompte(s), s.simple);
      expect(t.demandeurId).toBe(s.simple.id);
      const refus = gauche(await s.depot.creer({ acteur: s.autre, saisie: saisieCompte(s) }));
      expect(refus._tag).toBe("NonAutorise");
    });

    it("refuses bad input with typed errors and writes nothing (no ticket, no journal, no message)", async () => {
      const avant = [await compter("ticket"), await compter("entree_journal_ticket"), await compter("message_ticket")];
      expect(gauche(await s.depot.creer({ acteur: s.demandeur, saisie: saisieMemoire(s, { titre: "" }) }))._tag).toBe("SaisieInvalide");
      expect(gauche(await s.depot.creer({ acteur: s.demandeur, saisie: saisieMemoire(s, { numeroObjet: "MJ9999999999" }) }))._tag).toBe("MemoireIntrouvable");
      expect(gauche(await s.depot.creer({ acteur: s.demandeur, saisie: saisieMemoire(s), fichiers: [{ nomFichier: "note.txt", octets: new TextEncoder().encode("texte brut") }] }))._tag).toBe(
        "PieceRefusee",
      );
      expect(gauche(await s.depot.creer({ acteur: s.demandeur, saisie: { ...saisieMemoire(s), sousCategorie: "INCONNUE" } }))._tag).toBe("CategorieInconnue");
      expect([await compter("ticket"), await compter("entree_journal_ticket"), await compter("message_ticket")]).toEqual(avant);
    });

    it("stores attachments (metadata in the table, bytes in the store) and reads them back", async () => {
      const r = droite(await s.depot.creer({ acteur: s.demandeur, saisie: saisieCompte(s), fichiers: [{ nomFichier: "capture.png", octets: PNG }] }));
      const [piece] = r.ticket.piecesJointes;
      expect(piece).toMatchObject({ nomFichier: "capture.png", typeContenu: "image/png", taille: PNG.length });
      const lue = droite(await s.depot.lirePiece(r.ticket.id, piece?.id ?? ""));
      expect([...lue.octets]).toEqual([...PNG]);
      expect(gauche(await s.depot.lirePiece(r.ticket.id, "inconnue"))._tag).toBe("PieceIntrouvable");
      // ticket.joindre through a deposited file.
      const autre = droite(await s.depot.deposerPiece("suite.png", PNG));
      const t = await executer(r.ticket, { type: "ticket.joindre", pieceJointe: autre, acteur: s.demandeur });
      expect(droite(await s.depot.charger(t.id)).piecesJointes.map((p) => p.nomFichier)).toEqual(["capture.png", "suite.png"]);
    });

    it("runs the whole lifecycle through the machine, one journal row per event, the right messages in the outbox", async () => {
      let t = await creer(saisieMemoire(s));
      t = await executer(t, { type: "ticket.affecter", acteur: s.agentJuridiction });
      t = await executer(t, { type: "ticket.demander-informations", texte: "Merci de joindre la réquisition.", acteur: s.agentJuridiction });
      expect((await s.depot.ticketsEmis(s.demandeur.id, "ACTIONS_REQUISES")).lignes.map((l) => l.numero)).toContain(t.numero);
      t = await executer(t, { type: "ticket.completer", texte: "Réquisition jointe.", acteur: s.demandeur });
      t = await executer(t, { type: "ticket.noter", texte: `${MARQUEUR} appeler la régie`, acteur: s.agentJuridiction });
      t = await executer(t, { type: "ticket.proposer-solution", texte: "Paiement le 15.", acteur: s.agentJuridiction });
      t = await executer(t, { type: "ticket.refuser-solution", texte: "Toujours rien reçu.", acteur: s.demandeur });
      t = await executer(t, { type: "ticket.proposer-solution", texte: "Virement émis hier.", acteur: s.agentJuridiction });
      t = await executer(t, { type: "ticket.accepter-solution", acteur: s.demandeur });
      const relu = droite(await s.depot.charger(t.id));
      expect(encoder(relu)).toEqual(encoder(t));
      expect(relu.etat).toBe("CLOTURE");
      expect(relu.cloture).toBe("SOLUTION_ACCEPTEE");
      expect(relu.journal).toHaveLength(9);
      expect(relu.version).toBe(9);
      const [rangs] = await sqlDe(orm).lignes<{ n: unknown; max: unknown }>("SELECT count(*) AS n, max(rang) AS max FROM entree_journal_ticket WHERE ticket_id = ?", [t.id]);
      expect([Number(rangs?.n), Number(rangs?.max)]).toEqual([9, 9]);
      const sujets = (await s.depot.boiteDEnvoi.lister({ ticketId: t.id }, { limite: 50, decalage: 0 })).lignes.map((m) => m.message.sujet.replace(`[${t.numero}] `, "")).sort();
      expect(sujets).toEqual(
        [
          "Nouveau ticket",
          "Informations complémentaires demandées",
          "Informations complétées par le demandeur",
          "Une solution vous est proposée",
          "Solution refusée par le demandeur",
          "Une solution vous est proposée",
        ].sort(),
      );
      expect((await s.depot.ticketsEmis(s.demandeur.id, "CLOTURES")).lignes.map((l) => l.numero)).toContain(t.numero);
      // Closed is read-only.
      const refus = gauche(await s.depot.executer(t.id, t.version, { type: "ticket.commenter", texte: "Merci", acteur: s.demandeur }));
      expect(refus).toMatchObject({ _tag: "TransitionRefusee", garde: "ticketClos" });
    });

    it("refuses a stale version and a refused transition with typed errors, writing nothing", async () => {
      const t = await creer(saisieMemoire(s));
      const conflit = gauche(await s.depot.executer(t.id, t.version + 1, { type: "ticket.affecter", acteur: s.agentJuridiction }));
      expect(conflit).toMatchObject({ _tag: "ConflitDeVersion", entite: "ticket", versionAttendue: t.version + 1, versionTrouvee: t.version });
      const horsFile = gauche(await s.depot.executer(t.id, t.version, { type: "ticket.affecter", acteur: s.agentAilleurs }));
      expect(horsFile).toMatchObject({ _tag: "TransitionRefusee", garde: "acteurHorsFile" });
      const national = gauche(await s.depot.executer(t.id, t.version, { type: "ticket.affecter", acteur: s.agentNational }));
      expect(national).toMatchObject({ _tag: "TransitionRefusee", garde: "acteurHorsFile" });
      expect(gauche(await s.depot.executer("absent", 1, { type: "ticket.affecter", acteur: s.agentJuridiction }))._tag).toBe("TicketIntrouvable");
      const relu = droite(await s.depot.charger(t.id));
      expect(encoder(relu)).toEqual(encoder(t));
    });

    it("lets exactly one of ten concurrent assignments win; the others get ConflitDeVersion", async () => {
      const t = await creer(saisieMemoire(s));
      const agents = Array.from({ length: 10 }, (_, i) => ({ ...s.agentJuridiction, id: `a-concurrent-${i}` }));
      const resultats = await Promise.all(agents.map((a) => s.depot.executer(t.id, t.version, { type: "ticket.affecter", acteur: a })));
      expect(resultats.filter(Either.isRight)).toHaveLength(1);
      expect(resultats.filter(Either.isLeft).map((r) => gauche(r)._tag)).toEqual(Array.from({ length: 9 }, () => "ConflitDeVersion"));
      const relu = droite(await s.depot.charger(t.id));
      expect(relu.journal).toHaveLength(2);
      expect(relu.version).toBe(2);
    });

    it("reports a corrupted row instead of loading it", async () => {
      const t = await creer(saisieCompte(s));
      await sqlDe(orm).lignes("UPDATE ticket SET etat = 'PERDU', emetteur = ? WHERE id = ?", [JSON.stringify({ organisation: "x", email: "pas-un-email" }), t.id]);
      const erreur = gauche(await s.depot.charger(t.id));
      expect(erreur._tag).toBe("DonneesCorrompues");
      expect(erreur._tag === "DonneesCorrompues" && erreur.erreurs.map((e) => e.chemin)).toEqual(expect.arrayContaining(["etat", "emetteur.email"]));
      await sqlDe(orm).lignes("DELETE FROM ticket WHERE id = ?", [t.id]);
    });

    it("scopes the agents' reads to their queues, and the requester's to their own tickets; internal notes never reach the requester", async () => {
      let t = await creer(saisieMemoire(s));
      t = await executer(t, { type: "ticket.affecter", acteur: s.agentJuridiction });
      t = await executer(t, { type: "ticket.noter", texte: `${MARQUEUR} dossier sensible`, acteur: s.agentJuridiction });
      const vueAgent = droite(await s.depot.chargerPourAgent(t.id, s.agentJuridictionBis));
      expect(vueAgent.ticket.journal.some((e) => e.texte?.includes(MARQUEUR))).toBe(true);
      expect(vueAgent.actionsPermises).toEqual(expect.arrayContaining(["ticket.affecter", "ticket.noter", "ticket.transferer"]));
      expect(vueAgent.actionsPermises).not.toContain("ticket.proposer-solution");
      expect(vueAgent.memoire).toEqual({ id: s.memoire.id, numero: s.memoire.numero, etat: "ENVOYE" });
      expect(gauche(await s.depot.chargerPourAgent(t.id, s.agentAilleurs))._tag).toBe("TicketIntrouvable");
      expect(gauche(await s.depot.chargerPourAgent(t.id, s.agentNational))._tag).toBe("TicketIntrouvable");
      const vueDemandeur = droite(await s.depot.chargerPourDemandeur(t.id, s.demandeur));
      expect(JSON.stringify(vueDemandeur)).not.toContain(MARQUEUR);
      expect(JSON.stringify(vueDemandeur)).not.toContain(s.agentJuridiction.id);
      expect(vueDemandeur.statutMemoire).toBeDefined();
      expect(vueDemandeur.actionsPermises).toEqual(expect.arrayContaining(["ticket.commenter", "ticket.cloturer"]));
      expect(gauche(await s.depot.chargerPourDemandeur(t.id, s.simple))._tag).toBe("TicketIntrouvable");
      expect((await s.depot.ticketsEmis(s.demandeur.id, "TOUS", { motsCles: "sensible" })).lignes).toEqual([]);
      expect((await s.depot.fileDeTravail(s.agentJuridiction, { motsCles: "SENSIBLE" }, { colonne: "numero", sens: "asc" }, { limite: 10, decalage: 0 })).lignes.map((l) => l.id)).toEqual([t.id]);
    });

    it("answers the queues, the dashboard and the requester's tabs exactly like the domain's in-memory views", async () => {
      let t = await creer(saisieMemoire(s, { titre: "Élève à l'école", description: "Question sur un ÉTÉ" }));
      t = await executer(t, { type: "ticket.affecter", acteur: s.agentJuridiction });
      await executer(t, { type: "ticket.commenter", texte: "Réponse publique : régularisation", acteur: s.agentJuridiction });
      await creer(saisieCompte(s, { brouillon: true, titre: "", description: "" }));
      s.horloge.avancer(4);
      const maintenant = s.horloge.lire();
      const tous: Array<Ticket> = [];
      const ids = await sqlDe(orm).lignes<{ id: string }>("SELECT id FROM ticket");
      for (const { id } of ids) tous.push(droite(await s.depot.charger(id)));
      const tri = { colonne: "ouvertLe", sens: "asc" } as const;
      for (const agent of [s.agentJuridiction, s.agentNational, s.agentAilleurs]) {
        const page = await s.depot.fileDeTravail(agent, {}, tri, { limite: 1000, decalage: 0 });
        expect(page.lignes.map((l) => l.id).sort()).toEqual(fileDeTravail(agent, tous).map((x) => x.id).sort());
        expect(page.total).toBe(page.lignes.length);
        expect(await s.depot.tableauDeBord(agent, maintenant)).toEqual(tableauDeBord(agent, tous, maintenant));
        const premiere = await s.depot.fileDeTravail(agent, { etats: ETATS_OUVERTS }, tri, { limite: 2, decalage: 1 });
        expect(premiere.lignes.map((l) => l.id)).toEqual(page.lignes.slice(1, 3).map((l) => l.id));
      }
      const etats = new Map([[s.memoire.numero, s.memoire.etat]]);
      for (const demandeur of [s.demandeur, s.simple]) {
        for (const onglet of ONGLETS) {
          for (const motsCles of [undefined, "eleve", "ÉCOLE été", "regularisation", s.memoire.numero.toLowerCase(), "cprocs", "introuvable"]) {
            const attendu = ticketsEmis(tous, demandeur.id, { onglet, etatsMemoires: etats, ...(motsCles === undefined ? {} : { motsCles }) });
            const lu = await s.depot.ticketsEmis(demandeur.id, onglet, { ...(motsCles === undefined ? {} : { motsCles }), page: { limite: 1000, decalage: 0 } });
            expect(lu.lignes).toEqual(attendu);
            expect(lu.total).toBe(attendu.length);
          }
        }
        const compteurs = await s.depot.compteursOnglets(demandeur.id);
        for (const onglet of ONGLETS) expect(compteurs[onglet]).toBe(ticketsEmis(tous, demandeur.id, { onglet }).length);
      }
      const exporte = await s.depot.exporterTicketsEmis(s.demandeur.id, "TOUS");
      expect(exporte.entetes[0]).toBe("Numéro");
      expect(exporte.lignes).toHaveLength(ticketsEmis(tous, s.demandeur.id, { onglet: "TOUS" }).length);
      const file = await s.depot.exporterFile(s.agentJuridiction, {});
      expect(file.lignes).toHaveLength(fileDeTravail(s.agentJuridiction, tous).length);
    });

    it("keeps réponses types as data: the domain's starting set, checked variables, versioned changes", async () => {
      const liste = await s.depot.reponsesTypes.lister();
      expect(liste.map((r) => r.code)).toContain("PIECE_MANQUANTE");
      expect(gauche(await s.depot.reponsesTypes.enregistrer({ code: "MAUVAISE", titre: "Mauvaise", texte: "Bonjour {{inconnue}}" }))._tag).toBe("VariablesInconnues");
      const creee = droite(await s.depot.reponsesTypes.enregistrer({ code: "DELAI", titre: "Délai", texte: "Bonjour {{demandeur}}, ticket {{numero}}." }));
      expect(creee.version).toBe(1);
      expect(gauche(await s.depot.reponsesTypes.enregistrer({ code: "DELAI", titre: "Délai", texte: "x" }))._tag).toBe("ConflitDeVersion");
      const modifiee = droite(await s.depot.reponsesTypes.enregistrer({ code: "DELAI", titre: "Délai de traitement", texte: "Bonjour {{demandeur}}, ticket {{numero}}." }, 1));
      expect(modifiee.version).toBe(2);
      expect(gauche(await s.depot.reponsesTypes.enregistrer({ code: "DELAI", titre: "x", texte: "y" }, 1))._tag).toBe("ConflitDeVersion");
      const t = await creer(saisieCompte(s));
      expect(droite(await s.depot.reponsesTypes.remplirPour("DELAI", t))).toBe(`Bonjour ${t.emetteur.organisation}, ticket ${t.numero}.`);
      expect(gauche(await s.depot.reponsesTypes.remplirPour("ABSENTE", t))._tag).toBe("ReponseTypeIntrouvable");
    });

    it("property: a ticket saved then loaded is equal to the domain's, and the requester never sees an internal note", async () => {
      const texte = fc.constantFrom("Bonjour", "Précisions : réquisition n° 12", "  ", "", "Virement émis");
      const commande = fc.oneof(
        fc.constant<(x: Scene) => Commande>((x) => ({ type: "ticket.affecter", acteur: x.agentJuridiction })),
        fc.constant<(x: Scene) => Commande>((x) => ({ type: "ticket.affecter", acteur: x.agentNational })),
        texte.map((tx) => (x: Scene): Commande => ({ type: "ticket.demander-informations", texte: tx, acteur: x.agentJuridiction })),
        texte.map((tx) => (x: Scene): Commande => ({ type: "ticket.completer", texte: tx, acteur: x.demandeur })),
        texte.map((tx) => (x: Scene): Commande => ({ type: "ticket.proposer-solution", texte: tx, acteur: x.agentJuridiction })),
        texte.map((tx) => (x: Scene): Commande => ({ type: "ticket.proposer-solution", texte: tx, acteur: x.agentNational })),
        texte.map((tx) => (x: Scene): Commande => ({ type: "ticket.refuser-solution", texte: tx, acteur: x.demandeur })),
        fc.constant<(x: Scene) => Commande>((x) => ({ type: "ticket.accepter-solution", acteur: x.demandeur })),
        fc.constant<(x: Scene) => Commande>((x) => ({ type: "ticket.transferer", acteur: x.agentJuridiction })),
        texte.map((tx) => (x: Scene): Commande => ({ type: "ticket.commenter", texte: tx, acteur: x.demandeur })),
        fc.nat(1000).map((n) => (x: Scene): Commande => ({ type: "ticket.noter", texte: `${MARQUEUR}-${n}`, acteur: x.agentJuridiction })),
        fc.nat(1000).map((n) => (x: Scene): Commande => ({ type: "ticket.noter", texte: `${MARQUEUR}-${n}`, acteur: x.agentNational })),
        fc.constant<(x: Scene) => Commande>((x) => ({ type: "ticket.soumettre", acteur: x.demandeur })),
        fc.constant<(x: Scene) => Commande>((x) => ({ type: "ticket.cloturer", acteur: x.demandeur })),
      );
      let notes = 0;
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.boolean(), fc.array(commande, { maxLength: 12 }), async (surMemoire, brouillon, commandes) => {
          const saisie = surMemoire ? saisieMemoire(s, brouillon ? { brouillon: true } : {}) : saisieCompte(s, brouillon ? { brouillon: true } : {});
          let attendu = droite(await s.depot.creer({ acteur: s.demandeur, saisie })).ticket;
          for (const c of commandes) {
            s.horloge.avancer(0, 1000);
            const r = await s.depot.executer(attendu.id, attendu.version, c(s));
            if (Either.isRight(r)) attendu = r.right.ticket;
            else expect(["TransitionRefusee", "SaisieInvalide"]).toContain(r.left._tag);
          }
          const relu = droite(await s.depot.charger(attendu.id));
          expect(encoder(relu)).toEqual(encoder(attendu));
          expect(Schema.equivalence(TicketSchema)(relu, attendu)).toBe(true);
          notes += relu.journal.filter((e) => e.visibilite === "INTERNE").length;
          const vue = droite(await s.depot.chargerPourDemandeur(attendu.id, s.demandeur));
          expect(JSON.stringify(vue)).not.toContain(MARQUEUR);
          for (const onglet of ONGLETS) {
            const liste = await s.depot.ticketsEmis(s.demandeur.id, onglet, { motsCles: MARQUEUR, page: { limite: 5, decalage: 0 } });
            expect(liste.lignes).toEqual([]);
          }
          const messages = await s.depot.boiteDEnvoi.lister({ ticketId: attendu.id }, { limite: 100, decalage: 0 });
          expect(JSON.stringify(messages.lignes.filter((m) => m.message.audience === "DEMANDEUR"))).not.toContain(MARQUEUR);
        }),
        { numRuns: 25, seed: 20_260_302 },
      );
      expect(notes).toBeGreaterThan(0);
    });

    it("the date of a ticket survives the round trip to the millisecond", async () => {
      s.horloge.instant = new Date(T0.getTime() + 123);
      const t = await creer(saisieCompte(s));
      expect(droite(await s.depot.charger(t.id)).creeLe.getTime()).toBe(T0.getTime() + 123);
    });
  });
});
