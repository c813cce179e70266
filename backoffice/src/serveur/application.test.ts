import type { RoleAgent } from "@frais-justice/core/autorisation";
import type { EtatMemoire } from "@frais-justice/core/memoire";
import { BigDecimal, Either } from "effect";
import request from "supertest";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import { rattachementDeTest, structureDeTest, utilisateurDeTest } from "../test-support/organisation.fixtures.js";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import type { Application } from "./application.js";
import { AGENTS_DEMO } from "./demo.js";
import { formaterMontant } from "@frais-justice/core/montants";
import { euros } from "../admin/memoires/libelles.js";
import { banc, connecter, etatStocke, memoireEn, memoireEnRecours, memoireTaxeeEnDessous } from "./test-support.js";

type Client = Awaited<ReturnType<typeof connecter>>;

interface Corps {
  readonly notice?: { readonly message: string; readonly type: string };
  readonly records?: Array<{ id: string; params: { juridictionCode: string } }>;
  readonly rapport?: Array<{ id: string; numero: string; reussi: boolean; resultat: string; message: string }>;
  readonly choix?: Array<{ value: string; label: string }>;
  readonly record?: { params: Record<string, unknown> };
}
const corps = (r: { body: unknown }): Corps => r.body as Corps;

/** Today in Paris, `AAAA-MM-JJ`. */
const aujourdhui = (): string => new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** Each court action: the state it starts from, a valid input, and the state it leads to. */
const ACTIONS: ReadonlyArray<{
  nom: string;
  commande: string;
  depuis: EtatMemoire;
  vers: EtatMemoire;
  saisie: (ligneIds: ReadonlyArray<string>) => unknown;
  /** A mémoire the action applies to, when a generated one in `depuis` is not enough. */
  preparer?: () => Promise<string>;
}> = [
  { nom: "prendre-en-charge", commande: "memoire.prendre-en-charge", depuis: "MIS_A_DISPOSITION", vers: "MIS_A_DISPOSITION", saisie: () => ({}) },
  { nom: "certifier", commande: "memoire.certifier", depuis: "MIS_A_DISPOSITION", vers: "CERTIFIE", saisie: () => ({}) },
  { nom: "envoyer-en-taxation", commande: "memoire.envoyer-en-taxation", depuis: "MIS_A_DISPOSITION", vers: "A_TAXER", saisie: () => ({ commentaire: "à taxer" }) },
  { nom: "refuser", commande: "memoire.refuser", depuis: "MIS_A_DISPOSITION", vers: "REFUSE", saisie: () => ({ motif: "DOUBLON", commentaire: "déjà payé" }) },
  { nom: "taxer", commande: "memoire.taxer", depuis: "A_TAXER", vers: "TAXE", saisie: (ids) => ({ taxation: { lignes: ids.map((ligneId) => ({ ligneId, montantHtTaxe: "10.00" })), motif: "tarif" } }) },
  { nom: "constater-forclusion", commande: "memoire.constater-forclusion", depuis: "A_TAXER", vers: "REFUSE", saisie: () => ({ commentaire: "hors délai" }) },
  {
    nom: "constater-notification-taxe",
    commande: "memoire.constater-notification-taxe",
    depuis: "TAXE",
    vers: "TAXE",
    saisie: () => ({ notifieeLe: aujourdhui() }),
    preparer: () => memoireTaxeeEnDessous(orm),
  },
  {
    nom: "constater-recours-taxe",
    commande: "memoire.constater-recours-taxe",
    depuis: "TAXE",
    vers: "TAXE",
    saisie: () => ({ formeLe: aujourdhui(), par: "PARTIE_PRENANTE", commentaire: "déclaration au greffe" }),
    preparer: () => memoireTaxeeEnDessous(orm),
  },
  {
    nom: "constater-decision-recours",
    commande: "memoire.constater-decision-recours",
    depuis: "TAXE",
    vers: "TAXE",
    saisie: () => ({ decision: { rendueLe: aujourdhui(), sens: "CONFIRMATION", motif: "Arrêt confirmatif" } }),
    preparer: () => memoireEnRecours(orm),
  },
  { nom: "valider-paiement", commande: "memoire.valider-paiement", depuis: "CERTIFIE", vers: "VALIDE", saisie: () => ({}) },
  { nom: "mettre-en-paiement", commande: "memoire.mettre-en-paiement", depuis: "VALIDE", vers: "MIS_EN_PAIEMENT", saisie: () => ({ paiement: { date: "2026-11-20", reference: "PAY-1" } }) },
];

/** The role matrix of docs/autorisation.md for the court actions (perimeter: the agent's own juridiction). */
const PERMIS: { readonly [R in RoleAgent]: ReadonlyArray<string> } = {
  GREFFIER: ["prendre-en-charge", "certifier", "envoyer-en-taxation", "refuser", "constater-notification-taxe", "constater-recours-taxe", "constater-decision-recours"],
  MAGISTRAT_TAXATEUR: ["taxer", "constater-forclusion", "refuser"],
  ORDONNATEUR: ["valider-paiement"],
  COMPTABLE: ["mettre-en-paiement"],
  SUPPORT: [],
  ADMINISTRATEUR: [],
};
const PEUT_CONSULTER: ReadonlyArray<RoleAgent> = ["GREFFIER", "MAGISTRAT_TAXATEUR", "ORDONNATEUR", "COMPTABLE"];

const PARIS = AGENTS_DEMO.filter((a) => a.id !== "demo-greffier-lyon");

let orm: Orm;
let application: Application;
let detruire: () => Promise<void>;
let dossierPieces: string;
const clients = new Map<string, Client>();

beforeAll(async () => {
  ({ orm, application, detruire, dossierPieces } = await banc());
  // The prestataire of the generated mémoires (`memoireEn`), with a raison sociale to show.
  await depotsOrganisation(orm).structures.enregistrerNouveaux([structureDeTest("structure-interpretes")]);
  // The prestataire's user who writes and sends them, with a name to show in their history.
  await depotsOrganisation(orm).utilisateurs.enregistrerNouveaux([utilisateurDeTest("utilisateur-1", "elise.martin@interpretes.example")]);
  for (const a of AGENTS_DEMO) clients.set(a.id, await connecter(application, a.id));
}, 120_000);
afterAll(async () => detruire());

const client = (id: string): Client => {
  const c = clients.get(id);
  if (c === undefined) throw new Error(id);
  return c;
};

const lignesDe = async (id: string): Promise<ReadonlyArray<string>> =>
  (await sqlDe(orm).lignes<{ id: string }>("SELECT id FROM ligne_prestation WHERE memoire_id = ? ORDER BY rang", [id])).map((l) => l.id);

const poster = async (c: Client, id: string, action: string, version: number, saisie: unknown) =>
  c.post(`/admin/api/resources/memoires/records/${id}/${action}`).send({ version: String(version), saisie: JSON.stringify(saisie) });

describe("authorization of every court action, role by role (through core's autoriser)", () => {
  for (const agent of PARIS) {
    const role = agent.roles[0] as RoleAgent;
    for (const action of ACTIONS) {
      const permis = PERMIS[role].includes(action.nom);
      it(`${role} × ${action.nom} → ${permis ? "done, with its audit event" : "refused, nothing written"}`, async () => {
        const id = action.preparer === undefined ? await memoireEn(orm, action.depuis) : await action.preparer();
        const avant = await etatStocke(orm, id);
        const reponse = await poster(client(agent.id), id, action.nom, avant.version, action.saisie(await lignesDe(id)));
        const apres = await etatStocke(orm, id);
        if (permis) {
          expect(reponse.status, JSON.stringify(corps(reponse).notice)).toBe(200);
          expect(apres.etat).toBe(action.vers);
          expect(apres.version).toBe(avant.version + 1);
          expect(apres.evenements).toHaveLength(avant.evenements.length + 1);
          expect(apres.evenements.at(-1)).toMatchObject({ commande: action.commande, auteurId: agent.id });
        } else {
          expect(reponse.status).toBe(PEUT_CONSULTER.includes(role) ? 403 : 404);
          expect(apres).toEqual(avant);
        }
      });
    }
  }
});

