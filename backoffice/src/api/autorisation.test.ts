import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlDe } from "../base/sql.js";
import { bancApi, coteJuridiction, enTeteValide, j, ligneValide, PDF, type BancApi } from "./test-support.js";

/**
 * A token never reaches another structure's data: every endpoint family answered for a mémoire,
 * structure or certificate of structure A with the token of structure B's gestionnaire is a 404
 * identical to the one of something that does not exist, lists and counts leave A out, and
 * nothing of A changes.
 */

let banc: BancApi;
let a: { Authorization: string };
let b: { Authorization: string };
let brouillonA: string;
let refuseA: string;
let envoyeA: { id: string; numero: string; certificat: object };

const etatDe = async (id: string) => {
  const sql = sqlDe(banc.orm);
  const [m] = await sql.lignes<{ version: unknown; etat: string }>("SELECT version, etat FROM memoire WHERE id = ?", [id]);
  const [n] = await sql.lignes<{ n: unknown }>("SELECT count(*) AS n FROM evenement_memoire WHERE memoire_id = ?", [id]);
  const [p] = await sql.lignes<{ n: unknown }>("SELECT count(*) AS n FROM piece_jointe WHERE memoire_id = ?", [id]);
  return { version: Number(m?.version), etat: m?.etat, evenements: Number(n?.n), pieces: Number(p?.n) };
};

beforeAll(async () => {
  banc = await bancApi({ requetesParMinute: 10_000 });
  a = { Authorization: `Bearer ${await banc.jeton("a")}` };
  b = { Authorization: `Bearer ${await banc.jeton("b")}` };
  const api = () => request(banc.app);
  const cree = async () => String(j(await api().post("/api/v1/memoires").set(a).send({ enTete: enTeteValide(), lignes: [ligneValide()] })).id);
  brouillonA = await cree();
  await api().post(`/api/v1/memoires/${brouillonA}/pieces-jointes`).set(a).set("If-Match", '"1"').field("designation", "Réquisition").field("type", "REQUISITION").attach("fichier", PDF, "requisition.pdf");
  const id = await cree();
  const envoi = j(await api().post(`/api/v1/memoires/${id}/envoi`).set(a).set("If-Match", '"1"').send({ attestationSurLHonneur: true }));
  envoyeA = { id, numero: String(envoi.certificat.numero), certificat: envoi.certificat };
  await coteJuridiction(banc.orm, id, ["transmettre", "certifier", "validerPaiement", "mettreEnPaiement"]);
  refuseA = await cree();
  await api().post(`/api/v1/memoires/${refuseA}/envoi`).set(a).set("If-Match", '"1"').send({ attestationSurLHonneur: true });
  await coteJuridiction(banc.orm, refuseA, ["transmettre", "refuser"]);
  // B has a mémoire of its own, so its lists are not empty by construction.
  await api().post("/api/v1/memoires").set(b).send({ enTete: enTeteValide("structure-b"), lignes: [ligneValide()] });
}, 60_000);
afterAll(async () => banc.detruire());

type Appel = (cible: string, version: string) => request.Test;
const api = () => request(banc.app);

const APPELS: Record<string, Appel> = {
  lire: (id) => api().get(`/api/v1/memoires/${id}`),
  certificat: (id) => api().get(`/api/v1/memoires/${id}/certificat`),
  enTete: (id, v) => api().put(`/api/v1/memoires/${id}/en-tete`).set("If-Match", v).send(enTeteValide()),
  ajouterLigne: (id, v) => api().post(`/api/v1/memoires/${id}/lignes`).set("If-Match", v).send(ligneValide()),
  modifierLigne: (id, v) => api().put(`/api/v1/memoires/${id}/lignes/x`).set("If-Match", v).send(ligneValide()),
  supprimerLigne: (id, v) => api().delete(`/api/v1/memoires/${id}/lignes/x`).set("If-Match", v),
  remise: (id, v) => api().put(`/api/v1/memoires/${id}/remise-globale`).set("If-Match", v).send({ remiseGlobaleTtc: "1.00" }),
  envoi: (id, v) => api().post(`/api/v1/memoires/${id}/envoi`).set("If-Match", v).send({ attestationSurLHonneur: true }),
  duplication: (id, v) => api().post(`/api/v1/memoires/${id}/duplication`).set("If-Match", v),
  abandon: (id, v) => api().post(`/api/v1/memoires/${id}/abandon`).set("If-Match", v),
  supprimer: (id, v) => api().delete(`/api/v1/memoires/${id}`).set("If-Match", v),
  joindre: (id, v) => api().post(`/api/v1/memoires/${id}/pieces-jointes`).set("If-Match", v).field("designation", "X").field("type", "AUTRE").attach("fichier", PDF, "x.pdf"),
  detacher: (id, v) => api().delete(`/api/v1/memoires/${id}/pieces-jointes/x`).set("If-Match", v),
  telecharger: (id) => api().get(`/api/v1/memoires/${id}/pieces-jointes/x`),
};

