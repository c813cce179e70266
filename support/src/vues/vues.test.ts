import { describe, expect, it } from "vitest";
import { serviceMetier, SUPPORT_NATIONAL } from "../categorie/index.js";
import {
  apres,
  creer,
  demandeur,
  greffierParis,
  JOUR,
  marseille,
  mener,
  paris,
  saisieCompte,
  saisieMemoire,
  supportMarseille,
  supportNational,
  supportParis,
  T0,
  VERS,
} from "../test-support/fixtures.js";
import {
  compteursOnglets,
  dansOnglet,
  exporterTickets,
  fileDeTravail,
  filesDeLAgent,
  formaterDateHeure,
  journalDemandeur,
  ligneDemandeur,
  normaliser,
  tableauDeBord,
  ticketsEmis,
  versCsv,
} from "./index.js";

const enCours = mener(creer(saisieMemoire, { sequence: 48709 }), VERS.EN_COURS);
const attente = mener(creer(saisieMemoire, { sequence: 48711 }), VERS.EN_ATTENTE_INFORMATIONS);
const resolu = mener(creer({ ...saisieMemoire, titre: "Question pour le college" }, { sequence: 48685 }), VERS.RESOLU);
const clos = mener(creer(saisieMemoire, { sequence: 48676 }), VERS.CLOTURE);
const compte = creer(saisieCompte, { sequence: 48716 });
const TOUS = [enCours, attente, resolu, clos, compte];

describe("requester tabs (seed 001 « Tickets émis »)", () => {
  it("Actions requises: awaiting information or a solution; Tous: not closed; Clôturés: closed", () => {
    const numeros = (onglet: Parameters<typeof ticketsEmis>[2]["onglet"]) => ticketsEmis(TOUS, demandeur.id, { onglet }).map((l) => l.numero).sort();
    expect(numeros("ACTIONS_REQUISES")).toEqual(["CPROCS0048685", "CPROCS0048711"]);
    expect(numeros("TOUS")).toEqual(["CPROCS0048685", "CPROCS0048709", "CPROCS0048711", "CPROCS0048716"]);
    expect(numeros("CLOTURES")).toEqual(["CPROCS0048676"]);
    expect(compteursOnglets(TOUS, demandeur.id)).toEqual({ ACTIONS_REQUISES: 2, TOUS: 4, CLOTURES: 1 });
    expect(ticketsEmis(TOUS, "u-autre", { onglet: "TOUS" })).toEqual([]);
  });

  it("a row shows the seed's columns and the mémoire's current visible status", () => {
    const l = ligneDemandeur(resolu, new Map([["MJ0000002117", "CERTIFIE"]]));
    expect(l).toMatchObject({
      numero: "CPROCS0048685",
      descriptionBreve: "Question pour le college",
      categorie: "Mémoire de frais de justice",
      sousCategorie: "M - Suivi du traitement d'un mémoire",
      statut: "Résolu",
      numeroObjet: "MJ0000002117",
      statutMemoire: "Mis à disposition",
      destinataire: "Service métier — 75 - Tribunal judiciaire de Paris",
    });
    expect(ligneDemandeur(resolu).statutMemoire).toBeUndefined();
    expect(ligneDemandeur(compte).statut).toBe("Ouvert");
  });

  it("keyword search: number, title, description, public comments and N° objet, accent- and case-insensitive", () => {
    const cherche = (motsCles: string) => ticketsEmis(TOUS, demandeur.id, { onglet: "TOUS", motsCles }).map((l) => l.numero).sort();
    expect(cherche("cprocs0048709")).toEqual(["CPROCS0048709"]);
    expect(cherche("COLLÈGE")).toEqual(["CPROCS0048685"]);
    expect(cherche("verrouille")).toEqual(["CPROCS0048716"]);
    expect(cherche("réquisition")).toEqual(["CPROCS0048711"]);
    expect(cherche("mj0000002117 paiement")).toEqual(["CPROCS0048685", "CPROCS0048709", "CPROCS0048711"].filter((n) => n !== "CPROCS0048685"));
    expect(cherche("")).toHaveLength(4);
    expect(normaliser("Élève À Ça")).toBe("eleve a ca");
  });

  it("the journal shows the queue, not the agent, and hides nothing public", () => {
    const j = journalDemandeur(attente);
    expect(j.map((e) => [e.auteur, e.libelle])).toEqual([
      ["Demandeur", "Ticket créé"],
      ["Service métier — 75 - Tribunal judiciaire de Paris", "Ticket pris en charge"],
      ["Service métier — 75 - Tribunal judiciaire de Paris", "Informations demandées"],
    ]);
    expect(JSON.stringify(j)).not.toContain(supportParis.id);
  });

  it("export: French headers, one row per ticket; CSV with BOM, ';', quoting and CRLF", () => {
    const { entetes, lignes } = exporterTickets([ligneDemandeur(resolu)], 60);
    expect(entetes[0]).toBe("Numéro");
    expect(lignes[0]?.slice(0, 3)).toEqual(["CPROCS0048685", "Question pour le college", "02/03/2026 10:00:00"]);
    // Read in Europe/Paris, each instant at its own offset: winter +1 h, summer +2 h, the night of the change.
    expect(exporterTickets([ligneDemandeur(resolu)], "Europe/Paris").lignes[0]?.[2]).toBe("02/03/2026 10:00:00");
    expect(formaterDateHeure(new Date("2026-07-14T08:05:09Z"), "Europe/Paris")).toBe("14/07/2026 10:05:09");
    expect(formaterDateHeure(new Date("2026-03-29T00:59:59Z"), "Europe/Paris")).toBe("29/03/2026 01:59:59");
    expect(formaterDateHeure(new Date("2026-03-29T01:00:00Z"), "Europe/Paris")).toBe("29/03/2026 03:00:00");
    expect(formaterDateHeure(new Date("2026-07-14T08:05:09Z"))).toBe("14/07/2026 08:05:09");
    const csv = versCsv(["a", "b;c"], [["x\"y", "ligne1\nligne2"], ["é", ""]]);
    expect(csv).toBe('\uFEFFa;"b;c"\r\n"x""y";"ligne1\nligne2"\r\né;\r\n');
  });
});