describe("partitioning: an agent of another juridiction learns nothing", () => {
  it("answers 404 to the show page, the record API and every action of a Paris mémoire", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const avant = await etatStocke(orm, id);
    const lyon = client("demo-greffier-lyon");
    const api = await lyon.get(`/admin/api/resources/memoires/records/${id}/show`);
    expect(api.status).toBe(404);
    expect(JSON.stringify(corps(api))).not.toContain("MJ");
    expect((await lyon.get(`/admin/resources/memoires/records/${id}/show`)).status).toBe(404);
    for (const action of ACTIONS) expect((await poster(lyon, id, action.nom, avant.version, action.saisie([]))).status).toBe(404);
    expect(await etatStocke(orm, id)).toEqual(avant);
  });

  it("a browser opening such a URL reads why in French, with the way back; a screen's request gets the same status in JSON", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const lyon = client("demo-greffier-lyon");
    const page = await lyon.get(`/admin/resources/memoires/records/${id}/show`).set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    expect(page.status).toBe(404);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain("<h1>Introuvable</h1>");
    expect(page.text).toContain("Mémoire introuvable.");
    expect(page.text).toContain('href="/admin"');
    expect(page.text).not.toContain("MJ");
    expect(String(page.headers["content-security-policy"])).toContain("default-src 'self'");
    const ecran = await lyon.get(`/admin/api/resources/memoires/records/${id}/show`).set("Accept", "application/json, text/plain, */*");
    expect(ecran.status).toBe(404);
    expect(ecran.body).toEqual({ erreur: "Mémoire introuvable." });
    const piece = await lyon.get(`/admin/pieces-jointes/${id}/une-piece`).set("Accept", "text/html");
    expect(piece.status).toBe(404);
    expect(piece.text).toContain("Pièce jointe introuvable.");
    const sansSession = await request(application.app).get(`/admin/pieces-jointes/${id}/une-piece`).set("Accept", "text/html");
    expect(sansSession.status).toBe(302);
    expect(sansSession.headers["location"]).toBe("/admin/login");
  });

  it("lists, counts and exports only the agent's juridictions", async () => {
    const paris = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const lyonId = await memoireEn(orm, "MIS_A_DISPOSITION", "690");
    await memoireEn(orm, "CERTIFIE", "690");
    const liste = await client("demo-greffier-lyon").get("/admin/api/resources/memoires/actions/list?perPage=500");
    const ids = (corps(liste).records ?? []).map((r) => r.id);
    expect(ids).toContain(lyonId);
    expect(ids).not.toContain(paris);
    const juridictions = new Set((corps(liste).records ?? []).map((r) => r.params.juridictionCode));
    expect([...juridictions]).toEqual(["690"]);
    // The total (its count starts with the page) is the count of the agent's mémoires, and of the filter's.
    const [lyon] = await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM memoire WHERE juridiction_code = '690'");
    expect((liste.body as { meta: { total: number } }).meta.total).toBe(Number(lyon?.n));
    const [aDisposition] = await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM memoire WHERE juridiction_code = '690' AND etat = 'MIS_A_DISPOSITION'");
    const filtree = await client("demo-greffier-lyon").get("/admin/api/resources/memoires/actions/list?filters.etat=MIS_A_DISPOSITION");
    expect((filtree.body as { meta: { total: number } }).meta.total).toBe(Number(aDisposition?.n));
    expect(Number(aDisposition?.n)).toBeLessThan(Number(lyon?.n));
    const csv = await client("demo-greffier-lyon").get("/admin/export/memoires.csv");
    expect(csv.text).toContain("Tribunal judiciaire de Lyon");
    expect(csv.text).not.toContain("Paris");
  });

  it("offers on each row of the list the bulk actions of the agent's role, and never another agent's", async () => {
    await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const attendues: Record<string, ReadonlyArray<string>> = {
      "demo-greffier-paris": ["certifier-groupe"],
      "demo-magistrat-paris": [],
      "demo-ordonnateur-paris": ["valider-paiement-groupe"],
      "demo-comptable-paris": ["mettre-en-paiement-groupe"],
    };
    // Alternating agents: what one request computed for its rows is never reused for another agent.
    for (const id of [...Object.keys(attendues), ...Object.keys(attendues).reverse()]) {
      const liste = await client(id).get("/admin/api/resources/memoires/actions/list");
      const lignes = (liste.body as { records: Array<{ recordActions: Array<{ name: string }>; bulkActions: Array<{ name: string }> }> }).records;
      expect(lignes.length).toBeGreaterThan(1);
      for (const l of lignes) {
        expect(l.bulkActions.map((a) => a.name).filter((n) => n.endsWith("-groupe")), id).toEqual(attendues[id]);
        expect(l.recordActions.map((a) => a.name), id).toEqual(["show"]);
      }
    }
  });

  it("offers the mémoires in the navigation only to the roles that read them", async () => {
    const lien = async (id: string): Promise<string | null | undefined> => {
      const page = await client(id).get("/admin");
      const etat = JSON.parse(/window\.REDUX_STATE = (.*);\n/.exec(page.text)?.[1] ?? "{}") as { resources?: Array<{ id: string; href: string | null }> };
      return etat.resources?.find((r) => r.id === "memoires")?.href;
    };
    for (const a of ["demo-greffier-paris", "demo-magistrat-paris", "demo-ordonnateur-paris", "demo-comptable-paris"]) expect(await lien(a)).toContain("filters.aTraiter=oui");
    for (const a of ["demo-support", "demo-administrateur"]) expect(await lien(a)).toBeNull();
  });

  it("shows no mémoire to roles without consultation (support, administrateur)", async () => {
    await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    for (const id of ["demo-support", "demo-administrateur"]) {
      const liste = await client(id).get("/admin/api/resources/memoires/actions/list");
      expect(corps(liste).records ?? []).toEqual([]);
      expect(JSON.stringify(corps(liste))).not.toContain("MJ");
    }
  });
});

