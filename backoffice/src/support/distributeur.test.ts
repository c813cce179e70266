import type { AccuseEnvoi, Expediteur, Message } from "@frais-justice/support";
import { ExpediteurSmtp } from "@frais-justice/support/adapters";
import { Either } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import { transportEspion } from "../test-support/courriels.js";
import { configurationSmtpDepuis, DistributeurMessages } from "./distributeur.js";
import { monterScene, saisieCompte, saisieMemoire, type Scene } from "./tickets.fixtures.js";

describe.each(BASES)("distribution de la boîte d'envoi sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("distributeur", () => {
    let orm: Orm;
    let s: Scene;
    let detruire: () => Promise<void>;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      s = await monterScene(orm, 13);
    });
    afterAll(async () => {
      await detruire();
      s.nettoyer();
    });

    const enAttente = async () => (await s.depot.boiteDEnvoi.lister({ statut: "EN_ATTENTE" }, { limite: 100, decalage: 0 })).total;

    it("keeps the messages in the outbox without SMTP settings (the embedded default)", async () => {
      Either.getOrThrow(await s.depot.creer({ acteur: s.demandeur, saisie: saisieMemoire(s) }));
      const avant = await enAttente();
      expect(avant).toBeGreaterThan(0);
      const distributeur = new DistributeurMessages(s.depot.boiteDEnvoi, undefined);
      expect(distributeur.actif).toBe(false);
      expect(await distributeur.distribuer()).toEqual({ envoyes: 0, echecs: 0, dejaPris: 0 });
      expect(await enAttente()).toBe(avant);
    });

    it("sends them through nodemailer (stream transport) and marks them sent with the SMTP message id, once", async () => {
      Either.getOrThrow(await s.depot.creer({ acteur: s.demandeur, saisie: saisieCompte(s) }));
      const { transport, mails } = transportEspion();
      const smtp = new ExpediteurSmtp({ hote: "localhost", port: 2525, securise: false, expediteur: "Support <support@justice.example>" }, transport);
      const le = new Date("2026-03-05T10:00:00.000Z");
      const attendus = await enAttente();
      const distributeur = new DistributeurMessages(s.depot.boiteDEnvoi, smtp, { horloge: () => le });
      const [a, b] = await Promise.all([distributeur.distribuer(), distributeur.distribuer()]);
      expect(a).toBe(b);
      expect(a?.envoyes).toBe(attendus);
      expect(mails).toHaveLength(attendus);
      expect(mails.join("\n")).toContain("Subject: [CPROCS");
      expect(await enAttente()).toBe(0);
      const envoyes = (await s.depot.boiteDEnvoi.lister({ statut: "ENVOYE" }, { limite: 100, decalage: 0 })).lignes;
      expect(envoyes.every((m) => m.envoyeLe?.getTime() === le.getTime() && /^<.+>$/.test(m.identifiantTransport ?? "") && m.tentatives === 1)).toBe(true);
      // A second instance finds nothing left to send.
      expect((await new DistributeurMessages(s.depot.boiteDEnvoi, smtp).distribuer()).envoyes).toBe(0);
      smtp.fermer();
    });

    it("records a failure with its reason and retries until the maximum of attempts", async () => {
      Either.getOrThrow(await s.depot.creer({ acteur: s.demandeur, saisie: saisieCompte(s) }));
      let appels = 0;
      const enPanne: Expediteur = {
        envoyer: (_m: Message): Promise<AccuseEnvoi> => {
          appels += 1;
          return Promise.reject(new Error("connexion refusée par le serveur SMTP"));
        },
      };
      const distributeur = new DistributeurMessages(s.depot.boiteDEnvoi, enPanne, { tentativesMax: 2 });
      expect((await distributeur.distribuer()).echecs).toBe(1);
      expect((await distributeur.distribuer()).echecs).toBe(1);
      expect((await distributeur.distribuer()).echecs).toBe(0);
      expect(appels).toBe(2);
      const [echec] = (await s.depot.boiteDEnvoi.lister({ statut: "ECHEC" }, { limite: 10, decalage: 0 })).lignes;
      expect(echec).toMatchObject({ statut: "ECHEC", tentatives: 2, derniereErreur: "connexion refusée par le serveur SMTP" });
    });

    it("reports a message row with an unknown state instead of showing it as another", async () => {
      const [un] = (await s.depot.boiteDEnvoi.lister({}, { limite: 1, decalage: 0 })).lignes;
      if (un === undefined) throw new Error("aucun message");
      await sqlDe(orm).lignes("UPDATE message_ticket SET statut = 'PERDU' WHERE id = ?", [un.id]);
      await expect(s.depot.boiteDEnvoi.lister({ ticketId: un.ticketId }, { limite: 10, decalage: 0 })).rejects.toMatchObject({ _tag: "DonneesCorrompues", table: "message_ticket", id: un.id });
      await sqlDe(orm).lignes("UPDATE message_ticket SET statut = ? WHERE id = ?", [un.statut, un.id]);
    });
  });
});

describe("SMTP settings from the environment", () => {
  it("is the embedded outbox without FJ_SMTP_HOTE, SMTP otherwise", () => {
    expect(configurationSmtpDepuis({})).toBeUndefined();
    expect(configurationSmtpDepuis({ FJ_SMTP_HOTE: "smtp.example.fr", FJ_SMTP_UTILISATEUR: "u", FJ_SMTP_MOT_DE_PASSE: "p", FJ_SMTP_EXPEDITEUR: "Support <s@example.fr>" })).toEqual({
      hote: "smtp.example.fr",
      port: 587,
      securise: false,
      utilisateur: "u",
      motDePasse: "p",
      expediteur: "Support <s@example.fr>",
    });
    expect(configurationSmtpDepuis({ FJ_SMTP_HOTE: "smtp.example.fr", FJ_SMTP_PORT: "465", FJ_SMTP_SECURISE: "oui" })).toMatchObject({ port: 465, securise: true });
    expect(() => configurationSmtpDepuis({ FJ_SMTP_HOTE: "smtp.example.fr", FJ_SMTP_PORT: "quatre" })).toThrow(/FJ_SMTP_PORT/);
  });
});
