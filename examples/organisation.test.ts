import { readFileSync } from "node:fs";
import { tableauTransitionsMandat } from "@frais-justice/core/mandat";
import { describe, expect, it } from "vitest";
import { main } from "./organisation.js";

describe("exemple : préparer la structure d'un interprète avant le premier mémoire", () => {
  const journal: Array<string> = [];
  const r = main((l) => journal.push(l));

  it("creates an active account and a PARTICULIER structure with its régime", () => {
    expect(r.utilisateur).toMatchObject({ email: "alexandre.chevalier@exemple.fr", statut: "ACTIF" });
    expect(r.structure.identifiant).toEqual({ type: "PARTICULIER", valeur: "1850335238" });
    expect(r.structure.informationsMemoire).toEqual({ categoriePrestataire: "INTERPRETE_TRADUCTEUR", regime: "COSP", droitOption: false });
    expect(r.reglesMotDePasseRefuse).toEqual(["TropCourt", "GroupesInsuffisants"]);
  });

  it("starts with bank details, mandat and régime missing, and ends with no prérequis missing", () => {
    expect(r.prerequisAuDepart.map((p) => p.numero)).toEqual(["01", "02", "04"]);
    expect(r.prerequisALaFin).toEqual([]);
    expect(r.mandats.mandats.map((m) => m.statut)).toEqual(["SIGNE"]);
    expect(r.coordonneesBancaires.coordonnees.map((c) => [c.active, c.compte])).toEqual([
      [true, { type: "IBAN", iban: "FR1420041010050500013M02606" }],
    ]);
  });

  it("tells the story in French", () => {
    const texte = journal.join("\n");
    expect(texte).toContain("expire dans 167 jour(s)");
    expect(texte).toContain("Tous les prérequis sont remplis");
  });
});

describe("docs/organisation.md", () => {
  it("shows the mandat transitions exactly as the machine declares them (drift check)", () => {
    const doc = readFileSync(new URL("../docs/organisation.md", import.meta.url), "utf8");
    const bloc = /<!-- transitions-mandat:debut -->\n([\s\S]*?)\n<!-- transitions-mandat:fin -->/.exec(doc)?.[1];
    expect(bloc).toBe(tableauTransitionsMandat());
  });
});