describe("state changes are POST only, atomic and never falsely saved", () => {
  it("GET on an action returns the record and changes nothing", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION");
    const avant = await etatStocke(orm, id);
    const reponse = await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/certifier`);
    expect(reponse.status).toBe(200);
    expect(await etatStocke(orm, id)).toEqual(avant);
  });

  it("a stale version is a 409 with a French message, and nothing is written", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION");
    const avant = await etatStocke(orm, id);
    const reponse = await poster(client("demo-greffier-paris"), id, "certifier", avant.version - 1, {});
    expect(reponse.status).toBe(409);
    expect(corps(reponse).notice).toMatchObject({ type: "error" });
    expect(corps(reponse).notice?.message).toContain("modifié par un autre agent");
    expect(await etatStocke(orm, id)).toEqual(avant);
  });

  it("a refusal without motif is refused by core (422) and nothing is written", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION");
    const avant = await etatStocke(orm, id);
    const reponse = await poster(client("demo-greffier-paris"), id, "refuser", avant.version, {});
    expect(reponse.status).toBe(422);
    expect(await etatStocke(orm, id)).toEqual(avant);
  });

  it("a certification with a redressement changes the amounts and records the motif", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION");
    const avant = await etatStocke(orm, id);
    const [ligne] = await lignesDe(id);
    const reponse = await poster(client("demo-greffier-paris"), id, "certifier", avant.version, { redressements: [{ ligneId: ligne, quantite: "1", tarifHt: "1.00", motif: "quantité non justifiée" }] });
    expect(reponse.status, JSON.stringify(corps(reponse).notice)).toBe(200);
    const apres = await etatStocke(orm, id);
    expect(apres.etat).toBe("CERTIFIE");
    expect(apres.montantTtc).not.toBe(avant.montantTtc);
    const [m] = await sqlDe(orm).lignes<{ montantModifie: unknown; redressements: string }>(`SELECT montant_modifie AS "montantModifie", redressements FROM memoire WHERE id = ?`, [id]);
    expect(String(m?.redressements)).toContain("quantité non justifiée");
  });

  it("a redressement typed the French way (« 1,5 » and « 12,50 ») is read as core's decimals; a bad one is refused in French, once per field", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION");
    const avant = await etatStocke(orm, id);
    const [ligne] = await lignesDe(id);
    const refus = await poster(client("demo-greffier-paris"), id, "certifier", avant.version, { redressements: [{ ligneId: ligne, quantite: "abc", motif: "erreur" }] });
    expect(refus.status).toBe(422);
    expect(corps(refus).notice?.message).toContain("redressement n° 1, quantité : « abc »");
    expect(corps(refus).notice?.message).not.toContain("Expected");
    expect(await etatStocke(orm, id)).toEqual(avant);
    const reponse = await poster(client("demo-greffier-paris"), id, "certifier", avant.version, { redressements: [{ ligneId: ligne, quantite: "1,5", tarifHt: "12,50", motif: "quantité non justifiée" }] });
    expect(reponse.status, JSON.stringify(corps(reponse).notice)).toBe(200);
    const [m] = await sqlDe(orm).lignes<{ redressements: string }>(`SELECT redressements FROM memoire WHERE id = ?`, [id]);
    expect(m?.redressements).toMatch(/"quantite":"1\.5"/);
    expect(m?.redressements).toMatch(/"tarifHt":"12\.50?"/);
  });

  it("bulk certification reports each mémoire (done or refused)", async () => {
    const a = await memoireEn(orm, "MIS_A_DISPOSITION");
    const b = await memoireEn(orm, "CERTIFIE");
    const c = client("demo-greffier-paris");
    const liste = await c.get(`/admin/api/resources/memoires/bulk/certifier-groupe?recordIds=${a},${b}`);
    expect(liste.status).toBe(200);
    const reponse = await c.post(`/admin/api/resources/memoires/bulk/certifier-groupe?recordIds=${a},${b}`).send({ saisie: "{}" });
    expect(reponse.status).toBe(200);
    const rapport = corps(reponse).rapport ?? [];
    expect(rapport.find((r) => r.id === a)?.reussi).toBe(true);
    expect(rapport.find((r) => r.id === b)?.reussi).toBe(false);
    // Why, in words: the action and the état by their labels, never core's codes.
    expect(rapport.find((r) => r.id === b)?.message).toBe("Action refusée : « Certifier » n'est pas possible sur un mémoire à l'état « Certifié ».");
    expect((await etatStocke(orm, a)).etat).toBe("CERTIFIE");
  });
});

describe("sign-in, sessions and lockout", () => {
  it("keeps the session in the database, with an httpOnly SameSite=Strict cookie", async () => {
    const reponse = await request(application.app).post("/admin/login").field("email", "comptable.paris@justice.example").field("password", "Comptable-Paris-2026");
    expect(reponse.status).toBe(302);
    const cookie = String(reponse.headers["set-cookie"]);
    expect(cookie).toMatch(/fj\.sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const [n] = await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM session_admin WHERE donnees LIKE ?", ['%"demo-comptable-paris"%']);
    expect(Number(n?.n)).toBeGreaterThanOrEqual(1);
  });

  it("stores a scrypt hash, never the password", async () => {
    const [a] = await sqlDe(orm).lignes<{ h: string }>("SELECT hash_mot_de_passe AS h FROM agent WHERE id = 'demo-greffier-paris'");
    expect(a?.h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a?.h).not.toContain("Greffier-Paris-2026");
  });

  it("locks the account for one hour after five failures: the right password is then refused", async () => {
    const http = request(application.app);
    for (let i = 0; i < 5; i += 1) {
      const r = await http.post("/admin/login").field("email", "ordonnateur.paris@justice.example").field("password", "mauvais-mot-de-passe");
      expect(r.status).toBe(200);
    }
    const bon = await http.post("/admin/login").field("email", "ordonnateur.paris@justice.example").field("password", "Ordonnateur-Paris-2026");
    expect(bon.status).toBe(200);
    expect(bon.text).toContain("Adresse électronique ou mot de passe incorrect");
    const [a] = await sqlDe(orm).lignes<{ v: unknown }>("SELECT verrouille_jusqua AS v FROM agent WHERE id = 'demo-ordonnateur-paris'");
    expect(Number(a?.v)).toBeGreaterThan(Date.now() + 59 * 60_000);
  });

  it("logs out: the session row is deleted and the API is closed", async () => {
    const c = await connecter(application, "demo-magistrat-paris");
    expect((await c.get("/admin/api/resources/memoires/actions/list")).status).toBe(200);
    await c.get("/admin/logout");
    const apres = await c.get("/admin/api/resources/memoires/actions/list");
    expect(apres.status).toBe(302);
  });

  it("an unauthenticated request is sent to the login page", async () => {
    const r = await request(application.app).get("/admin/api/resources/memoires/actions/list");
    expect(r.status).toBe(302);
    expect(r.headers["location"]).toBe("/admin/login");
  });
});

describe("the date filters: Paris calendar days, included whole", () => {
  it("« du 21/11 au 21/11 » finds a mémoire deposited at 00:30 in Paris on 21/11 (23:30 UTC on 20/11), and « au 20/11 » does not", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    await sqlDe(orm).lignes("UPDATE memoire SET envoye_le = ? WHERE id = ?", [new Date("2026-11-20T23:30:00Z"), id]);
    const [{ numero } = { numero: "" }] = await sqlDe(orm).lignes<{ numero: string }>("SELECT numero FROM memoire WHERE id = ?", [id]);
    const trouve = async (du: string, au: string): Promise<boolean> => {
      const r = await client("demo-greffier-paris").get(
        `/admin/api/resources/memoires/actions/list?filters.numero=${numero}&filters.envoyeLe~~from=${encodeURIComponent(du)}&filters.envoyeLe~~to=${encodeURIComponent(au)}`,
      );
      expect(r.status).toBe(200);
      return (corps(r).records ?? []).some((m) => m.id === id);
    };
    expect(await trouve("2026-11-21", "2026-11-21")).toBe(true);
    expect(await trouve("2026-11-20", "2026-11-20")).toBe(false);
    expect(await trouve("2026-11-22", "2026-11-30")).toBe(false);
    // An instant (an URL of the former filter: Paris midnight of 21/11) stands for its whole Paris day.
    expect(await trouve("2026-11-20T23:00:00.000Z", "2026-11-20T23:00:00.000Z")).toBe(true);
    // The CSV export reads the same filter.
    const csv = await client("demo-greffier-paris").get(`/admin/export/memoires.csv?filters.numero=${numero}&filters.envoyeLe~~from=2026-11-21&filters.envoyeLe~~to=2026-11-21`);
    expect(csv.text).toContain(numero);
    const vide = await client("demo-greffier-paris").get(`/admin/export/memoires.csv?filters.numero=${numero}&filters.envoyeLe~~from=2026-11-20&filters.envoyeLe~~to=2026-11-20`);
    expect(vide.text).not.toContain(numero);
  });

  it("an unreadable date (a hand-edited URL) is not applied, and the list says so instead of silently showing more", async () => {
    const lire = async (url: string) => corps(await client("demo-greffier-paris").get(url)) as { records?: Array<{ id: string }>; notice?: { message: string; type: string } };
    const sans = await lire("/admin/api/resources/memoires/actions/list");
    const illisible = await lire("/admin/api/resources/memoires/actions/list?filters.envoyeLe~~from=31%2F02%2F2026&filters.envoyeLe~~to=2026-11-30");
    expect(illisible.notice?.type).toBe("error");
    expect(illisible.notice?.message).toContain("Date illisible, critère non appliqué");
    expect(illisible.notice?.message).toContain("Date de dépôt (du) « 31/02/2026 »");
    expect(illisible.notice?.message).not.toContain("(au)");
    // The readable bound still applies: the page is that of « au 30/11/2026 » alone.
    const auSeul = await lire("/admin/api/resources/memoires/actions/list?filters.envoyeLe~~to=2026-11-30");
    expect(illisible.records?.map((m) => m.id)).toEqual(auSeul.records?.map((m) => m.id));
    expect(auSeul.notice).toBeUndefined();
    expect(sans.notice).toBeUndefined();
    // The plain tables too (agents by creation date).
    const agents = corps(await client("demo-administrateur").get("/admin/api/resources/Agent/actions/list?filters.creeLe~~from=hier&filters.creeLe~~to=demain")) as {
      notice?: { message: string };
    };
    expect(agents.notice?.message).toContain("Dates illisibles, critères non appliqués");
    expect(agents.notice?.message).toContain("(du) « hier »");
    expect(agents.notice?.message).toContain("(au) « demain »");
  });

  it("a filter value none of its list offers (an outdated URL) is named, with the unreadable dates if any; a known one is silent", async () => {
    const lire = async (url: string) => corps(await client("demo-greffier-paris").get(url)) as { records?: Array<{ id: string }>; notice?: { message: string; type: string } };
    const inconnu = await lire("/admin/api/resources/memoires/actions/list?filters.etat=PAYE");
    expect(inconnu.notice?.type).toBe("error");
    expect(inconnu.notice?.message).toBe("Valeur inconnue — État « PAYE » ; choisissez une valeur proposée par le filtre");
    expect(inconnu.records).toEqual([]);
    const deux = await lire("/admin/api/resources/memoires/actions/list?filters.etat=PAYE&filters.categoriePrestataire=Astrologue&filters.envoyeLe~~from=31%2F02%2F2026");
    expect(deux.notice?.message).toMatch(/^Date illisible, critère non appliqué — Date de dépôt \(du\) « 31\/02\/2026 » .*\. Valeurs inconnues — État « PAYE », .* « Astrologue » ; /);
    const connu = await lire("/admin/api/resources/memoires/actions/list?filters.etat=TAXE");
    expect(connu.notice).toBeUndefined();
    expect(Array.isArray(connu.records)).toBe(true);
    // The CSV export of such a list is refused with the same words (a browser reads them in a page), nothing exported.
    const greffier = client("demo-greffier-paris");
    const json = await greffier.get("/admin/export/memoires.csv?filters.etat=PAYE");
    expect(json.status).toBe(400);
    expect((json.body as { erreur?: string }).erreur).toBe(
      "Valeur inconnue — État « PAYE » ; choisissez une valeur proposée par le filtre. Rien n'a été exporté : corrigez le filtre de la liste, puis exportez à nouveau.",
    );
    const page = await greffier.get("/admin/export/memoires.csv?filters.envoyeLe~~from=31%2F02%2F2026").set("Accept", "text/html");
    expect(page.status).toBe(400);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain("Date illisible, critère non appliqué — Date de dépôt (du) « 31/02/2026 »");
    expect((await greffier.get("/admin/export/memoires.csv?filters.etat=TAXE")).status).toBe(200);
    // A juridiction outside the agent's (their filter's choices) is refused alike, and their own exported.
    const ailleurs = await greffier.get("/admin/export/memoires.csv?filters.juridictionCode=690");
    expect(ailleurs.status).toBe(400);
    expect((ailleurs.body as { erreur?: string }).erreur).toMatch(/^Valeur inconnue — Juridiction « 690 » ; .* Rien n'a été exporté/);
    expect((await greffier.get("/admin/export/memoires.csv?filters.juridictionCode=750")).status).toBe(200);
  });

  it("the plain tables' date filters read the same days (agents by creation date)", async () => {
    const aujourdhui = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
    const liste = async (du: string, au: string) =>
      corps(await client("demo-administrateur").get(`/admin/api/resources/Agent/actions/list?filters.creeLe~~from=${du}&filters.creeLe~~to=${au}`)).records ?? [];
    const [{ n } = { n: 0 }] = await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM agent");
    expect(Number(n)).toBeGreaterThan(0);
    expect((await liste(aujourdhui, aujourdhui)).length).toBeGreaterThan(0);
    expect(await liste("2001-01-01", "2001-01-31")).toEqual([]);
  });
});

describe("the pages load nothing from another server", () => {
  /** The stylesheets and scripts a page links (href / src of link and script tags). */
  const liens = (html: string): Array<string> => [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? "");

  it("the login page and a signed-in page link only the back-office's own files, the font included, under a Content-Security-Policy", async () => {
    const connexion = await request(application.app).get("/admin/login");
    const accueil = await client("demo-greffier-paris").get("/admin");
    for (const page of [connexion, accueil]) {
      expect(page.status).toBe(200);
      expect(page.text).not.toContain("googleapis");
      expect(liens(page.text).length).toBeGreaterThan(3);
      expect(liens(page.text).filter((l) => !l.startsWith("/admin/"))).toEqual([]);
      expect(liens(page.text)).toContain("/admin/polices/roboto.css");
      const politique = String(page.headers["content-security-policy"]);
      for (const directive of ["default-src 'self'", "font-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) expect(politique).toContain(directive);
      expect(politique).not.toMatch(/https?:/);
    }
  });

  it("serves the font: its stylesheet, and every file it names for the Latin subsets", async () => {
    const feuille = await request(application.app).get("/admin/polices/roboto.css");
    expect(feuille.status).toBe(200);
    expect(feuille.headers["content-type"]).toMatch(/^text\/css/);
    const fichiers = [...feuille.text.matchAll(/url\((\/admin\/polices\/roboto-latin-\d+-normal\.woff2)\)/g)].map((m) => m[1] ?? "");
    expect(fichiers).toHaveLength(4);
    for (const f of fichiers) {
      const police = await request(application.app).get(f);
      expect(police.status).toBe(200);
      expect(police.headers["content-type"]).toBe("font/woff2");
      expect(Number(police.headers["content-length"])).toBeGreaterThan(10_000);
    }
    expect((await request(application.app).get("/admin/polices/absente.woff2")).status).toBe(404);
  });

  it("JSON answers are left as they are (no page rewriting, no page policy)", async () => {
    const r = await client("demo-greffier-paris").get("/admin/api/resources/memoires/actions/list");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(r.headers["content-security-policy"]).toBeUndefined();
  });
});

describe("attachments", () => {
  it("are downloaded by an agent who may read the mémoire, and by no one else", async () => {
    const octets = new TextEncoder().encode("%PDF-1.4\n% réquisition de test\n%%EOF\n");
    const stocke = await new StockagePieces(dossierPieces).deposer(octets);
    if (Either.isLeft(stocke)) throw new Error(stocke.left.message);
    const piece = { id: "piece-requisition-1", designation: "Réquisition", type: "REQUISITION", nomFichier: "réquisition.pdf", typeContenu: "application/pdf", taille: octets.byteLength, empreinte: stocke.right.empreinte, origine: "MEMOIRE" } as const;
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750", [piece]);
    // The show page lists it with its kind in French, never core's code.
    const fiche = corps(await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/show`));
    const listees = (JSON.parse(String(fiche.record?.params["detail"])) as { piecesJointes: Array<{ id: string; type: string; nomFichier: string }> }).piecesJointes;
    expect(listees).toEqual([{ id: piece.id, designation: "Réquisition", type: "Réquisition", nomFichier: "réquisition.pdf", taille: octets.byteLength }]);
    const paris = await client("demo-greffier-paris").get(`/admin/pieces-jointes/${id}/${piece.id}`).buffer(true);
    expect(paris.status).toBe(200);
    expect(paris.headers["content-type"]).toBe("application/pdf");
    expect(paris.headers["content-disposition"]).toContain("attachment");
    expect(Buffer.from(paris.body as Uint8Array).equals(Buffer.from(octets))).toBe(true);
    expect((await client("demo-greffier-lyon").get(`/admin/pieces-jointes/${id}/${piece.id}`)).status).toBe(404);
    expect((await client("demo-support").get(`/admin/pieces-jointes/${id}/${piece.id}`)).status).toBe(404);
    expect((await request(application.app).get(`/admin/pieces-jointes/${id}/${piece.id}`)).status).toBe(302);
  });
});

