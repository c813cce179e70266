import { Ajv2020 } from "ajv/dist/2020.js";
import formatsModule from "ajv-formats";
import type { ActeurAgent } from "@frais-justice/core/autorisation";
import type { Commande } from "@frais-justice/support";
import { Either } from "effect";
import type { RequestHandler } from "express";
import { join } from "node:path";
import request from "supertest";
import { ecrireLotGenere } from "../flux/flux.generateur.js";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { routesFlux } from "./flux.routes.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentOpenApi } from "./openapi.js";
import { bancApi, coteJuridiction, enTeteValide, j, ligneValide, PDF, type BancApi } from "./test-support.js";

/**
 * The OpenAPI document is kept true by this test: it calls every operation of the document on a real
 * API (success and typical problems) and validates each response — status, media type and body —
 * against the document with ajv (JSON Schema 2020-12, formats). It fails when an operation of the
 * document was never exercised with a success.
 */

type Doc = { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };
const doc = documentOpenApi() as unknown as Doc;
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(doc, "https://frais-justice.example/openapi.json");

const absolu = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(absolu);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" && x.startsWith("#/") ? `https://frais-justice.example/openapi.json${x}` : absolu(x)]));
};

const operations = new Map<string, { chemin: string; methode: string; reponses: Record<string, { content?: Record<string, { schema: unknown }> }> }>();
for (const [chemin, methodes] of Object.entries(doc.paths)) for (const [methode, op] of Object.entries(methodes)) operations.set(op.operationId, { chemin, methode, reponses: op.responses });

const reussies = new Set<string>();
const compilees = new Map<string, ReturnType<typeof ajv.compile>>();

/** Validates a real response against the document's operation; returns the response for chaining. */
const conforme = <R extends { status: number; headers: Record<string, string>; body: unknown; text?: string }>(operationId: string, r: R): R => {
  const op = operations.get(operationId);
  expect(op, `opération ${operationId} absente du document`).toBeDefined();
  if (op === undefined) return r;
  const statut = String(r.status);
  const reponse = op.reponses[statut];
  expect(reponse, `${operationId} : statut ${statut} non documenté (${JSON.stringify(r.body).slice(0, 300)})`).toBeDefined();
  if (reponse === undefined) return r;
  const media = (r.headers["content-type"] ?? "").split(";")[0] ?? "";
  if (reponse.content === undefined) expect(r.text ?? "", `${operationId} ${statut} : corps inattendu`).toBe("");
  else {
    const entree = reponse.content[media] ?? reponse.content["*/*"];
    expect(entree, `${operationId} ${statut} : type ${media} non documenté`).toBeDefined();
    if (entree !== undefined && (media.endsWith("json") || media.startsWith("text/"))) {
      const cle = `${operationId} ${statut} ${media}`;
      let valider = compilees.get(cle);
      if (valider === undefined) {
        valider = ajv.compile(absolu(entree.schema) as object);
        compilees.set(cle, valider);
      }
      const corps = media.startsWith("text/") ? r.text : r.body;
      expect(valider(corps), `${cle} : ${ajv.errorsText(valider.errors)} — ${JSON.stringify(corps).slice(0, 500)}`).toBe(true);
    }
  }
  if (r.status < 300) reussies.add(operationId);
  return r;
};

let banc: BancApi;
let flux: RequestHandler | undefined;

const SUPPORT: ActeurAgent = { _tag: "Agent", id: "agent-support", roles: ["SUPPORT"], perimetre: { juridictions: [], coursAppel: [], supportNational: true } };

/** The support agent's side of a ticket, through the repository: take it and ask for information, or propose a solution. */
const parcoursTicket = async (id: string, etape: "informations" | "solution" = "informations"): Promise<void> => {
  const depot = banc.tickets;
  if (depot === undefined) throw new Error("pas de dépôt de tickets");
  const commandes: ReadonlyArray<Commande> =
    etape === "informations"
      ? [
          { type: "ticket.affecter", acteur: SUPPORT },
          { type: "ticket.demander-informations", texte: "Quel est le préfixe du jeton ?", acteur: SUPPORT },
        ]
      : [{ type: "ticket.proposer-solution", texte: "Créez un nouveau jeton.", acteur: SUPPORT }];
  for (const c of commandes) {
    const t = await depot.charger(id);
    if (Either.isLeft(t)) throw new Error("ticket illisible");
    const r = await depot.executer(id, t.right.version, c);
    if (Either.isLeft(r)) throw new Error(`${c.type} refusé : ${r.left.message}`);
  }
};
let bearer: { Authorization: string };