describe("agent views", () => {
  const files = [SUPPORT_NATIONAL, serviceMetier(paris), serviceMetier(marseille)];

  it("an agent sees the queues of their perimeter only (the national queue when their perimeter includes it)", () => {
    expect(filesDeLAgent(supportParis, files)).toEqual([serviceMetier(paris)]);
    expect(filesDeLAgent(supportNational, files)).toEqual([SUPPORT_NATIONAL]);
    expect(filesDeLAgent(greffierParis, files)).toEqual([]);
  });

  it("the work list holds the open tickets of the agent's queues, oldest first, filtered by catégorie", () => {
    expect(fileDeTravail(supportParis, TOUS, { file: serviceMetier(paris) }).map((t) => t.numero).sort()).toEqual(["CPROCS0048685", "CPROCS0048709", "CPROCS0048711"]);
    expect(fileDeTravail(supportMarseille, TOUS, { file: serviceMetier(paris) })).toEqual([]);
    expect(fileDeTravail(supportMarseille, TOUS).map((t) => t.numero)).toEqual([]);
    expect(fileDeTravail(supportNational, TOUS).map((t) => t.numero)).toEqual(["CPROCS0048716"]);
    expect(fileDeTravail(supportParis, TOUS, { categorie: "MEMOIRE_FRAIS_DE_JUSTICE" }).map((t) => t.numero)).toEqual(["CPROCS0048709", "CPROCS0048711", "CPROCS0048685"]);
    expect(fileDeTravail(supportParis, [creer({ ...saisieMemoire, brouillon: true })])).toEqual([]);
  });

  it("the dashboard counts open, waiting and overdue tickets per queue and catégorie", () => {
    const tard = apres(10 * JOUR, T0);
    expect(tableauDeBord(supportParis, TOUS, tard)).toEqual([
      { file: serviceMetier(paris), libelleFile: "Service métier — 75 - Tribunal judiciaire de Paris", categorie: "Mémoire de frais de justice", ouverts: 1, enAttente: 2, enRetard: 1 },
    ]);
    expect(tableauDeBord(supportNational, TOUS, tard)).toEqual([
      { file: SUPPORT_NATIONAL, libelleFile: "Support national", categorie: "Mon compte", ouverts: 1, enAttente: 0, enRetard: 1 },
    ]);
    expect(tableauDeBord(supportParis, TOUS, apres(JOUR, T0))[0]?.enRetard).toBe(0);
    expect(dansOnglet(resolu, "TOUS")).toBe(true);
  });
});
