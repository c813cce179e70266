import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import request from "supertest";
import { sqlDe } from "../base/sql.js";
import { DepotVues } from "../memoire/memoire.vues.repository.js";
import { bancApi, COMPTES, enTeteValide, j, ligneValide, PDF, type BancApi } from "./test-support.js";

let banc: BancApi;
let jetonA: string;
const auth = () => ({ Authorization: `Bearer ${jetonA}` });

beforeAll(async () => {
  banc = await bancApi({ requetesParMinute: 1000 });
  jetonA = await banc.jeton("a");
}, 60_000);
afterAll(async () => banc.detruire());

const evenements = async (id: string) => sqlDe(banc.orm).lignes<{ commande: string }>("SELECT commande FROM evenement_memoire WHERE memoire_id = ? ORDER BY rang", [id]);

describe("API tokens", () => {
  it("creates a token with e-mail and password, shows it once, stores only its SHA-256", async () => {
    const r = await request(banc.app).post("/api/v1/jetons").send({ email: COMPTES.a.email.toUpperCase(), motDePasse: COMPTES.a.motDePasse, libelle: "script de facturation", dureeJours: 30 });
    expect(r.status).toBe(201);
    expect(j(r).jeton).toMatch(/^fjt_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(j(r).expireLe) - Date.parse(j(r).creeLe)).toBe(30 * 86_400_000);
    const stockes = await sqlDe(banc.orm).lignes<Record<string, unknown>>("SELECT * FROM jeton_api");
    expect(JSON.stringify(stockes)).not.toContain(j(r).jeton);
    const liste = await request(banc.app).get("/api/v1/jetons").set("Authorization", `Bearer ${j(r).jeton}`);
    expect(liste.status).toBe(200);
    expect(j(liste).elements.map((x) => x.libelle)).toContain("script de facturation");
    expect(JSON.stringify(j(liste))).not.toContain(j(r).jeton);
  });

  it("answers the same 401 problem for a wrong password and an unknown e-mail, and counts the failure", async () => {
    const faux = await request(banc.app).post("/api/v1/jetons").send({ email: COMPTES.b.email, motDePasse: "pas-le-bon-mot-de-passe" });
    const inconnu = await request(banc.app).post("/api/v1/jetons").send({ email: "personne@nulle-part.example", motDePasse: "x" });
    for (const r of [faux, inconnu]) {
      expect(r.status).toBe(401);
      expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(j(r)).toMatchObject({ status: 401, tag: "IdentifiantsInvalides", type: "urn:frais-justice:probleme:IdentifiantsInvalides" });
    }
    expect(j(faux).detail).toBe(j(inconnu).detail);
    const [u] = await sqlDe(banc.orm).lignes<{ donnees: string }>("SELECT donnees FROM utilisateur WHERE id = ?", [COMPTES.b.id]);
    expect((JSON.parse(u?.donnees ?? "{}") as { echecsConnexion: number }).echecsConnexion).toBe(1);
  });

  it("refuses a missing, malformed, unknown or revoked bearer token with 401 and WWW-Authenticate", async () => {
    const sans = await request(banc.app).get("/api/v1/structures");
    expect(sans.status).toBe(401);
    expect(sans.headers["www-authenticate"]).toMatch(/^Bearer realm="frais-justice"/);
    expect(j(sans).tag).toBe("AuthentificationRequise");
    const inconnu = await request(banc.app).get("/api/v1/structures").set("Authorization", "Bearer fjt_inconnu");
    expect(j(inconnu).tag).toBe("JetonInvalide");
    const cree = await request(banc.app).post("/api/v1/jetons").send({ email: COMPTES.a.email, motDePasse: COMPTES.a.motDePasse });
    const bearer = { Authorization: `Bearer ${j(cree).jeton}` };
    expect((await request(banc.app).get("/api/v1/structures").set(bearer)).status).toBe(200);
    const revoque = await request(banc.app).delete(`/api/v1/jetons/${j(cree).id}`).set(bearer);
    expect(revoque.status).toBe(200);
    expect(j(revoque).actif).toBe(false);
    const apres = await request(banc.app).get("/api/v1/structures").set(bearer);
    expect(apres.status).toBe(401);
    expect(apres.headers["www-authenticate"]).toContain('error="invalid_token"');
  });

  it("does not let a user revoke another user's token (404)", async () => {
    const jetonB = await banc.jeton("b");
    const tokenB = j(await request(banc.app).get("/api/v1/jetons").set("Authorization", `Bearer ${jetonB}`)).elements[0];
    const r = await request(banc.app).delete(`/api/v1/jetons/${tokenB.id}`).set(auth());
    expect(r.status).toBe(404);
    expect((await request(banc.app).get("/api/v1/structures").set("Authorization", `Bearer ${jetonB}`)).status).toBe(200);
  });
});