beforeAll(async () => {
  banc = await bancApi({ requetesParMinute: 10_000, tickets: true, routeurs: { "/flux": (req, res, next) => (flux === undefined ? next() : flux(req, res, next)) } });
  flux = routesFlux({ orm: banc.orm, stockage: new StockagePieces(join(banc.dossier, "pieces")), dossierLots: join(banc.dossier, "lots") });
  bearer = { Authorization: `Bearer ${await banc.jeton("a")}` };
}, 60_000);
afterAll(async () => banc.detruire());

const api = () => request(banc.app);

describe("the OpenAPI 3.1 document", () => {
  it("is served at /api/v1/openapi.json without authentication", async () => {
    const r = await api().get("/api/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(j(r)).toMatchObject({ openapi: "3.1.0" });
    expect(Object.keys((r.body as Doc).paths).length).toBe(Object.keys(doc.paths).length);
  });

  it("describes every response of every operation, success and problems", async () => {
    // Tokens
    conforme("creerJeton", await api().post("/api/v1/jetons").send({ email: "gestion@structure-a.example", motDePasse: "mauvais" }));
    conforme("creerJeton", await api().post("/api/v1/jetons").send({ email: 12 }));
    const cree = conforme("creerJeton", await api().post("/api/v1/jetons").send({ email: "gestion@structure-a.example", motDePasse: "Structure-A-2026!", libelle: "jetable" }));
    conforme("listerJetons", await api().get("/api/v1/jetons").set(bearer));
    conforme("revoquerJeton", await api().delete(`/api/v1/jetons/${j(cree).id}`).set(bearer));
    conforme("revoquerJeton", await api().delete("/api/v1/jetons/inconnu").set(bearer));
    conforme("listerJetons", await api().get("/api/v1/jetons"));

    // Structures, juridictions, amounts
    conforme("listerStructures", await api().get("/api/v1/structures").set(bearer));
    conforme("lireStructure", await api().get("/api/v1/structures/structure-a").set(bearer));
    conforme("lireStructure", await api().get("/api/v1/structures/structure-b").set(bearer));
    conforme("listerJuridictions", await api().get("/api/v1/juridictions").set(bearer));
    conforme("calculerMontants", await api().post("/api/v1/montants").set(bearer).send({ typeTva: "TVA_SUR_DEBIT", lignes: [ligneValide(), ligneValide("150")], remiseGlobaleTtc: "5.00" }));
    conforme("calculerMontants", await api().post("/api/v1/montants").set(bearer).send({ lignes: [{ ...ligneValide(), tauxTva: "19" }] }));

    // A draft, edited
    conforme("creerMemoire", await api().post("/api/v1/memoires").set(bearer).send({ enTete: { juridiction: "999", structureId: "structure-a" } }));
    const m = conforme("creerMemoire", await api().post("/api/v1/memoires").set(bearer).send({ enTete: enTeteValide(), lignes: [ligneValide()] }));
    const id = String(j(m).id);
    const url = `/api/v1/memoires/${id}`;
    conforme("modifierEnTete", await api().put(`${url}/en-tete`).set(bearer).send(enTeteValide()));
    const v2 = conforme("modifierEnTete", await api().put(`${url}/en-tete`).set(bearer).set("If-Match", '"1"').send({ ...enTeteValide(), numeroFacture: "F-2026-001" }));
    conforme("ajouterLigne", await api().post(`${url}/lignes`).set(bearer).set("If-Match", '"1"').send(ligneValide()));
    const v3 = conforme("ajouterLigne", await api().post(`${url}/lignes`).set(bearer).set("If-Match", String(v2.headers["etag"])).send(ligneValide("120")));
    const ligne2 = String(j(v3).lignes[1].id);
    conforme("modifierLigne", await api().put(`${url}/lignes/${ligne2}`).set(bearer).set("If-Match", '"3"').send(ligneValide("121")));
    conforme("supprimerLigne", await api().delete(`${url}/lignes/${ligne2}`).set(bearer).set("If-Match", '"4"'));
    conforme("modifierRemiseGlobale", await api().put(`${url}/remise-globale`).set(bearer).set("If-Match", '"5"').send({ remiseGlobaleTtc: "1.80" }));
    conforme("joindrePiece", await api().post(`${url}/pieces-jointes`).set(bearer).set("If-Match", '"6"').field("designation", "Texte").field("type", "AUTRE").attach("fichier", Buffer.from("bonjour"), "note.txt"));
    const avecPiece = conforme(
      "joindrePiece",
      await api().post(`${url}/pieces-jointes`).set(bearer).set("If-Match", '"6"').field("designation", "Réquisition").field("type", "REQUISITION").attach("fichier", PDF, "requisition.pdf"),
    );
    const pieceId = String(j(avecPiece).piecesJointes[0].id);
    conforme("telechargerPiece", await api().get(`${url}/pieces-jointes/${pieceId}`).set(bearer));
    conforme("telechargerPiece", await api().get(`${url}/pieces-jointes/inconnue`).set(bearer));
    conforme("detacherPiece", await api().delete(`${url}/pieces-jointes/${pieceId}`).set(bearer).set("If-Match", '"7"'));
    conforme("lireMemoire", await api().get(url).set(bearer));
    conforme("lireCertificat", await api().get(`${url}/certificat`).set(bearer));

    // Sent, certified
    conforme("validerEtEnvoyer", await api().post(`${url}/envoi`).set(bearer).set("If-Match", '"8"').send({ attestationSurLHonneur: false }));
    const envoi = conforme("validerEtEnvoyer", await api().post(`${url}/envoi`).set(bearer).set("If-Match", '"8"').send({ attestationSurLHonneur: true }));
    conforme("validerEtEnvoyer", await api().post(`${url}/envoi`).set(bearer).set("If-Match", '"9"').send({ attestationSurLHonneur: true }));
    conforme("lireCertificat", await api().get(`${url}/certificat`).set(bearer));
    conforme("verifierCertificat", await api().post("/api/v1/certificats/verification").set(bearer).send(j(envoi).certificat as object));
    conforme("verifierCertificat", await api().post("/api/v1/certificats/verification").set(bearer).send({ numero: "MJ0000000001" }));
    conforme("lireMemoire", await api().get(url).set(bearer));

    // Paid: the views
    await coteJuridiction(banc.orm, id, ["transmettre", "certifier", "validerPaiement", "mettreEnPaiement"]);
    conforme("rechercherMemoires", await api().get("/api/v1/memoires?statut=MIS_EN_PAIEMENT&limit=5").set(bearer));
    conforme("rechercherMemoires", await api().get("/api/v1/memoires?tri=COULEUR").set(bearer));
    conforme("synthese", await api().get("/api/v1/synthese").set(bearer));
    conforme("tableauDeBord", await api().get("/api/v1/tableau-de-bord").set(bearer));
    const jour = new Date().toISOString().slice(0, 10);
    const an = new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10);
    const fiscale = conforme("listeFiscale", await api().get(`/api/v1/liste-fiscale?du=${an}&au=${jour}`).set(bearer));
    expect(j(fiscale).lignes).toHaveLength(1);
    conforme("listeFiscale", await api().get(`/api/v1/liste-fiscale?du=${an}&au=${jour}&format=csv`).set(bearer));
    conforme("listeFiscale", await api().get(`/api/v1/liste-fiscale?du=2020-01-01&au=${jour}`).set(bearer));

    // Refused: duplicated, abandoned
    for (const action of ["duplication", "abandon"] as const) {
      const r = await api().post("/api/v1/memoires").set(bearer).send({ enTete: enTeteValide(), lignes: [ligneValide()] });
      const refuse = String(j(r).id);
      await api().post(`/api/v1/memoires/${refuse}/envoi`).set(bearer).set("If-Match", '"1"').send({ attestationSurLHonneur: true });
      await coteJuridiction(banc.orm, refuse, ["transmettre", "refuser"]);
      const etat = await api().get(`/api/v1/memoires/${refuse}`).set(bearer);
      conforme(action === "duplication" ? "dupliquerMemoire" : "abandonnerMemoire", await api().post(`/api/v1/memoires/${refuse}/${action}`).set(bearer).set("If-Match", String(etat.headers["etag"])));
    }

    // Deleted
    const brouillon = await api().post("/api/v1/memoires").set(bearer).send({ enTete: enTeteValide() });
    conforme("supprimerMemoire", await api().delete(`/api/v1/memoires/${j(brouillon).id}`).set(bearer));
    conforme("supprimerMemoire", await api().delete(`/api/v1/memoires/${j(brouillon).id}`).set(bearer).set("If-Match", '"1"'));
    conforme("supprimerMemoire", await api().delete(`/api/v1/memoires/${j(brouillon).id}`).set(bearer).set("If-Match", '"2"'));

    // Tickets
    const saisieTicket = { structureId: "structure-a", categorie: "MON_COMPTE", sousCategorie: "CONNEXION_MOT_DE_PASSE", emetteur: { organisation: "73282932000074", email: "contact@structure-a.example" } };
    conforme("creerTicket", await api().post("/api/v1/tickets").set(bearer).send(saisieTicket));
    const ticket = conforme("creerTicket", await api().post("/api/v1/tickets").set(bearer).send({ ...saisieTicket, titre: "Accès", description: "Jeton refusé." }));
    const tid = String(j(ticket).ticket.id);
    conforme("lireTicket", await api().get(`/api/v1/tickets/${tid}`).set(bearer));
    conforme("lireTicket", await api().get("/api/v1/tickets/inconnu").set(bearer));
    conforme("listerTickets", await api().get("/api/v1/tickets?onglet=tous&limit=5").set(bearer));
    conforme("listerTickets", await api().get("/api/v1/tickets?onglet=autre").set(bearer));
    conforme("joindreAuTicket", await api().post(`/api/v1/tickets/${tid}/pieces-jointes`).set(bearer).set("If-Match", '"1"').attach("fichier", PDF, "capture.pdf"));
    conforme("completerTicket", await api().post(`/api/v1/tickets/${tid}/completer`).set(bearer).set("If-Match", '"2"').send({ texte: "Précision" }));
    conforme("refuserSolution", await api().post(`/api/v1/tickets/${tid}/refuser-solution`).set(bearer).set("If-Match", '"2"').send({ texte: "Non" }));
    conforme("accepterSolution", await api().post(`/api/v1/tickets/${tid}/accepter-solution`).set(bearer).set("If-Match", '"1"').send({}));
    await parcoursTicket(tid);
    const apres = await api().get(`/api/v1/tickets/${tid}`).set(bearer);
    conforme("completerTicket", await api().post(`/api/v1/tickets/${tid}/completer`).set(bearer).set("If-Match", String(apres.headers["etag"])).send({ texte: "Le préfixe est fjt_AbCd." }));
    await parcoursTicket(tid, "solution");
    const resolu = await api().get(`/api/v1/tickets/${tid}`).set(bearer);
    conforme("refuserSolution", await api().post(`/api/v1/tickets/${tid}/refuser-solution`).set(bearer).set("If-Match", String(resolu.headers["etag"])).send({ texte: "Toujours refusé." }));
    await parcoursTicket(tid, "solution");
    const resolu2 = await api().get(`/api/v1/tickets/${tid}`).set(bearer);
    conforme("cloturerTicket", await api().post(`/api/v1/tickets/${tid}/cloturer`).set(bearer).set("If-Match", String(resolu2.headers["etag"])).send({}));
    conforme("accepterSolution", await api().post(`/api/v1/tickets/${tid}/accepter-solution`).set(bearer).set("If-Match", String(resolu2.headers["etag"])).send({ texte: "Merci" }));
    const autre = await api().post("/api/v1/tickets").set(bearer).send({ ...saisieTicket, titre: "Autre", description: "À clore." });
    conforme("cloturerTicket", await api().post(`/api/v1/tickets/${String(j(autre).ticket.id)}/cloturer`).set(bearer).set("If-Match", '"1"').send({}));
    // A draft: edited, submitted, then commented
    const ticketBrouillon = await api().post("/api/v1/tickets").set(bearer).send({ ...saisieTicket, titre: "Brouillon", brouillon: true });
    const bid = String(j(ticketBrouillon).ticket.id);
    conforme("modifierBrouillonTicket", await api().patch(`/api/v1/tickets/${bid}`).set(bearer).set("If-Match", '"1"').send({ priorite: "haute" }));
    conforme("modifierBrouillonTicket", await api().patch(`/api/v1/tickets/${bid}`).set(bearer).send({ description: "Jeton refusé." }));
    conforme("soumettreTicket", await api().post(`/api/v1/tickets/${bid}/soumettre`).set(bearer).set("If-Match", '"1"'));
    conforme("soumettreTicket", await api().post(`/api/v1/tickets/${bid}/soumettre`).set(bearer).set("If-Match", '"1"').send({ titre: "Autre" }));
    conforme("modifierBrouillonTicket", await api().patch(`/api/v1/tickets/${bid}`).set(bearer).set("If-Match", '"1"').send({ description: "Jeton refusé." }));
    conforme("modifierBrouillonTicket", await api().patch(`/api/v1/tickets/${bid}`).set(bearer).set("If-Match", '"1"').send({ description: "Encore." }));
    conforme("soumettreTicket", await api().post(`/api/v1/tickets/${bid}/soumettre`).set(bearer).set("If-Match", '"2"'));
    conforme("modifierBrouillonTicket", await api().patch(`/api/v1/tickets/${bid}`).set(bearer).set("If-Match", '"3"').send({ titre: "Trop tard" }));
    conforme("commenterTicket", await api().post(`/api/v1/tickets/${bid}/commenter`).set(bearer).set("If-Match", '"3"').send({ texte: "" }));
    conforme("commenterTicket", await api().post(`/api/v1/tickets/${bid}/commenter`).set(bearer).set("If-Match", '"3"').send({ texte: "Le jeton commence par fjt_AbCd." }));
    conforme("commenterTicket", await api().post("/api/v1/tickets/inconnu/commenter").set(bearer).set("If-Match", '"1"').send({ texte: "x" }));

    // Dépôt flux: a lot of 6 mémoires, 2 invalid, processed in the background
    const fichier = join(banc.dossier, "LOT-CONTRAT.xml");
    await ecrireLotGenere(fichier, { id: "LOT-CONTRAT", n: 6, identifiant: "73282932000074", utilisateur: "gestion@structure-a.example", juridiction: "750", jour: new Date(), graine: 3, invalideTous: 3 });
    conforme("deposerLot", await api().post("/api/v1/flux").set(bearer).attach("lot", Buffer.from("<lot"), "casse.xml"));
    conforme("deposerLot", await api().post("/api/v1/flux").set(bearer).attach("lot", fichier));
    let statut = "";
    for (let i = 0; i < 200 && !["IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_REJETE"].includes(statut); i += 1) {
      await new Promise((ok) => setTimeout(ok, 50));
      statut = String(j(conforme("lireLot", await api().get("/api/v1/flux/LOT-CONTRAT").set(bearer))).lot.statut);
    }
    expect(statut).toBe("IN_INTEGRE_PARTIEL");
    conforme("lireLot", await api().get("/api/v1/flux/INCONNU").set(bearer));
    conforme("compteRenduLot", await api().get("/api/v1/flux/LOT-CONTRAT/compte-rendu").set(bearer));

    const jamais = [...operations.keys()].filter((o) => !reussies.has(o));
    expect(jamais, "opérations du document jamais exercées avec succès").toEqual([]);
  }, 60_000);
});
