import { Either } from "effect";
import type { Response } from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../../base/orm.js";
import { sqlDe } from "../../base/sql.js";
import { EXEMPLE as E, ecrireExempleOrganisation } from "../../organisation/organisation.exemple.js";
import { depotsOrganisation } from "../../organisation/organisation.repository.js";
import type { Application } from "../../serveur/application.js";
import { AGENTS_DEMO } from "../../serveur/demo.js";
import { banc, connecter } from "../../serveur/test-support.js";

/**
 * The organisation screens over HTTP (the AdminJS API the pages call): who lists and shows what,
 * the filters, what a show page carries (masked IBAN, never a password hash), and that every
 * state-changing action is refused to the agents core does not grant it, writing nothing.
 */
type Client = Awaited<ReturnType<typeof connecter>>;

let orm: Orm;
let application: Application;
let detruire: () => Promise<void>;
const clients = new Map<string, Client>();
const client = (id: string): Client => {
  const c = clients.get(id);
  if (c === undefined) throw new Error(id);
  return c;
};
const corps = (r: Response) => r.body as { records?: Array<{ id: string; params: Record<string, unknown> }>; record?: { params: Record<string, unknown>; recordActions?: Array<{ name: string }> }; notice?: { message: string } };
const liste = async (agent: string, resource: string, filtres = "") => {
  const r = await client(agent).get(`/admin/api/resources/${resource}/actions/list${filtres === "" ? "" : `?${filtres}`}`);
  expect(r.status).toBe(200);
  return (corps(r).records ?? []).map((x) => x.id).sort();
};
const LECTEURS = ["demo-administrateur", "demo-support"];
const NON_LECTEURS = ["demo-greffier-paris", "demo-magistrat-paris", "demo-ordonnateur-paris", "demo-comptable-paris", "demo-greffier-lyon"];
const etatBase = async () => ({
  coordonnees: (await sqlDe(orm).lignes("SELECT id, active, version FROM coordonnee_bancaire ORDER BY id")).map((l) => JSON.stringify(l)),
  mandats: (await sqlDe(orm).lignes("SELECT id, statut, version FROM mandat ORDER BY id")).map((l) => JSON.stringify(l)),
  habilitations: (await sqlDe(orm).lignes("SELECT id, version FROM habilitation ORDER BY id")).map((l) => JSON.stringify(l)),
  audit: Number((await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM evenement_organisation"))[0]?.n),
});

beforeAll(async () => {
  ({ orm, application, detruire } = await banc());
  await ecrireExempleOrganisation(orm);
  for (const a of AGENTS_DEMO) clients.set(a.id, await connecter(application, a.id));
}, 60_000);
afterAll(async () => detruire());

describe("structures list", () => {
  it.each(LECTEURS)("%s lists the structures, with exact filters on codes and accent-insensitive text", async (agent) => {
    expect(await liste(agent, "structures")).toEqual([E.structure, E.autreStructure].sort());
    expect(await liste(agent, "structures", "filters.categorie=LABORATOIRE")).toEqual([E.autreStructure]);
    // ACTIF is not a substring match: the inactive laboratory stays out.
    expect(await liste(agent, "structures", "filters.statut=ACTIF")).toEqual([E.structure]);
    expect(await liste(agent, "structures", "filters.statut=INACTIF")).toEqual([E.autreStructure]);
    expect(await liste(agent, "structures", `filters.identifiantValeur=${encodeURIComponent("732 829 320")}`)).toEqual([E.structure]);
    expect(await liste(agent, "structures", "filters.identifiantType=SIRET&filters.texte=COEUR")).toEqual([E.structure]);
    expect(await liste(agent, "structures", `filters.raisonSociale=${encodeURIComponent("élise")}`)).toEqual([E.structure]);
    expect(await liste(agent, "structures", "filters.texte=lille")).toEqual([E.autreStructure]);
  });

  it("sorts by raison sociale by default and carries codes the locale turns into French labels", async () => {
    const r = corps(await client("demo-administrateur").get("/admin/api/resources/structures/actions/list"));
    expect(r.records?.map((x) => x.params["raisonSociale"])).toEqual(["Cabinet d'interprétariat Élise Cœur", "Laboratoire d'analyses du Nord"]);
    expect(r.records?.[0]?.params).toMatchObject({ identifiantType: "SIRET", identifiantValeur: "73282932000074", categorie: "INTERPRETE_TRADUCTEUR", statut: "ACTIF" });
  });

  it.each(NON_LECTEURS)("%s (no organisation right) is refused the list and learns nothing", async (agent) => {
    const r = await client(agent).get("/admin/api/resources/structures/actions/list");
    expect(r.status).toBe(403);
    expect(r.text).not.toContain("Cœur");
  });
});

describe("structure show page", () => {
  it("shows identity, address, services, informations mémoire, bank details (IBAN masked), mandats and members with their roles", async () => {
    const r = await client("demo-administrateur").get(`/admin/api/resources/structures/records/${E.structure}/show`);
    expect(r.status).toBe(200);
    const d = JSON.parse(String(corps(r).record?.params["detail"])) as {
      identifiant: { type: string; valeur: string };
      adresse: string;
      services: Array<{ code: string; etat: string }>;
      informationsMemoire: { categorie: string; regime: string; droitOption: string };
      coordonnees: Array<{ id: string; compte: string; etat: string; active: boolean }>;
      mandats: Array<{ id: string; statut: string; mandant: string; revoqueLe: string }>;
      membres: Array<{ utilisateurId: string; role: string; habilitations: Array<{ profil: string; portee: string }> }>;
      prerequisManquants: Array<string>;
    };
    expect(d.identifiant).toEqual({ type: "SIRET", valeur: "73282932000074" });
    expect(d.adresse).toBe("12 rue de la Paix, 75002 Paris");
    expect(d.services).toEqual([
      { code: "PARIS", libelle: "Agence de Paris", etat: "Actif" },
      { code: "LYON", libelle: "Agence de Lyon", etat: "Désactivé" },
    ]);
    expect(d.informationsMemoire).toEqual({ categorie: "Interprète-traducteur", regime: "Indépendant", droitOption: "Exercé" });
    const cb = new Map(d.coordonnees.map((c) => [c.id, c]));
    expect(cb.get(E.coordonneeActive)).toMatchObject({ compte: "FR76 •••• •••• •••• •••• •••0 189", etat: "Active", active: true });
    expect(cb.get(E.coordonneeDesactivee)).toMatchObject({ compte: "RIB — FR76 •••• •••• •••• •••• •••0 189", etat: "Désactivée le 15/01/2025", active: false });
    expect(d.mandats.map((m) => [m.id, m.statut])).toEqual([
      [E.mandatSigne, "Signé (actif)"],
      [E.mandatRevoque, "Révoqué"],
    ]);
    expect(d.mandats[1]).toMatchObject({ mandant: "Cabinet d'interprétariat Élise Cœur", revoqueLe: "10/01/2025" });
    expect(d.membres.map((m) => [m.utilisateurId, m.role])).toEqual([
      [E.principal, "Gestionnaire principal"],
      [E.secondaire, "Gestionnaire secondaire"],
      [E.simple, "Utilisateur simple"],
    ]);
    expect(d.membres[2]?.habilitations).toEqual([expect.objectContaining({ profil: "Frais de justice consultation", portee: "PARIS — Agence de Paris" })]);
    expect(d.prerequisManquants).toEqual([]);
    // Neither the full account number nor the RIB's parts leave the server.
    expect(r.text).not.toContain("FR7630006000011234567890189");
    expect(r.text).not.toContain("12345678901");
  });

  it("answers 404 for an unknown structure", async () => {
    expect((await client("demo-administrateur").get("/admin/api/resources/structures/records/structure-inconnue/show")).status).toBe(404);
  });

  it.each(NON_LECTEURS)("%s gets 403 on a guessed show URL, and the body leaks nothing of the structure", async (agent) => {
    const r = await client(agent).get(`/admin/api/resources/structures/records/${E.structure}/show`);
    expect(r.status).toBe(403);
    for (const secret of ["Cœur", "0189", "elise.coeur", "Paris"]) expect(r.text).not.toContain(secret);
  });
});

describe("users", () => {
  it("lists the users with their account state (a locked account says until when), filtered by structure or text", async () => {
    const r = corps(await client("demo-support").get("/admin/api/resources/utilisateurs/actions/list"));
    const compte = new Map(r.records?.map((x) => [x.id, String(x.params["compte"])]));
    expect(compte.get(E.principal)).toBe("Actif");
    expect(compte.get(E.verrouille)).toMatch(/^Verrouillé jusqu'au \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(await liste("demo-support", "utilisateurs", `filters.structureId=${E.structure}`)).toEqual([E.principal, E.secondaire, E.simple].sort());
    expect(await liste("demo-support", "utilisateurs", "filters.texte=zoe")).toEqual([E.simple]);
    expect(await liste("demo-support", "utilisateurs", "filters.statut=ACTIF")).toHaveLength(4);
  });

  it("shows a user's rattachements and habilitations per structure and service, never the password hash", async () => {
    const r = await client("demo-administrateur").get(`/admin/api/resources/utilisateurs/records/${E.simple}/show`);
    expect(r.status).toBe(200);
    const d = JSON.parse(String(corps(r).record?.params["detail"])) as { compte: string; rattachements: Array<{ raisonSociale: string; role: string; service: string; habilitations: Array<{ profil: string; mode: string }> }> };
    expect(d.compte).toBe("Actif");
    expect(d.rattachements).toEqual([
      expect.objectContaining({
        raisonSociale: "Cabinet d'interprétariat Élise Cœur",
        role: "Utilisateur simple",
        service: "PARIS — Agence de Paris",
        habilitations: [expect.objectContaining({ profil: "Frais de justice consultation", mode: "Consultation" })],
      }),
    ]);
    expect(r.text).not.toContain("scrypt$");
  });

  it("refuses the users to court agents without organisation right", async () => {
    expect((await client("demo-greffier-paris").get("/admin/api/resources/utilisateurs/actions/list")).status).toBe(403);
    expect((await client("demo-greffier-paris").get(`/admin/api/resources/utilisateurs/records/${E.simple}/show`)).status).toBe(403);
  });
});

describe("state-changing actions: only through core commands, only for whom core's autoriser grants them", () => {
  const ACTIONS = [
    ["desactiver-coordonnee", E.coordonneeActive],
    ["reactiver-coordonnee", E.coordonneeDesactivee],
    ["revoquer-mandat", E.mandatSigne],
    ["revoquer-habilitation", E.habilitation],
  ] as const;

  it("offers none of them on the show page: no court-side role holds a structure's management actions", async () => {
    const r = corps(await client("demo-administrateur").get(`/admin/api/resources/structures/records/${E.structure}/show`));
    const noms = (r.record?.recordActions ?? []).map((a) => a.name);
    expect(noms).toContain("show");
    for (const [action] of ACTIONS) expect(noms).not.toContain(action);
    for (const generique of ["edit", "delete", "new"]) expect(noms).not.toContain(generique);
  });

  for (const agent of AGENTS_DEMO.map((a) => a.id)) {
    it(`${agent}: a forged POST of every action is refused (403) and writes nothing, not even an audit entry`, async () => {
      const avant = await etatBase();
      for (const [action, cible] of ACTIONS) {
        const r = await client(agent).post(`/admin/api/resources/structures/records/${E.structure}/${action}`).send({ cible });
        expect(r.status, `${action}`).toBe(403);
      }
      expect(await etatBase()).toEqual(avant);
    });
  }

  it("refuses the generic edit, delete and new, whoever asks", async () => {
    const avant = await etatBase();
    const admin = client("demo-administrateur");
    expect((await admin.post(`/admin/api/resources/structures/records/${E.structure}/edit`).send({ raisonSociale: "Piratée" })).status).toBe(403);
    expect((await admin.post(`/admin/api/resources/structures/records/${E.structure}/delete`)).status).toBe(403);
    expect((await admin.post("/admin/api/resources/structures/actions/new").send({ raisonSociale: "Nouvelle" })).status).toBe(403);
    expect((await admin.post(`/admin/api/resources/utilisateurs/records/${E.simple}/delete`)).status).toBe(403);
    expect(await etatBase()).toEqual(avant);
    expect(Either.getOrThrow(await depotsOrganisation(orm).structures.charger(E.structure)).valeur.raisonSociale).toBe("Cabinet d'interprétariat Élise Cœur");
  });
});