describe("structures and prérequis", () => {
  it("lists the caller's structures only, with their prérequis", async () => {
    const r = await request(banc.app).get("/api/v1/structures").set(auth());
    expect(r.status).toBe(200);
    expect(j(r).elements.map((s) => s.id)).toEqual(["structure-a"]);
    expect(j(r).elements[0]).toMatchObject({ roles: ["GESTIONNAIRE_PRINCIPAL"], memoires: { consultation: true, modification: true }, prerequis: { remplis: true, manquants: [] } });
  });
});

describe("a draft's life through the API", () => {
  it("creates, edits with If-Match, attaches, sends, and returns the certificat de dépôt; every change is an audit event", async () => {
    const cree = await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: enTeteValide(), lignes: [ligneValide()] });
    expect(cree.status).toBe(201);
    expect(cree.headers["etag"]).toBe('"1"');
    expect(j(cree)).toMatchObject({ etat: "BROUILLON", statutVisible: "BROUILLON", enTete: { modeDepot: "API", juridiction: { code: "750", courAppel: "CA-PARIS" } } });
    expect(j(cree).numero).toMatch(/^TMP\d{12}$/);
    const id = j(cree).id as string;
    expect(cree.headers["location"]).toBe(`/api/v1/memoires/${id}`);

    const sansVersion = await request(banc.app).post(`/api/v1/memoires/${id}/lignes`).set(auth()).send(ligneValide("100"));
    expect(sansVersion.status).toBe(428);
    const perimee = await request(banc.app).post(`/api/v1/memoires/${id}/lignes`).set(auth()).set("If-Match", '"7"').send(ligneValide("100"));
    expect(perimee.status).toBe(412);
    expect(j(perimee)).toMatchObject({ tag: "ConflitDeVersion", versionCourante: 1 });
    const ajout = await request(banc.app).post(`/api/v1/memoires/${id}/lignes`).set(auth()).set("If-Match", cree.headers["etag"] as string).send(ligneValide("100"));
    expect(ajout.status).toBe(200);
    expect(ajout.headers["etag"]).toBe('"2"');
    expect(j(ajout).lignes).toHaveLength(2);
    expect(j(ajout).montants.montantTtc).toBe("499.80");

    const invalide = await request(banc.app).put(`/api/v1/memoires/${id}/lignes/${j(ajout).lignes[1].id}`).set(auth()).set("If-Match", '"2"').send({ ...ligneValide(), tauxTva: "7", quantite: "-1" });
    expect(invalide.status).toBe(422);
    expect(j(invalide).tag).toBe("SaisieInvalide");
    expect(j(invalide).erreurs.map((e) => e.chemin).toSorted()).toEqual(["ligne.quantite", "ligne.tauxTva"]);

    const piece = await request(banc.app)
      .post(`/api/v1/memoires/${id}/pieces-jointes`)
      .set(auth())
      .set("If-Match", '"2"')
      .field("designation", "Réquisition")
      .field("type", "REQUISITION")
      .field("ligneId", j(ajout).lignes[0].id)
      .attach("fichier", PDF, { filename: "requisition.pdf", contentType: "application/pdf" });
    expect(piece.status).toBe(201);
    expect(j(piece).piecesJointes).toHaveLength(1);
    expect(j(piece).piecesJointes[0]).toMatchObject({ typeContenu: "application/pdf", taille: PDF.length, origine: "MEMOIRE" });

    const envoi = await request(banc.app).post(`/api/v1/memoires/${id}/envoi`).set(auth()).set("If-Match", '"3"').send({ attestationSurLHonneur: true });
    expect(envoi.status).toBe(200);
    expect(j(envoi).memoire).toMatchObject({ etat: "ENVOYE", statutVisible: "ENVOYE" });
    expect(j(envoi).certificat.numero).toMatch(/^MJ\d{10}$/);
    expect(j(envoi).certificat.montants.montantTtc).toBe("499.80");
    expect(j(envoi).certificat.empreinte).toHaveLength(44);

    const verifie = await request(banc.app).post("/api/v1/certificats/verification").set(auth()).send(j(envoi).certificat);
    expect(j(verifie)).toMatchObject({ valide: true, ecarts: [] });
    const falsifie = await request(banc.app).post("/api/v1/certificats/verification").set(auth()).send({ ...(j(envoi).certificat as object), montants: { ...(j(envoi).certificat.montants as object), montantTtc: "999.80" } });
    expect(j(falsifie).valide).toBe(false);
    expect(j(falsifie).ecarts.map((e) => e.champ)).toContain("montants.montantTtc");

    const lu = await request(banc.app).get(`/api/v1/memoires/${id}`).set(auth());
    expect(lu.headers["etag"]).toBe('"4"');
    expect(j(lu).historique.map((e) => e.commande)).toEqual(["memoire.creer", "memoire.ajouter-ligne", "memoire.joindre-piece", "memoire.valider-et-envoyer"]);
    expect((await evenements(id)).map((e) => e.commande)).toEqual(j(lu).historique.map((e) => e.commande));
    const certificat = await request(banc.app).get(`/api/v1/memoires/${id}/certificat`).set(auth());
    expect(j(certificat)).toEqual(j(envoi).certificat);

    const modifierEnvoye = await request(banc.app).put(`/api/v1/memoires/${id}/remise-globale`).set(auth()).set("If-Match", '"4"').send({ remiseGlobaleTtc: "1.00" });
    expect(modifierEnvoye.status).toBe(409);
    expect(j(modifierEnvoye)).toMatchObject({ tag: "TransitionRefusee", garde: "etatIncompatible" });
  });

  it("lets exactly one of concurrent writers with the same If-Match win; the others get 412 and nothing of theirs is written", async () => {
    const cree = await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: enTeteValide(), lignes: [ligneValide()] });
    const id = String(j(cree).id);
    const reponses = await Promise.all(
      ["10", "20", "30", "40", "50"].map((tarif) => request(banc.app).post(`/api/v1/memoires/${id}/lignes`).set(auth()).set("If-Match", '"1"').send(ligneValide(tarif))),
    );
    expect(reponses.map((r) => r.status).toSorted()).toEqual([200, 412, 412, 412, 412]);
    expect(reponses.filter((r) => r.status === 412).every((r) => j(r).tag === "ConflitDeVersion")).toBe(true);
    const lu = await request(banc.app).get(`/api/v1/memoires/${id}`).set(auth());
    expect(lu.headers["etag"]).toBe('"2"');
    expect(j(lu).lignes).toHaveLength(2);
    expect((await evenements(id)).map((e) => e.commande)).toEqual(["memoire.creer", "memoire.ajouter-ligne"]);
  });

  it("deletes a draft (204) and then no longer finds it", async () => {
    const cree = await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: enTeteValide() });
    const id = j(cree).id as string;
    expect((await request(banc.app).delete(`/api/v1/memoires/${id}`).set(auth()).set("If-Match", '"1"')).status).toBe(204);
    expect((await request(banc.app).get(`/api/v1/memoires/${id}`).set(auth())).status).toBe(404);
    expect((await evenements(id)).map((e) => e.commande)).toEqual(["memoire.creer", "memoire.supprimer"]);
  });

  it("names the missing fields and the failed rule when sending an incomplete draft", async () => {
    const cree = await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: { juridiction: "750", structureId: "structure-a" } });
    const vide = await request(banc.app).post(`/api/v1/memoires/${j(cree).id}/envoi`).set(auth()).set("If-Match", '"1"').send({ attestationSurLHonneur: true });
    expect(vide.status).toBe(422);
    expect(j(vide)).toMatchObject({ tag: "TransitionRefusee", garde: "auMoinsUneLigne" });
  });

  it("lets a consultation-only user read but not write (403)", async () => {
    const cree = await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: enTeteValide(), lignes: [ligneValide()] });
    const lecteur = { Authorization: `Bearer ${await banc.jeton("lecteur")}` };
    expect((await request(banc.app).get(`/api/v1/memoires/${j(cree).id}`).set(lecteur)).status).toBe(200);
    const ecrire = await request(banc.app).post(`/api/v1/memoires/${j(cree).id}/lignes`).set(lecteur).set("If-Match", '"1"').send(ligneValide());
    expect(ecrire.status).toBe(403);
    expect(j(ecrire)).toMatchObject({ tag: "TransitionRefusee", garde: "acteurNonAutorise" });
    expect((await evenements(j(cree).id)).map((e) => e.commande)).toEqual(["memoire.creer"]);
  });
});