describe("CSV export", () => {
  it("is UTF-8 with BOM, ';' separated, with French headers and euros", async () => {
    await memoireEn(orm, "VALIDE", "750");
    const csv = await client("demo-comptable-paris").get("/admin/export/memoires.csv?filters.etat=VALIDE").buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const [entete, premiere] = csv.text.slice(1).split("\r\n");
    expect(entete).toBe(
      "Numéro;État;Juridiction;Date de dépôt;Prestataire;Identifiant du prestataire;Catégorie de prestataire;Texte de référence;N° d'engagement juridique;Montant demandé TTC;Montant retenu TTC;Montant modifié",
    );
    expect(premiere).toMatch(/^MJ\d{10};Demande de paiement validée;750 - Tribunal judiciaire de Paris;\d{2}\/\d{2}\/\d{4};Cabinet d'interprétariat Élise Cœur;73282932000074;Interprète-traducteur;/);
  });

  it("writes amounts as numbers a French spreadsheet reads (« 12345,60 »: decimal comma, no thousands separator, no €)", async () => {
    const id = await memoireEn(orm, "VALIDE", "750");
    await sqlDe(orm).lignes("UPDATE memoire SET montant_ttc = ?, montants_demandes = NULL WHERE id = ?", ["12345.60", id]);
    const [{ numero } = { numero: "" }] = await sqlDe(orm).lignes<{ numero: string }>("SELECT numero FROM memoire WHERE id = ?", [id]);
    const csv = await client("demo-comptable-paris").get(`/admin/export/memoires.csv?filters.numero=${numero}`).buffer(true);
    const [, ligne] = csv.text.slice(1).split("\r\n");
    const champs = (ligne ?? "").split(";");
    expect(champs.slice(9, 11)).toEqual(["12345,60", "12345,60"]);
    for (const l of csv.text.slice(1).split("\r\n").slice(1).filter((x) => x !== "")) for (const m of l.split(";").slice(9, 11)) expect(m).toMatch(/^\d+,\d{2}$/);
  });
});

describe("administration of agents (core's juridiction commands)", () => {
  const actif = async (id: string) => {
    const [a] = await sqlDe(orm).lignes<{ actif: unknown }>("SELECT actif FROM agent WHERE id = ?", [id]);
    return a?.actif === 1 || a?.actif === true;
  };

  it("a greffier may not deactivate an agent: nothing is written", async () => {
    await client("demo-greffier-paris").post("/admin/api/resources/Agent/records/demo-greffier-lyon/desactiver").send({ confirmation: "oui" });
    expect(await actif("demo-greffier-lyon")).toBe(true);
  });

  it("an administrator deactivates an agent of their perimeter: the agent's sessions end at once; then reactivates them", async () => {
    const lyon = client("demo-greffier-lyon");
    expect((await lyon.get("/admin/api/resources/memoires/actions/list")).status).toBe(200);
    const admin = client("demo-administrateur");
    const r = await admin.post("/admin/api/resources/Agent/records/demo-greffier-lyon/desactiver").send({ confirmation: "oui" });
    expect(r.status).toBe(200);
    expect(await actif("demo-greffier-lyon")).toBe(false);
    expect((await lyon.get("/admin/api/resources/memoires/actions/list")).status).not.toBe(200);
    const refus = await request(application.app).post("/admin/login").field("email", "greffier.lyon@justice.example").field("password", "Greffier-Lyon-2026");
    expect(refus.status).toBe(200);
    const r2 = await admin.post("/admin/api/resources/Agent/records/demo-greffier-lyon/reactiver").send({ confirmation: "oui" });
    expect(r2.status).toBe(200);
    expect(await actif("demo-greffier-lyon")).toBe(true);
  });
});

describe("the agents' screens never send a password hash", () => {
  const sansHash = (texte: string) => {
    expect(texte).not.toContain("hashMotDePasse");
    expect(texte).not.toContain("scrypt$");
  };

  it("list, search, page, actions' answers: no record carries the hash, hidden or not", async () => {
    const admin = client("demo-administrateur");
    const liste = await admin.get("/admin/api/resources/Agent/actions/list?perPage=100");
    expect(liste.status).toBe(200);
    expect((corps(liste).records ?? []).length).toBeGreaterThan(5);
    sansHash(liste.text);
    const recherche = await admin.get("/admin/api/resources/Agent/actions/search/greffier");
    expect(recherche.status).toBe(200);
    sansHash(recherche.text);
    const fiche = await admin.get("/admin/api/resources/Agent/records/demo-greffier-lyon/show");
    expect(fiche.status).toBe(200);
    expect(corps(fiche).record?.params["email"]).toBe("greffier.lyon@justice.example");
    sansHash(fiche.text);
    sansHash((await admin.get("/admin/api/resources/Agent/records/demo-greffier-lyon/modifier-droits")).text);
  });

  it("a filter or a sort on the hash (a forged URL) neither narrows the list nor fails", async () => {
    const admin = client("demo-administrateur");
    const ids = async (url: string) => {
      const r = await admin.get(url);
      expect(r.status).toBe(200);
      sansHash(r.text);
      return (corps(r).records ?? []).map((x) => x.id);
    };
    const toutes = await ids("/admin/api/resources/Agent/actions/list?perPage=100&sortBy=email&direction=asc");
    expect(await ids("/admin/api/resources/Agent/actions/list?perPage=100&sortBy=email&direction=asc&filters.hashMotDePasse=scrypt%2432768")).toEqual(toutes);
    expect(await ids("/admin/api/resources/Agent/actions/list?perPage=100&sortBy=email&direction=asc&filters.hashMotDePasse=zzzz")).toEqual(toutes);
  });

  it("the agents' état is a boolean column (« Oui » / « Non »), not a number", () => {
    const agents = application.admin.findResource("Agent").decorate();
    expect(agents.getPropertyByKey("actif")?.type()).toBe("boolean");
    expect(agents.getPropertyByKey("hashMotDePasse")).toBeFalsy();
  });
});

describe("creation of an agent (core's creerAgent, core's password policy)", () => {
  const nouvel = (email: string, motDePasse: string, juridictions = "750") => ({
    saisie: JSON.stringify({ email, nom: "Petit", prenom: "Inès", roles: ["GREFFIER"], juridictions, coursAppel: "", motDePasse }),
  });
  const existe = async (email: string) => (await sqlDe(orm).lignes("SELECT id FROM agent WHERE email = ?", [email])).length === 1;

  it("an administrator creates a greffier who can then sign in and sees their juridiction", async () => {
    const r = await client("demo-administrateur").post("/admin/api/resources/Agent/actions/new").send(nouvel("ines.petit@justice.example", "Greffiere-Nouvelle-2026"));
    expect(r.status, JSON.stringify(corps(r).notice)).toBe(200);
    const connexion = await request(application.app).post("/admin/login").field("email", "ines.petit@justice.example").field("password", "Greffiere-Nouvelle-2026");
    expect(connexion.status).toBe(302);
    expect(connexion.headers["location"]).toBe("/admin");
  });

  it("refuses a weak initial password, a perimeter outside the administrator's, and a non-administrator: nothing written", async () => {
    const faible = await client("demo-administrateur").post("/admin/api/resources/Agent/actions/new").send(nouvel("faible@justice.example", "court"));
    expect(faible.status).toBe(422);
    const horsPerimetre = await client("demo-administrateur").post("/admin/api/resources/Agent/actions/new").send(nouvel("marseille@justice.example", "Greffier-Marseille-2026", "130"));
    expect(horsPerimetre.status).toBe(403);
    await client("demo-greffier-paris").post("/admin/api/resources/Agent/actions/new").send(nouvel("intrus@justice.example", "Greffier-Intrus-2026"));
    for (const email of ["faible@justice.example", "marseille@justice.example", "intrus@justice.example"]) expect(await existe(email)).toBe(false);
  });
});

describe("roles and perimeter of an agent (core's modifierRolesAgent / modifierPerimetreAgent)", () => {
  it("an administrator moves a greffier to Lyon: the change applies to their open session at once", async () => {
    const connexion = request.agent(application.app);
    await connexion.post("/admin/login").field("email", "ines.petit@justice.example").field("password", "Greffiere-Nouvelle-2026");
    const paris = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    expect((await connexion.get(`/admin/api/resources/memoires/records/${paris}/show`)).status).toBe(200);
    const [ines] = await sqlDe(orm).lignes<{ id: string }>("SELECT id FROM agent WHERE email = 'ines.petit@justice.example'");
    const r = await client("demo-administrateur")
      .post(`/admin/api/resources/Agent/records/${ines?.id}/modifier-droits`)
      .send({ saisie: JSON.stringify({ roles: ["GREFFIER", "MAGISTRAT_TAXATEUR"], juridictions: "690", coursAppel: "" }) });
    expect(r.status, JSON.stringify(corps(r).notice)).toBe(200);
    expect((await connexion.get(`/admin/api/resources/memoires/records/${paris}/show`)).status).toBe(404);
    const [apres] = await sqlDe(orm).lignes<{ roles: string; perimetre: string }>("SELECT roles, perimetre FROM agent WHERE id = ?", [ines?.id ?? ""]);
    expect(JSON.parse(apres?.roles ?? "[]")).toEqual(["GREFFIER", "MAGISTRAT_TAXATEUR"]);
    expect(JSON.parse(apres?.perimetre ?? "{}")).toEqual({ juridictions: ["690"], coursAppel: [] });
  });
});

describe("juridictions (core's creerJuridiction / renommerJuridiction)", () => {
  const libelle = async (code: string) => (await sqlDe(orm).lignes<{ libelle: string }>("SELECT libelle FROM juridiction WHERE code = ?", [code]))[0]?.libelle;

  it("an administrator creates a juridiction in their cour d'appel and renames it; outside it, nothing is written", async () => {
    const admin = client("demo-administrateur");
    const cree = await admin.post("/admin/api/resources/Juridiction/actions/new").send({ saisie: JSON.stringify({ code: "771", libelle: "Tribunal judiciaire de Meaux", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-PARIS" }) });
    expect(cree.status, JSON.stringify(corps(cree).notice)).toBe(200);
    expect(await libelle("771")).toBe("Tribunal judiciaire de Meaux");
    const renomme = await admin.post("/admin/api/resources/Juridiction/records/771/renommer").send({ saisie: JSON.stringify({ libelle: "TJ de Meaux" }) });
    expect(renomme.status).toBe(200);
    expect(await libelle("771")).toBe("TJ de Meaux");
    const dehors = await admin.post("/admin/api/resources/Juridiction/actions/new").send({ saisie: JSON.stringify({ code: "131", libelle: "TJ d'Aix", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-AIX" }) });
    expect([403, 422]).toContain(dehors.status);
    expect(await libelle("131")).toBeUndefined();
  });

  it("a greffier may not create one", async () => {
    await client("demo-greffier-paris").post("/admin/api/resources/Juridiction/actions/new").send({ saisie: JSON.stringify({ code: "772", libelle: "X", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-PARIS" }) });
    expect(await libelle("772")).toBeUndefined();
  });
});

describe("labels, not codes (raison sociale, catégorie, type de prestation, autorité requérante)", () => {
  it("the list carries the prestataire's raison sociale; the prestataire filter finds it by name (accent-insensitive) or identifier", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const c = client("demo-greffier-paris");
    const ids = async (filtre: string) =>
      (corps(await c.get(`/admin/api/resources/memoires/actions/list?perPage=500&filters.prestataire=${encodeURIComponent(filtre)}`)).records ?? []).map((r) => r.id);
    const liste = await c.get("/admin/api/resources/memoires/actions/list?perPage=500");
    const ligne = (corps(liste).records ?? []).find((r) => r.id === id) as unknown as { params: Record<string, unknown> } | undefined;
    expect(ligne?.params["prestataire"]).toBe("Cabinet d'interprétariat Élise Cœur");
    expect(ligne?.params["categoriePrestataire"]).toBe("INTERPRETE_TRADUCTEUR");
    expect(await ids("ELISE coeur")).toContain(id);
    expect(await ids("73282932000074")).toContain(id);
    expect(await ids("structure-interpretes")).toContain(id);
    expect(await ids("Cabinet inconnu")).toEqual([]);
  });

  it("the show page names the prestataire, the catégorie, the types de prestation and the autorités requérantes in French", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const fiche = corps(await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/show`));
    const detail = JSON.parse(String(fiche.record?.params["detail"])) as {
      enTete: { structure: string; identifiantPrestataire: string; categoriePrestataire: string };
      lignes: Array<{ typePrestation: string; autoriteRequerante: string }>;
    };
    expect(detail.enTete.structure).toBe("Cabinet d'interprétariat Élise Cœur");
    expect(detail.enTete.identifiantPrestataire).toBe("SIRET 73282932000074");
    expect(detail.enTete.categoriePrestataire).toBe("Interprète-traducteur");
    const [stockee] = await sqlDe(orm).lignes<{ typePrestation: string; autoriteRequerante: string }>(
      `SELECT type_prestation AS "typePrestation", autorite_requerante AS "autoriteRequerante" FROM ligne_prestation WHERE memoire_id = ? ORDER BY rang`,
      [id],
    );
    const [premiere] = detail.lignes;
    // Codes of core's catalogues are shown with their labels; never the raw code.
    expect(premiere?.autoriteRequerante).not.toBe(stockee?.autoriteRequerante);
    expect(premiere?.autoriteRequerante).toMatch(/^[A-ZÉ][a-zéèêàç' ]+/);
    if (stockee?.typePrestation === "TRADUCTION_ORALE") expect(premiere?.typePrestation).toBe("Traduction orale (R122)");
  });

  it("the show page gives each line's frais divers, remise and débours: what builds its amount is on the page", async () => {
    const c = client("demo-greffier-paris");
    const ids: Array<string> = [];
    // Generated mémoires until one of their lines carries frais divers (about one line in five does).
    for (let essai = 0; essai < 40; essai += 1) {
      const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
      ids.push(id);
      const [n] = await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM ligne_prestation WHERE memoire_id = ? AND frais_divers <> '0.00'", [id]);
      if (Number(n?.n) > 0) break;
    }
    let avecFrais = 0;
    for (const id of ids) {
      const detail = JSON.parse(String(corps(await c.get(`/admin/api/resources/memoires/records/${id}/show`)).record?.params["detail"])) as {
        lignes: Array<{ rang: number; quantite: string; tarifHtBrut: string; fraisDivers: string; remise: string; debours: string; montantHtDemandeBrut: string }>;
      };
      const stockees = await sqlDe(orm).lignes<{ rang: unknown; fraisDivers: string; remise: string; debours: string }>(
        `SELECT rang, frais_divers AS "fraisDivers", remise, debours FROM ligne_prestation WHERE memoire_id = ? ORDER BY rang`,
        [id],
      );
      expect(detail.lignes).toHaveLength(stockees.length);
      for (const [i, l] of detail.lignes.entries()) {
        const s = stockees[i];
        expect(l.fraisDivers).toBe(euros(s?.fraisDivers));
        expect(l.remise).toBe(euros(s?.remise));
        expect(l.debours).toBe(euros(s?.debours));
        if (s?.fraisDivers !== "0.00") avecFrais += 1;
        // The requested HT is quantité × tarif (rounded to the cent) + frais divers − remise: the page shows every term.
        const centimes = (v: string | undefined) => Math.round(Number(v ?? "0") * 100);
        expect(centimes(l.montantHtDemandeBrut)).toBe(Math.round(Number(l.quantite) * Number(l.tarifHtBrut) * 100) + centimes(s?.fraisDivers) - centimes(s?.remise));
      }
    }
    expect(avecFrais).toBeGreaterThan(0);
  });

  it("the show page names the prestataire's service by its code and libellé", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const service = async () =>
      (JSON.parse(String(corps(await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/show`)).record?.params["detail"])) as { enTete: { service: string } }).enTete.service;
    expect(await service()).toBe("");
    // Addressed by the prestataire's service PARIS (« Agence de Paris » in the structure), then by a code it does not have.
    await sqlDe(orm).lignes("UPDATE memoire SET service_id = ? WHERE id = ?", ["PARIS", id]);
    expect(await service()).toBe("PARIS - Agence de Paris");
    await sqlDe(orm).lignes("UPDATE memoire SET service_id = ? WHERE id = ?", ["LYON", id]);
    expect(await service()).toBe("LYON");
  });

  it("the history names each author: the prestataire's user, the agents, the system", async () => {
    const id = await memoireEn(orm, "CERTIFIE", "750");
    const fiche = corps(await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/show`));
    const detail = JSON.parse(String(fiche.record?.params["detail"])) as { historique: Array<{ libelle: string; auteur: string }> };
    const auteurs = new Map(detail.historique.map((h) => [h.libelle, h.auteur]));
    expect(auteurs.get("Création du brouillon")).toBe("Élise Martin (prestataire)");
    expect(auteurs.get("Validation et envoi")).toBe("Élise Martin (prestataire)");
    expect(auteurs.get("Mise à disposition de la juridiction")).toBe("Système");
    expect(auteurs.get("Certification")).toBe("Camille Martin");
    expect(detail.historique.map((h) => h.auteur).join(" ")).not.toContain("utilisateur-1");
  });

  it("the history writes a refusal's motif by its label, as the header does", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const avant = await etatStocke(orm, id);
    expect((await poster(client("demo-greffier-paris"), id, "refuser", avant.version, { motif: "PIECE_JOINTE_MANQUANTE", commentaire: "réquisition absente" })).status).toBe(200);
    const fiche = corps(await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/show`));
    const detail = JSON.parse(String(fiche.record?.params["detail"])) as { historique: Array<{ libelle: string; motif: string }> };
    const refus = detail.historique.filter((h) => h.motif.endsWith("réquisition absente"));
    expect(refus.map((h) => h.motif)).toEqual(["Pièce jointe manquante : réquisition absente"]);
    expect(JSON.stringify(detail.historique)).not.toContain("PIECE_JOINTE_MANQUANTE");
  });

  it("the show page writes the VAT regime, the mode de dépôt, the rates and the days in French", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const fiche = corps(await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/show`));
    const detail = JSON.parse(String(fiche.record?.params["detail"])) as {
      enTete: { typeTva: string; modeDepot: string };
      lignes: Array<{ tauxTva: string; datePrestation: string; dateRequisition: string }>;
      recapitulatifTva: Array<{ tauxTva: string }>;
    };
    const sql = sqlDe(orm);
    const [m] = await sql.lignes<{ typeTva: string; modeDepot: string }>(`SELECT type_tva AS "typeTva", mode_depot AS "modeDepot" FROM memoire WHERE id = ?`, [id]);
    const lignes = await sql.lignes<{ tauxTva: string; datePrestation: string }>(
      `SELECT taux_tva AS "tauxTva", date_prestation AS "datePrestation" FROM ligne_prestation WHERE memoire_id = ? ORDER BY rang`,
      [id],
    );
    const attendus: Record<string, string> = { TVA_SUR_DEBIT: "TVA sur les débits", TVA_SUR_ENCAISSEMENT: "TVA sur les encaissements", EXONERATION: "Exonéré", SANS_TVA: "Sans TVA" };
    expect(detail.enTete.typeTva).toBe(attendus[String(m?.typeTva)]);
    expect(detail.enTete.modeDepot).toBe({ SAISIE_WEB: "Saisie sur le portail", FLUX: "Flux (dépôt de fichier)", API: "API" }[String(m?.modeDepot)]);
    expect(detail.lignes).toHaveLength(lignes.length);
    detail.lignes.forEach((l, i) => {
      const stockee = lignes[i];
      const [a, mo, j] = String(stockee?.datePrestation).split("-");
      expect(l.datePrestation).toBe(`${j}/${mo}/${a}`);
      expect(l.dateRequisition).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      // "5.5" → "5,5 %", "20" → "20 %" (a narrow no-break space before the sign).
      expect(l.tauxTva).toBe(`${String(stockee?.tauxTva).replace(".", ",")}\u202f%`);
    });
    for (const r of detail.recapitulatifTva) expect(r.tauxTva).toMatch(/^\d+(,\d+)?\u202f%$/);
  });
});

describe("a taxation that changes the amount is told to the prestataire (CPP R228, R228-1)", () => {
  beforeAll(async () => {
    // The mémoires' author becomes the structure's gestionnaire principal: the one address to write to.
    await depotsOrganisation(orm).rattachements.enregistrerNouveaux([rattachementDeTest("structure-interpretes", "utilisateur-1")]);
  });
  const detail = async (id: string) => {
    const show = await client("demo-magistrat-paris").get(`/admin/api/resources/memoires/records/${id}/show`);
    expect(show.status).toBe(200);
    return JSON.parse(String(corps(show).record?.params["detail"])) as {
      avisPrestataire?: { notification?: { le: string; finDelaiRecours: string }; envois: Array<{ destinataire: string; sujet: string; statut: string; libelle: string }> };
      taxation?: { recours?: { formeLe: string; par: string; commentaire: string; decision?: { rendueLe: string; sens: string; reformation: boolean; motif: string } } };
      totaux: { montantHt: string; montantTtc: string };
    };
  };

  it("an appeal holds the payment until the greffier records the chambre de l'instruction's decision; a reformation's amounts are stored and shown (R228-1, R230)", async () => {
    const id = await memoireEnRecours(orm);
    const [{ numero } = { numero: "" }] = await sqlDe(orm).lignes<{ numero: string }>("SELECT numero FROM memoire WHERE id = ?", [id]);
    const aTraiter = async (agentId: string) =>
      (corps(await client(agentId).get(`/admin/api/resources/memoires/actions/list?filters.aTraiter=oui&filters.numero=${numero}`)).records ?? []).map((r) => r.id);
    const [a, m, j] = aujourdhui().split("-");
    const ordonnateur = client("demo-ordonnateur-paris");
    const recoursEnAttente = async () =>
      (corps(await client("demo-greffier-paris").get(`/admin/api/resources/memoires/actions/list?filters.recoursEnInstance=oui&filters.numero=${numero}`)).records ?? []).map((r) => r.id);
    expect(await recoursEnAttente()).toEqual([id]);
    // Waiting for the chambre: nobody's « à traiter », the ordonnateur is told why.
    expect(await aTraiter("demo-greffier-paris")).toEqual([]);
    expect(await aTraiter("demo-ordonnateur-paris")).toEqual([]);
    const groupe = await ordonnateur.post(`/admin/api/resources/memoires/bulk/valider-paiement-groupe?recordIds=${id}`).send({ saisie: "{}" });
    expect(corps(groupe).rapport?.[0]?.message).toContain(`recours formé le ${j}/${m}/${a} par le prestataire contre l'ordonnance de taxe`);
    const enInstance = await detail(id);
    expect(enInstance.taxation?.recours).toEqual({ formeLe: `${j}/${m}/${a}`, par: "le prestataire", commentaire: "" });
    // A second appeal, a decision before the appeal, a reformation without amounts: refused, nothing written.
    const v0 = (await etatStocke(orm, id)).version;
    const greffier = client("demo-greffier-paris");
    const second = await poster(greffier, id, "constater-recours-taxe", v0, { formeLe: aujourdhui(), par: "MINISTERE_PUBLIC" });
    // A second appeal is not offered (core's input-free rule): a forged POST is forbidden.
    expect(second.status).toBe(403);
    const avantRecours = await poster(greffier, id, "constater-decision-recours", v0, { decision: { rendueLe: "2020-01-01", sens: "CONFIRMATION", motif: "arrêt" } });
    expect(corps(avantRecours).notice?.message).toContain("la décision ne peut précéder le recours");
    const sansMontant = await poster(greffier, id, "constater-decision-recours", v0, { decision: { rendueLe: aujourdhui(), sens: "REFORMATION", motif: "arrêt" } });
    expect(sansMontant.status).toBe(422);
    expect(corps(sansMontant).notice?.message).toContain("Saisie invalide : décision : une réformation fixe le montant HT d'au moins une ligne");
    expect((await etatStocke(orm, id)).version).toBe(v0);
    // The chambre raises each line to 12,50 HT (typed with a comma).
    const lignes = await lignesDe(id);
    const decision = await poster(greffier, id, "constater-decision-recours", v0, {
      decision: { rendueLe: aujourdhui(), sens: "REFORMATION", motif: "CA Paris, ch. de l'instruction, arrêt n° 26/123", lignes: lignes.map((ligneId) => ({ ligneId, montantHtTaxe: "12,50" })) },
    });
    expect(decision.status, JSON.stringify(corps(decision).notice)).toBe(200);
    const apres = await etatStocke(orm, id);
    expect(apres.etat).toBe("TAXE");
    expect(apres.evenements.at(-1)).toMatchObject({ commande: "memoire.constater-decision-recours", auteurId: "demo-greffier-paris", motif: "CA Paris, ch. de l'instruction, arrêt n° 26/123" });
    const htLignes = await sqlDe(orm).lignes<{ montantHt: string }>(`SELECT montant_ht AS "montantHt" FROM ligne_prestation WHERE memoire_id = ? ORDER BY rang`, [id]);
    expect(htLignes.map((l) => l.montantHt)).toEqual(lignes.map(() => "12.50"));
    const [colonne] = await sqlDe(orm).lignes<{ jour: string | null }>("SELECT taxe_executable_le AS jour FROM memoire WHERE id = ?", [id]);
    expect(colonne?.jour).toBe(aujourdhui());
    const decidee = await detail(id);
    expect(decidee.taxation?.recours?.decision).toEqual({ rendueLe: `${j}/${m}/${a}`, sens: "ordonnance réformée", reformation: true, motif: "CA Paris, ch. de l'instruction, arrêt n° 26/123" });
    expect(decidee.totaux.montantHt).toBe(euros(formaterMontant(BigDecimal.multiply(BigDecimal.unsafeFromString("12.50"), BigDecimal.fromBigInt(BigInt(lignes.length))))));
    // Executable: the ordonnateur's to validate, no longer among the appeals waiting.
    expect(await aTraiter("demo-ordonnateur-paris")).toEqual([id]);
    expect(await recoursEnAttente()).toEqual([]);
    expect((await poster(ordonnateur, id, "valider-paiement", apres.version, {})).status).toBe(200);
    expect((await etatStocke(orm, id)).etat).toBe("VALIDE");
  });

  it("the magistrat's taxation writes the notice with the action, and the show page lists it, waiting for delivery", async () => {
    const id = await memoireEn(orm, "A_TAXER", "750");
    const avant = await etatStocke(orm, id);
    const lignes = await lignesDe(id);
    const reponse = await poster(client("demo-magistrat-paris"), id, "taxer", avant.version, { taxation: { lignes: lignes.map((ligneId) => ({ ligneId, montantHtTaxe: "10.00" })), motif: "tarif" } });
    expect(reponse.status, JSON.stringify(corps(reponse).notice)).toBe(200);
    const [rang] = await sqlDe(orm).lignes<{ rang: unknown }>("SELECT max(rang) AS rang FROM evenement_memoire WHERE memoire_id = ?", [id]);
    const lignesAvis = await sqlDe(orm).lignes<{ destinataire: string; evenementRang: unknown; statut: string }>(
      `SELECT destinataire, evenement_rang AS "evenementRang", statut FROM notification_memoire WHERE memoire_id = ?`,
      [id],
    );
    expect(lignesAvis.map((l) => [l.destinataire, Number(l.evenementRang), l.statut])).toEqual([["elise.martin@interpretes.example", Number(rang?.rang), "EN_ATTENTE"]]);
    const { avisPrestataire } = await detail(id);
    expect(avisPrestataire?.envois).toEqual([
      expect.objectContaining({ destinataire: "elise.martin@interpretes.example", statut: "EN_ATTENTE", libelle: "En attente d'envoi", sujet: expect.stringMatching(/^Ordonnance de taxe - mémoire MJ/) as unknown }),
    ]);
  });

  it("its payment waits for the notification and the ten days of appeal (R228-1): the ordonnateur is refused, the greffier records the day, the page says until when", async () => {
    const id = await memoireTaxeeEnDessous(orm);
    const ordonnateur = client("demo-ordonnateur-paris");
    const v0 = (await etatStocke(orm, id)).version;
    // Not offered (the record's actions for the ordonnateur leave it out, a forged POST is forbidden),
    // and the bulk validation reports why, in core's words.
    const vu = await ordonnateur.get(`/admin/api/resources/memoires/records/${id}/show`);
    expect(String(corps(vu).record?.params["actionsPermises"])).not.toContain("memoire.valider-paiement");
    expect((await poster(ordonnateur, id, "valider-paiement", v0, {})).status).toBe(403);
    const groupe = await ordonnateur.post(`/admin/api/resources/memoires/bulk/valider-paiement-groupe?recordIds=${id}`).send({ saisie: "{}" });
    expect(groupe.status).toBe(200);
    expect(corps(groupe).rapport).toEqual([expect.objectContaining({ id, reussi: false, message: expect.stringContaining("sa notification au prestataire n'est pas constatée (CPP R228)") as unknown })]);
    expect((await detail(id)).avisPrestataire?.notification).toBeUndefined();
    // « À traiter »: the greffier's until the notification is recorded; not the ordonnateur's.
    const [{ numero } = { numero: "" }] = await sqlDe(orm).lignes<{ numero: string }>("SELECT numero FROM memoire WHERE id = ?", [id]);
    const aTraiter = async (agentId: string) =>
      (corps(await client(agentId).get(`/admin/api/resources/memoires/actions/list?filters.aTraiter=oui&filters.numero=${numero}`)).records ?? []).map((r) => r.id);
    expect(await aTraiter("demo-greffier-paris")).toEqual([id]);
    expect(await aTraiter("demo-ordonnateur-paris")).toEqual([]);
    const futur = await poster(client("demo-greffier-paris"), id, "constater-notification-taxe", v0, { notifieeLe: "2999-01-01" });
    expect(futur.status).toBe(422);
    expect(corps(futur).notice?.message).toContain("est dans le futur");
    const constat = await poster(client("demo-greffier-paris"), id, "constater-notification-taxe", v0, { notifieeLe: aujourdhui() });
    expect(constat.status, JSON.stringify(corps(constat).notice)).toBe(200);
    const apres = await etatStocke(orm, id);
    expect(apres.etat).toBe("TAXE");
    expect(apres.evenements.at(-1)).toMatchObject({ commande: "memoire.constater-notification-taxe", auteurId: "demo-greffier-paris" });
    // Notified: no longer the greffier's to handle, and the ordonnateur's only once the delay has run.
    expect(await aTraiter("demo-greffier-paris")).toEqual([]);
    expect(await aTraiter("demo-ordonnateur-paris")).toEqual([]);
    const { avisPrestataire } = await detail(id);
    const [a, m, j] = aujourdhui().split("-");
    expect(avisPrestataire?.notification?.le).toBe(`${j}/${m}/${a}`);
    expect(avisPrestataire?.notification?.finDelaiRecours).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const pendant = await ordonnateur.post(`/admin/api/resources/memoires/bulk/valider-paiement-groupe?recordIds=${id}`).send({ saisie: "{}" });
    expect(corps(pendant).rapport?.[0]?.message).toContain(`jusqu'au ${avisPrestataire?.notification?.finDelaiRecours ?? "?"} inclus`);
    expect((await etatStocke(orm, id)).etat).toBe("TAXE");
  });

  it("a taxation that grants the request writes nothing, and the show page has no such section", async () => {
    const id = await memoireEn(orm, "A_TAXER", "750");
    const avant = await etatStocke(orm, id);
    const demandes = await sqlDe(orm).lignes<{ id: string; montantHt: string }>("SELECT id, montant_ht AS \"montantHt\" FROM ligne_prestation WHERE memoire_id = ? ORDER BY rang", [id]);
    const reponse = await poster(client("demo-magistrat-paris"), id, "taxer", avant.version, { taxation: { lignes: demandes.map((l) => ({ ligneId: l.id, montantHtTaxe: l.montantHt })), motif: "conforme" } });
    expect(reponse.status, JSON.stringify(corps(reponse).notice)).toBe(200);
    expect(await sqlDe(orm).lignes("SELECT id FROM notification_memoire WHERE memoire_id = ?", [id])).toEqual([]);
    expect((await detail(id)).avisPrestataire).toBeUndefined();
  });
});

describe("show page and filters: one read of the mémoire, current juridictions", () => {
  it("reads the mémoire once per show request (access guard and AdminJS share the read)", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const charger = vi.spyOn(application.memoires.depot, "charger");
    try {
      const reponse = await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/show`);
      expect(reponse.status).toBe(200);
      expect(charger.mock.calls.filter(([x]) => x === id)).toHaveLength(1);
      // The next request reads it again (no stale state across requests).
      await client("demo-greffier-paris").get(`/admin/api/resources/memoires/records/${id}/show`);
      expect(charger.mock.calls.filter(([x]) => x === id)).toHaveLength(2);
    } finally {
      charger.mockRestore();
    }
  });

  it("after an action, the answer shows the new state (the request's read is refreshed)", async () => {
    const id = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const avant = await etatStocke(orm, id);
    const reponse = await poster(client("demo-greffier-paris"), id, "certifier", avant.version, {});
    expect(reponse.status).toBe(200);
    expect(corps(reponse).record?.params["etat"]).toBe("CERTIFIE");
  });

  it("the juridiction filter's choices are the agent's juridictions as they are now", async () => {
    const ordonnateur = client("demo-ordonnateur-paris");
    const choix = async () => (corps(await ordonnateur.get("/admin/api/resources/memoires/actions/juridictions")).choix ?? []).map((j) => j.label);
    const avis = async (code: string) => corps(await ordonnateur.get(`/admin/api/resources/memoires/actions/list?filters.juridictionCode=${code}`)).notice?.message;
    expect(await choix()).toContain("750 - Tribunal judiciaire de Paris");
    expect((await choix()).some((l) => l.startsWith("690"))).toBe(false);
    // A juridiction the filter does not offer (another court's, or one that does not exist yet) is named in the list's notice.
    expect(await avis("773")).toBe("Valeur inconnue — Juridiction « 773 » ; choisissez une valeur proposée par le filtre");
    expect(await avis("690")).toBe("Valeur inconnue — Juridiction « 690 » ; choisissez une valeur proposée par le filtre");
    expect(await avis("750")).toBeUndefined();
    const cree = await client("demo-administrateur")
      .post("/admin/api/resources/Juridiction/actions/new")
      .send({ saisie: JSON.stringify({ code: "773", libelle: "Tribunal judiciaire de Melun", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-PARIS" }) });
    expect(cree.status).toBe(200);
    expect(await choix()).toContain("773 - Tribunal judiciaire de Melun");
    expect(await avis("773")).toBeUndefined();
    const renomme = await client("demo-administrateur").post("/admin/api/resources/Juridiction/records/773/renommer").send({ saisie: JSON.stringify({ libelle: "TJ de Melun" }) });
    expect(renomme.status).toBe(200);
    expect(await choix()).toContain("773 - TJ de Melun");
    // A role that may not consult mémoires gets AdminJS's "forbidden" answer and no juridiction.
    const support = corps(await client("demo-support").get("/admin/api/resources/memoires/actions/juridictions"));
    expect(support.notice).toMatchObject({ type: "error", message: "forbiddenError" });
    expect(support.choix).toBeUndefined();
  });
});

describe("bulk validation and bulk payment: a per-mémoire report", () => {
  const evenementsDe = async (id: string) => (await etatStocke(orm, id)).evenements;

  it("validates a mixed selection: done through core with one audit event; refused with core's reason; unknown or another juridiction's reported as such; nothing written for the others", async () => {
    const fait = await memoireEn(orm, "CERTIFIE", "750");
    const mauvaisEtat = await memoireEn(orm, "MIS_A_DISPOSITION", "750");
    const lyon = await memoireEn(orm, "CERTIFIE", "690");
    const inconnu = "memoire-inexistant";
    const avant = { fait: await etatStocke(orm, fait), mauvaisEtat: await etatStocke(orm, mauvaisEtat), lyon: await etatStocke(orm, lyon) };
    const c = client("demo-ordonnateur-paris");
    const selection = [fait, mauvaisEtat, lyon, inconnu].join(",");
    const reponse = await c.post(`/admin/api/resources/memoires/bulk/valider-paiement-groupe?recordIds=${selection}`).send({ saisie: "{}" });
    expect(reponse.status).toBe(200);
    const rapport = corps(reponse).rapport ?? [];
    expect(rapport.map((r) => [r.id, r.resultat])).toEqual([
      [fait, "traite"],
      [mauvaisEtat, "refuse"],
      [lyon, "introuvable"],
      [inconnu, "introuvable"],
    ]);
    expect(rapport[1]?.message).toMatch(/refusée|non autorisée/);
    expect(rapport[1]?.message.length).toBeGreaterThan(20);
    // Nothing about another juridiction's mémoire, not even its number.
    expect(rapport[2]?.numero).toBe("");
    expect(JSON.stringify(corps(reponse))).not.toContain(String((await sqlDe(orm).lignes<{ numero: string }>("SELECT numero FROM memoire WHERE id = ?", [lyon]))[0]?.numero));
    const apres = await etatStocke(orm, fait);
    expect(apres.etat).toBe("VALIDE");
    expect(apres.version).toBe(avant.fait.version + 1);
    expect(apres.evenements.slice(avant.fait.evenements.length)).toEqual([{ commande: "memoire.valider-paiement", auteurId: "demo-ordonnateur-paris", motif: null }]);
    expect(await etatStocke(orm, mauvaisEtat)).toEqual(avant.mauvaisEtat);
    expect(await etatStocke(orm, lyon)).toEqual(avant.lyon);
  });

  it("pays a mixed selection with the payment date and reference; a missing reference is refused by core for every mémoire and nothing is written", async () => {
    const fait = await memoireEn(orm, "VALIDE", "750");
    const mauvaisEtat = await memoireEn(orm, "CERTIFIE", "750");
    const c = client("demo-comptable-paris");
    const avantMauvais = await etatStocke(orm, mauvaisEtat);
    const sansReference = await c.post(`/admin/api/resources/memoires/bulk/mettre-en-paiement-groupe?recordIds=${fait}`).send({ saisie: JSON.stringify({ paiement: { date: "2026-11-20", reference: "" } }) });
    expect((corps(sansReference).rapport ?? []).map((r) => r.resultat)).toEqual(["refuse"]);
    const avantFait = await etatStocke(orm, fait);
    expect(avantFait.etat).toBe("VALIDE");
    const reponse = await c
      .post(`/admin/api/resources/memoires/bulk/mettre-en-paiement-groupe?recordIds=${fait},${mauvaisEtat},inexistant`)
      .send({ saisie: JSON.stringify({ paiement: { date: "2026-11-20", reference: "VIR-2026-42" } }) });
    expect(reponse.status).toBe(200);
    expect((corps(reponse).rapport ?? []).map((r) => r.resultat)).toEqual(["traite", "refuse", "introuvable"]);
    const [paye] = await sqlDe(orm).lignes<{ etat: string; reference: string }>(`SELECT etat, paiement_reference AS "reference" FROM memoire WHERE id = ?`, [fait]);
    expect(paye).toEqual({ etat: "MIS_EN_PAIEMENT", reference: "VIR-2026-42" });
    const apres = await evenementsDe(fait);
    expect(apres.slice(avantFait.evenements.length)).toEqual([{ commande: "memoire.mettre-en-paiement", auteurId: "demo-comptable-paris", motif: null }]);
    expect(await etatStocke(orm, mauvaisEtat)).toEqual(avantMauvais);
  });

  it("a role without the action is refused before the handler runs (AdminJS's forbidden answer), nothing written", async () => {
    const id = await memoireEn(orm, "CERTIFIE", "750");
    const avant = await etatStocke(orm, id);
    const reponse = await client("demo-greffier-paris").post(`/admin/api/resources/memoires/bulk/valider-paiement-groupe?recordIds=${id}`).send({ saisie: "{}" });
    expect(corps(reponse).notice).toMatchObject({ type: "error", message: "forbiddenError" });
    expect(corps(reponse).rapport).toBeUndefined();
    expect(await etatStocke(orm, id)).toEqual(avant);
  });

  it("GET never changes anything: every record action and every bulk action", async () => {
    const depart: Record<string, EtatMemoire> = { "certifier-groupe": "MIS_A_DISPOSITION", "valider-paiement-groupe": "CERTIFIE", "mettre-en-paiement-groupe": "VALIDE" };
    const roles: Record<string, string> = { "certifier-groupe": "demo-greffier-paris", "valider-paiement-groupe": "demo-ordonnateur-paris", "mettre-en-paiement-groupe": "demo-comptable-paris" };
    for (const [action, etat] of Object.entries(depart)) {
      const id = await memoireEn(orm, etat, "750");
      const avant = await etatStocke(orm, id);
      const reponse = await client(roles[action] ?? "").get(`/admin/api/resources/memoires/bulk/${action}?recordIds=${id}`).query({ saisie: JSON.stringify({ paiement: { date: "2026-11-20", reference: "X" } }) });
      expect(reponse.status).toBe(200);
      expect(corps(reponse).rapport).toBeUndefined();
      expect(await etatStocke(orm, id)).toEqual(avant);
    }
    for (const action of ACTIONS) {
      const role = (Object.keys(PERMIS) as Array<RoleAgent>).find((r) => PERMIS[r].includes(action.nom));
      const agent = PARIS.find((a) => a.roles[0] === role);
      const id = action.preparer === undefined ? await memoireEn(orm, action.depuis, "750") : await action.preparer();
      const avant = await etatStocke(orm, id);
      const reponse = await client(agent?.id ?? "").get(`/admin/api/resources/memoires/records/${id}/${action.nom}`).query({ version: String(avant.version), saisie: JSON.stringify(action.saisie(await lignesDe(id))) });
      expect(reponse.status).toBe(200);
      expect(await etatStocke(orm, id), action.nom).toEqual(avant);
    }
  });
});
