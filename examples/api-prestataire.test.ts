import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlDe } from "../backoffice/src/base/sql.js";
import { bancApi, COMPTES, coteJuridiction, PDF, type BancApi } from "../backoffice/src/api/test-support.js";
import { main, ProblemeApi } from "./api-prestataire.js";

/**
 * Runs the provider's script against a real back-office API on a free port; between two polls the
 * court side moves the mémoire one step through the repository (transmission, certification,
 * validation, mise en paiement), as the agents would in the back-office.
 */
let banc: BancApi;
let serveur: Server;
let baseUrl: string;

beforeAll(async () => {
  banc = await bancApi();
  serveur = createServer(banc.app);
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  baseUrl = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((ok) => serveur.close(() => ok()));
  await banc.detruire();
});

const ETAPES = ["transmettre", "certifier", "validerPaiement", "mettreEnPaiement"] as const;

describe("exemple : un prestataire dépose un mémoire par l'API et suit son paiement", () => {
  it("creates, attaches, sends (certificat de dépôt verified), and polls until paid", async () => {
    const lignes: Array<string> = [];
    const idDuMemoire = async (): Promise<string> => {
      const [m] = await sqlDe(banc.orm).lignes<{ id: string }>("SELECT id FROM memoire WHERE etat <> 'BROUILLON' ORDER BY envoye_le DESC LIMIT 1");
      if (m === undefined) throw new Error("aucun mémoire envoyé");
      return m.id;
    };
    const resultat = await main({
      baseUrl,
      email: COMPTES.a.email,
      motDePasse: COMPTES.a.motDePasse,
      juridiction: "750",
      requisition: PDF,
      // The court acts on every other poll: the script also sees polls with no change.
      attendre: async (tentative) => {
        const etape = tentative % 2 === 0 ? ETAPES[tentative / 2 - 1] : undefined;
        if (etape !== undefined) await coteJuridiction(banc.orm, await idDuMemoire(), [etape]);
      },
      journal: (l) => lignes.push(l),
    });
    expect(resultat.numeroProvisoire).toMatch(/^TMP\d{12}$/);
    expect(resultat.numero).toMatch(/^MJ\d{10}$/);
    expect(resultat.empreinte).toHaveLength(44);
    expect(resultat.certificatValide).toBe(true);
    // Court-side steps show as « Mis à disposition » to the prestataire (docs/vues-memoire.md).
    expect(resultat.statuts).toEqual(["ENVOYE", "MIS_A_DISPOSITION", "MIS_EN_PAIEMENT"]);
    expect(resultat.listeFiscale).toEqual([{ numero: resultat.numero, montantTtc: "379.80" }]);
    expect(lignes).toContain("   certificat de dépôt vérifié");
  }, 60_000);

  it("reports the API's problem (tag and detail) when the account's password is wrong", async () => {
    const echec = main({ baseUrl, email: COMPTES.a.email, motDePasse: "faux", juridiction: "750", requisition: PDF, attendre: () => Promise.resolve(), journal: () => undefined });
    await expect(echec).rejects.toBeInstanceOf(ProblemeApi);
    await expect(echec).rejects.toMatchObject({ status: 401, probleme: { tag: "IdentifiantsInvalides" } });
  });
});