describe("problems, limits and pagination", () => {
  it("answers malformed JSON, an oversized body and a deep body with problems", async () => {
    const malforme = await request(banc.app).post("/api/v1/memoires").set(auth()).set("Content-Type", "application/json").send('{"enTete": ');
    expect(malforme.status).toBe(400);
    expect(j(malforme).tag).toBe("JsonMalforme");
    const gros = await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: { texteReference: "x".repeat(200_000) } });
    expect(gros.status).toBe(413);
    expect(j(gros).tag).toBe("CorpsTropVolumineux");
    let profond: unknown = 1;
    for (let i = 0; i < 40; i++) profond = { a: profond };
    const imbrique = await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: profond });
    expect(imbrique.status).toBe(400);
    expect(j(imbrique).tag).toBe("CorpsTropImbrique");
    const inconnue = await request(banc.app).get("/api/v1/nulle-part").set(auth());
    expect(inconnue.status).toBe(404);
    expect(j(inconnue).tag).toBe("RessourceInconnue");
  });

  it("says when the search count was capped: totalExact false means more than total", async () => {
    for (let i = 0; i < 3; i++) await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: enTeteValide(), lignes: [ligneValide()] });
    const exact = await request(banc.app).get("/api/v1/memoires?statut=BROUILLON&limit=2").set(auth());
    expect(j(exact).totalExact).toBe(true);
    expect(j(exact).total).toBeGreaterThanOrEqual(3);
    // The national cap is 10,000; the same count stopped at 2 stands for it here.
    const rechercher = Reflect.get<DepotVues, "rechercher">(DepotVues.prototype, "rechercher");
    const plafonne = vi.spyOn(DepotVues.prototype, "rechercher").mockImplementation(function (this: DepotVues, criteres, restriction) {
      return rechercher.call(this, criteres, restriction, 2);
    });
    try {
      const r = await request(banc.app).get("/api/v1/memoires?statut=BROUILLON&limit=2").set(auth());
      expect(r.status).toBe(200);
      expect(j(r).total).toBe(2);
      expect(j(r).totalExact).toBe(false);
      expect(j(r).elements).toHaveLength(2);
    } finally {
      plafonne.mockRestore();
    }
  });

  it("pages the search with page/limit, a Link header and liens", async () => {
    for (let i = 0; i < 3; i++) await request(banc.app).post("/api/v1/memoires").set(auth()).send({ enTete: enTeteValide(), lignes: [ligneValide()] });
    const p1 = await request(banc.app).get("/api/v1/memoires?statut=BROUILLON&limit=2").set(auth());
    expect(p1.status).toBe(200);
    expect(j(p1).elements).toHaveLength(2);
    expect(j(p1).total).toBeGreaterThanOrEqual(3);
    expect(j(p1).liens.next).toBe("/api/v1/memoires?statut=BROUILLON&page=2&limit=2");
    expect(p1.headers["link"]).toContain('rel="next"');
    const p2 = await request(banc.app).get(j(p1).liens.next).set(auth());
    expect(j(p2).page).toBe(2);
    expect(j(p2).elements.map((e) => e.id)).not.toContain(j(p1).elements[0].id);
    const mauvais = await request(banc.app).get("/api/v1/memoires?limit=500&statut=PERDU").set(auth());
    expect(mauvais.status).toBe(422);
    expect(j(mauvais).erreurs.map((e) => e.chemin)).toContain("limit");
  });

  it("limits requests per token with a 429 problem, other tokens unaffected", async () => {
    const petit = await bancApi({ requetesParMinute: 3 });
    try {
      const jeton = await petit.jeton("a");
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await request(petit.app).get("/api/v1/structures").set("Authorization", `Bearer ${jeton}`)).status);
      expect(codes).toEqual([200, 200, 200, 429]);
      const trop = await request(petit.app).get("/api/v1/structures").set("Authorization", `Bearer ${jeton}`);
      expect(j(trop).tag).toBe("TropDeRequetes");
      expect(trop.headers["retry-after"]).toBeDefined();
      expect((await request(petit.app).get("/api/v1/structures").set("Authorization", `Bearer ${await petit.jeton("b")}`)).status).toBe(200);
    } finally {
      await petit.detruire();
    }
  }, 30_000);
});
