import { createTransport } from "nodemailer";
import { describe, expect, it } from "vitest";
import { BoiteDEnvoi, ExpediteurSmtp } from "./index.js";

/** A stream transport (no network) keeping each mail as sent, headers included. */
const espion = () => {
  const flux = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const mails: Array<string> = [];
  const transport = {
    sendMail: async (options: Parameters<typeof flux.sendMail>[0]) => {
      const info = await flux.sendMail(options);
      mails.push(Buffer.from(info.message as Buffer).toString("utf8"));
      return info;
    },
    close: () => flux.close(),
  } as unknown as typeof flux;
  return { transport, mails };
};

const message = { destinataire: "a@example.fr", audience: "DEMANDEUR" as const, sujet: "[CPROCS0000001] Test", texte: "Bonjour", ticketNumero: "CPROCS0000001", entreeId: "e1" };

describe("adapters", () => {
  it("the outbox keeps the messages in order, numbered, with the clock's instant", async () => {
    const le = new Date("2026-03-02T09:00:00Z");
    const boite = new BoiteDEnvoi(() => le);
    const accuse = await boite.envoyer(message);
    await boite.envoyer({ ...message, destinataire: "b@example.fr" });
    expect(accuse.identifiant).toBe("boite-000001");
    expect(boite.messages.map((m) => [m.identifiant, m.message.destinataire, m.le])).toEqual([
      ["boite-000001", "a@example.fr", le],
      ["boite-000002", "b@example.fr", le],
    ]);
    expect(boite.pour("b@example.fr")).toHaveLength(1);
  });

  it("the SMTP sender hands a plain-text UTF-8 mail to nodemailer (stream transport: no network)", async () => {
    const transport = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    const smtp = new ExpediteurSmtp({ hote: "localhost", port: 2525, securise: false, expediteur: "Support <support@example.fr>" }, transport);
    const accuse = await smtp.envoyer({ ...message, texte: "Votre mémoire est certifié." });
    expect(accuse.identifiant).toMatch(/^<.+>$/);
    smtp.fermer();
  });

  it("the SMTP sender's mail has the sender, recipient, subject and text", async () => {
    const { transport, mails: infos } = espion();
    await new ExpediteurSmtp({ hote: "localhost", port: 2525, securise: false, expediteur: "Support <support@example.fr>" }, transport).envoyer(message);
    expect(infos[0]).toContain("From: Support <support@example.fr>");
    expect(infos[0]).toContain("To: a@example.fr");
    expect(infos[0]).toContain("Subject: [CPROCS0000001] Test");
    expect(infos[0]).toContain("Bonjour");
  });

  it("the SMTP sender sends any e-mail, not only a ticket's message", async () => {
    const { transport, mails: textes } = espion();
    const courriel = { destinataire: "prestataire@example.fr", sujet: "Ordonnance de taxe", texte: "Montant taxé" };
    const accuse = await new ExpediteurSmtp({ hote: "localhost", port: 2525, securise: false, expediteur: "Greffe <greffe@example.fr>" }, transport).envoyer(courriel);
    expect(accuse.message).toBe(courriel);
    expect(textes[0]).toContain("To: prestataire@example.fr");
    expect(textes[0]).toContain("Subject: Ordonnance de taxe");
  });
});
