import type { RequestHandler } from "express";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ecrireLotGenere } from "../flux/flux.generateur.js";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { routesFlux } from "./flux.routes.js";
import { bancApi, COMPTES } from "./test-support.js";

const SIRET_A = "73282932000074";

describe("API : dépôt flux", () => {
  let banc: Awaited<ReturnType<typeof bancApi>>;
  let routeur: RequestHandler | undefined;
  beforeAll(async () => {
    banc = await bancApi({ routeurs: { "/flux": (req, res, next) => (routeur === undefined ? next() : routeur(req, res, next)) } });
    routeur = routesFlux({ orm: banc.orm, stockage: new StockagePieces(join(banc.dossier, "pieces")), dossierLots: join(banc.dossier, "lots") });
  });
  afterAll(async () => banc.detruire());

  const lot = async (id: string, utilisateur: string = COMPTES.a.email, n = 12): Promise<string> => {
    const fichier = join(banc.dossier, `${id}.xml`);
    await ecrireLotGenere(fichier, { id, n, identifiant: SIRET_A, utilisateur, juridiction: "750", jour: new Date(), graine: 2, invalideTous: 4 });
    return fichier;
  };
  const deposer = async (fichier: string, compte: keyof typeof COMPTES = "a") =>
    request(banc.app).post("/api/v1/flux").set("Authorization", `Bearer ${await banc.jeton(compte)}`).attach("lot", fichier);
  const lire = async (chemin: string, compte: keyof typeof COMPTES = "a") => request(banc.app).get(`/api/v1/flux${chemin}`).set("Authorization", `Bearer ${await banc.jeton(compte)}`);

  it("uploads a lot (202 + Location), is polled until processed, and gives its compte rendu", async () => {
    const r = await deposer(await lot("API-1"));
    expect(r.status).toBe(202);
    expect(r.headers["location"]).toBe("/api/v1/flux/API-1");
    expect(r.body).toMatchObject({ lot: { id: "API-1", emetteur: { identifiant: SIRET_A, utilisateur: COMPTES.a.email }, canal: "API" } });
    let statut = "";
    for (let i = 0; i < 200 && !["IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_REJETE"].includes(statut); i += 1) {
      await new Promise((ok) => setTimeout(ok, 100));
      const p = await lire("/API-1");
      expect(p.status).toBe(200);
      statut = String((p.body as { lot: { statut: string } }).lot.statut);
    }
    expect(statut).toBe("IN_INTEGRE_PARTIEL");
    const cr = await lire("/API-1/compte-rendu");
    expect(cr.status).toBe(200);
    expect(cr.body).toMatchObject({ totaux: { memoires: 12, integres: 9, rejetes: 3 } });
    const elements = (cr.body as { elements: ReadonlyArray<{ resultat: string; numero?: string; erreurs?: ReadonlyArray<{ chemin: string }> }> }).elements;
    expect(elements.filter((e) => e.resultat === "REJETE").map((e) => e.erreurs?.[0]?.chemin)).toEqual(["lignes[0].tauxTva", "lignes[0].tauxTva", "lignes[0].tauxTva"]);
    expect(elements.filter((e) => e.resultat === "INTEGRE").every((e) => /^MJ\d{10}$/.test(e.numero ?? ""))).toBe(true);
  }, 60_000);

  it("another structure's token never reaches the lot (404), and a lot in another user's name is refused (403, nothing stored)", async () => {
    expect((await lire("/API-1", "b")).status).toBe(404);
    expect((await lire("/API-1/compte-rendu", "b")).status).toBe(404);
    expect((await lire("/INCONNU")).status).toBe(404);
    const r = await deposer(await lot("API-2", COMPTES.b.email));
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ tag: "NonAutorise" });
    expect((await lire("/API-2")).status).toBe(404);
  }, 60_000);

  it("an unreadable file is a 422 problem with its position; the same lot id with another content a 409", async () => {
    const casse = join(banc.dossier, "casse.xml");
    writeFileSync(casse, "<?xml version=\"1.0\"?>\n<lot xmlns=\"urn:frais-justice:flux-memoires:1\" id=\"API-3\" version=\"1\"><emetteur");
    const r = await deposer(casse);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ tag: "FluxIllisible", ligne: 2 });
    const autre = join(banc.dossier, "autre.xml");
    await ecrireLotGenere(autre, { id: "API-1", n: 3, identifiant: SIRET_A, utilisateur: COMPTES.a.email, juridiction: "750", jour: new Date(), graine: 8 });
    const doublon = await deposer(autre);
    expect(doublon.status).toBe(409);
    expect(doublon.body).toMatchObject({ tag: "LotDejaRecu" });
    expect((await request(banc.app).post("/api/v1/flux").attach("lot", autre)).status).toBe(401);
  }, 60_000);
});