const sansInstance = (body: unknown) => {
  const { instance: _i, ...reste } = body as Record<string, unknown>;
  return reste;
};

describe("a token never reaches another structure's mémoires", () => {
  it.each(Object.keys(APPELS))("%s on structure A's mémoires with B's token: 404 like a missing one, nothing changed", async (nom) => {
    const appel = APPELS[nom];
    if (appel === undefined) throw new Error(nom);
    for (const id of [brouillonA, envoyeA.id, refuseA]) {
      const avant = await etatDe(id);
      const r = await appel(id, `"${avant.version}"`).set(b);
      const absent = await appel("nexiste-pas", `"${avant.version}"`).set(b);
      expect(r.status, `${nom} ${id}`).toBe(404);
      expect(sansInstance(r.body)).toEqual(sansInstance(absent.body));
      expect(JSON.stringify(sansInstance(r.body))).not.toContain(id); // `instance` only echoes the path the client sent
      expect(await etatDe(id)).toEqual(avant);
    }
  });

  it("does not create a mémoire on another structure (404), nor count it", async () => {
    const avant = await sqlDe(banc.orm).lignes<{ n: unknown }>("SELECT count(*) AS n FROM memoire");
    const r = await api().post("/api/v1/memoires").set(b).send({ enTete: enTeteValide("structure-a"), lignes: [ligneValide()] });
    expect(r.status).toBe(404);
    expect(await sqlDe(banc.orm).lignes<{ n: unknown }>("SELECT count(*) AS n FROM memoire")).toEqual(avant);
  });

  it("leaves structure A out of every list, count and view of B", async () => {
    const structures = j(await api().get("/api/v1/structures").set(b));
    expect(structures.elements.map((s) => s.id)).toEqual(["structure-b"]);
    expect((await api().get("/api/v1/structures/structure-a").set(b)).status).toBe(404);
    for (const q of ["", "?structureId=structure-a", `?numero=${envoyeA.numero}`, "?statut=MIS_EN_PAIEMENT", "?statut=REFUSE"]) {
      const page = j(await api().get(`/api/v1/memoires${q}`).set(b));
      expect(page.elements.every((l) => l.structureId === "structure-b"), q).toBe(true);
      if (q !== "") expect(page.total, q).toBe(0);
    }
    expect((await api().get("/api/v1/synthese?structureId=structure-a").set(b)).status).toBe(404);
    expect(j(await api().get("/api/v1/synthese").set(b)).elements.every((l) => l.structureId === "structure-b")).toBe(true);
    expect(j(await api().get("/api/v1/tableau-de-bord").set(b)).elements.map((l) => l.structureId)).toEqual(["structure-b"]);
    const jour = new Date().toISOString().slice(0, 10);
    const du = new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10);
    expect((await api().get(`/api/v1/liste-fiscale?du=${du}&au=${jour}&structureId=structure-a`).set(b)).status).toBe(404);
    expect(j(await api().get(`/api/v1/liste-fiscale?du=${du}&au=${jour}`).set(b)).lignes).toHaveLength(0);
    // A sees its own paid mémoire there: the emptiness above is the filter, not an empty table.
    expect(j(await api().get(`/api/v1/liste-fiscale?du=${du}&au=${jour}`).set(a)).lignes).toHaveLength(1);
  });

  it("does not verify another structure's certificate (404)", async () => {
    expect(j(await api().post("/api/v1/certificats/verification").set(a).send(envoyeA.certificat)).valide).toBe(true);
    const r = await api().post("/api/v1/certificats/verification").set(b).send(envoyeA.certificat);
    expect(r.status).toBe(404);
  });
});
