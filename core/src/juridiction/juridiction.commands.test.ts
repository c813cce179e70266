import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { autoriser, type ActeurAgent } from "../autorisation/index.js";
import { contexteDeterministe } from "../shared/index.js";
import {
  acteurAgent,
  affichageJuridiction,
  agent,
  creerAgent,
  creerJuridiction,
  desactiverAgent,
  etatJuridictionsVide,
  juridictionsDuPerimetre,
  modifierPerimetreAgent,
  modifierRolesAgent,
  reactiverAgent,
  renommerJuridiction,
  type EtatJuridictions,
} from "./index.js";

const ctx = () => contexteDeterministe(new Date("2026-05-04T07:30:00Z"), "ag");
const ok = <A, E>(r: Either.Either<A, E>): A => {
  if (Either.isLeft(r)) throw new Error(`attendu un succès, obtenu ${String(r.left)}`);
  return r.right;
};
const erreur = <A, E>(r: Either.Either<A, E>): E => {
  if (Either.isRight(r)) throw new Error("attendu un refus");
  return r.left;
};

/** The national administrator, loaded as data (the first administrator is never created by a command). */
const adminNational: ActeurAgent = { _tag: "Agent", id: "admin", roles: ["ADMINISTRATEUR"], perimetre: { juridictions: [], coursAppel: ["CA-LYON", "CA-PARIS"] } };
const adminLyon: ActeurAgent = { _tag: "Agent", id: "admin-lyon", roles: ["ADMINISTRATEUR"], perimetre: { juridictions: ["TJ-LYON"], coursAppel: [] } };

const base = (): EtatJuridictions => {
  let e = etatJuridictionsVide;
  for (const j of [
    { code: "ca-lyon", libelle: "Cour d'appel de Lyon", type: "COUR_APPEL", courAppel: "CA-LYON" },
    { code: "TJ-LYON", libelle: "Tribunal judiciaire de Lyon", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-LYON" },
    { code: "TJ-BOURG", libelle: "Tribunal judiciaire de Bourg-en-Bresse", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-LYON" },
    { code: "CA-PARIS", libelle: "Cour d'appel de Paris", type: "COUR_APPEL", courAppel: "CA-PARIS" },
    { code: "75", libelle: "JURIDICTION_LFR", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-PARIS" },
  ] as const) {
    e = ok(creerJuridiction(e, { acteur: adminNational, donnees: j }, ctx())).state;
  }
  return e;
};

const greffier = {
  email: " Greffe.Lyon@justice.fr ",
  nom: "Durand",
  prenom: "Claire",
  roles: ["GREFFIER"],
  perimetre: { juridictions: ["TJ-LYON"], coursAppel: [] },
} as const;

describe("juridictions", () => {
  it("are shown `code - libellé` and listed by perimeter", () => {
    const e = base();
    expect(affichageJuridiction(e.juridictions.find((j) => j.code === "75")!)).toBe("75 - JURIDICTION_LFR");
    expect(e.juridictions[0]?.code).toBe("CA-LYON");
    expect(juridictionsDuPerimetre(e, { juridictions: ["75"], coursAppel: ["CA-LYON"] }).map((j) => j.code)).toEqual(["CA-LYON", "TJ-LYON", "TJ-BOURG", "75"]);
  });

  it("refuses a duplicate code, an unknown cour d'appel, a cour d'appel that is not its own head", () => {
    expect(erreur(creerJuridiction(base(), { acteur: adminNational, donnees: { code: "tj-lyon", libelle: "X", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-LYON" } }, ctx()))._tag).toBe(
      "JuridictionDejaExistante",
    );
    expect(erreur(creerJuridiction(base(), { acteur: adminNational, donnees: { code: "TJ-VILLEURBANNE", libelle: "X", type: "TRIBUNAL_JUDICIAIRE", courAppel: "TJ-LYON" } }, ctx()))._tag).toBe(
      "CourAppelInconnue",
    );
    const e = erreur(creerJuridiction(base(), { acteur: adminNational, donnees: { code: "CA-X", libelle: "X", type: "COUR_APPEL", courAppel: "CA-LYON" } }, ctx()));
    expect(e._tag === "SaisieInvalide" && e.erreurs.map((x) => x.chemin)).toEqual(["courAppel"]);
  });

  it("names every invalid field", () => {
    const e = erreur(creerJuridiction(base(), { acteur: adminNational, donnees: { code: "a b", libelle: " ", type: "TRIBUNAL" as "COUR_APPEL", courAppel: "" } }, ctx()));
    expect(e._tag === "SaisieInvalide" && e.erreurs.map((x) => x.chemin)).toEqual(["code", "libelle", "type", "courAppel"]);
  });

  it("are administered inside the administrator's perimeter only", () => {
    expect(erreur(creerJuridiction(base(), { acteur: adminLyon, donnees: { code: "CPH-LYON", libelle: "CPH", type: "CONSEIL_PRUD_HOMMES", courAppel: "CA-LYON" } }, ctx()))).toMatchObject({
      _tag: "NonAutorise",
      raison: "HORS_PERIMETRE",
    });
    const r = ok(renommerJuridiction(base(), { acteur: adminLyon, donnees: { code: "TJ-LYON", libelle: "TJ de Lyon" } }, ctx()));
    expect(r.events[0]).toMatchObject({ _tag: "JuridictionRenommee", ancienLibelle: "Tribunal judiciaire de Lyon", libelle: "TJ de Lyon" });
    expect(erreur(renommerJuridiction(base(), { acteur: adminLyon, donnees: { code: "75", libelle: "X" } }, ctx()))).toMatchObject({ raison: "HORS_PERIMETRE" });
    expect(erreur(renommerJuridiction(base(), { acteur: adminLyon, donnees: { code: "99", libelle: "X" } }, ctx()))._tag).toBe("JuridictionIntrouvable");
  });
});

describe("agents", () => {
  it("are created with normalised e-mail, roles and perimeter, and act through autoriser", () => {
    const r = ok(creerAgent(base(), { acteur: adminLyon, donnees: greffier }, ctx()));
    const a = agent(r.state, "ag-000001");
    expect(a).toMatchObject({ email: "greffe.lyon@justice.fr", roles: ["GREFFIER"], actif: true });
    const memoire = (code: string, courAppel: string) => ({ _tag: "Memoire", structureId: "S", juridiction: { code, courAppel } }) as const;
    expect(Either.isRight(autoriser(acteurAgent(a!), "memoire.certifier", memoire("TJ-LYON", "CA-LYON")))).toBe(true);
    expect(Either.isRight(autoriser(acteurAgent(a!), "memoire.certifier", memoire("TJ-BOURG", "CA-LYON")))).toBe(false);
  });

  it("refuses an administrator outside the new perimeter, or for a whole cour without holding it", () => {
    expect(erreur(creerAgent(base(), { acteur: adminLyon, donnees: { ...greffier, perimetre: { juridictions: ["75"], coursAppel: [] } } }, ctx()))).toMatchObject({
      raison: "HORS_PERIMETRE",
    });
    expect(erreur(creerAgent(base(), { acteur: adminLyon, donnees: { ...greffier, perimetre: { juridictions: [], coursAppel: ["CA-LYON"] } } }, ctx()))).toMatchObject({
      raison: "HORS_PERIMETRE",
    });
    const greffierActeur: ActeurAgent = { ...adminLyon, roles: ["GREFFIER"] };
    expect(erreur(creerAgent(base(), { acteur: greffierActeur, donnees: greffier }, ctx()))).toMatchObject({ raison: "ROLE_INSUFFISANT" });
  });

  it("refuses unknown juridictions and cours, duplicate e-mails, and invalid input", () => {
    expect(erreur(creerAgent(base(), { acteur: adminNational, donnees: { ...greffier, perimetre: { juridictions: ["TJ-NANTES"], coursAppel: [] } } }, ctx()))._tag).toBe(
      "JuridictionIntrouvable",
    );
    expect(erreur(creerAgent(base(), { acteur: adminNational, donnees: { ...greffier, perimetre: { juridictions: [], coursAppel: ["TJ-LYON"] } } }, ctx()))._tag).toBe(
      "CourAppelInconnue",
    );
    const e = ok(creerAgent(base(), { acteur: adminLyon, donnees: greffier }, ctx())).state;
    expect(erreur(creerAgent(e, { acteur: adminLyon, donnees: { ...greffier, email: "GREFFE.LYON@justice.fr" } }, ctx()))._tag).toBe("AgentDejaExistant");
    const s = erreur(
      creerAgent(base(), { acteur: adminNational, donnees: { email: "pas-un-email", nom: "", prenom: "A", roles: [], perimetre: { juridictions: [], coursAppel: [] } } }, ctx()),
    );
    expect(s._tag === "SaisieInvalide" && s.erreurs.map((x) => x.chemin)).toEqual(["email", "nom", "roles", "perimetre"]);
    const doublon = erreur(creerAgent(base(), { acteur: adminNational, donnees: { ...greffier, roles: ["GREFFIER", "GREFFIER"] } }, ctx()));
    expect(doublon._tag === "SaisieInvalide" && doublon.erreurs.map((x) => x.chemin)).toEqual(["roles"]);
  });

  it("change roles and perimeter, are deactivated and reactivated, never as a no-op", () => {
    let e = ok(creerAgent(base(), { acteur: adminNational, donnees: greffier }, ctx())).state;
    e = ok(modifierRolesAgent(e, { acteur: adminNational, donnees: { agentId: "ag-000001", roles: ["GREFFIER", "MAGISTRAT_TAXATEUR"] } }, ctx())).state;
    expect(erreur(modifierRolesAgent(e, { acteur: adminNational, donnees: { agentId: "ag-000001", roles: ["MAGISTRAT_TAXATEUR", "GREFFIER"] } }, ctx()))._tag).toBe("AgentInchange");
    // moving an agent to Paris needs rights over both the old and the new perimeter
    const versParis = { agentId: "ag-000001", perimetre: { juridictions: ["75"], coursAppel: [] } };
    expect(erreur(modifierPerimetreAgent(e, { acteur: adminLyon, donnees: versParis }, ctx()))).toMatchObject({ raison: "HORS_PERIMETRE" });
    e = ok(modifierPerimetreAgent(e, { acteur: adminNational, donnees: versParis }, ctx())).state;
    expect(agent(e, "ag-000001")?.perimetre).toEqual({ juridictions: ["75"], coursAppel: [] });
    e = ok(desactiverAgent(e, { acteur: adminNational, donnees: { agentId: "ag-000001" } }, ctx())).state;
    expect(erreur(autoriser(acteurAgent(agent(e, "ag-000001")!), "memoire.taxer", { _tag: "Juridiction", code: "75", courAppel: "CA-PARIS" }))).toMatchObject({
      raison: "COMPTE_INACTIF",
    });
    expect(erreur(desactiverAgent(e, { acteur: adminNational, donnees: { agentId: "ag-000001" } }, ctx()))._tag).toBe("AgentInchange");
    expect(agent(ok(reactiverAgent(e, { acteur: adminNational, donnees: { agentId: "ag-000001" } }, ctx())).state, "ag-000001")?.actif).toBe(true);
    expect(erreur(reactiverAgent(e, { acteur: adminNational, donnees: { agentId: "nope" } }, ctx()))._tag).toBe("AgentIntrouvable");
  });
});
