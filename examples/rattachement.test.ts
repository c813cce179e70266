import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { matriceDesRoles } from "@frais-justice/core/autorisation";
import { main } from "./rattachement.js";

describe("exemple : rattachement et transfert du rôle de gestionnaire principal (seed 004)", () => {
  const lignes: Array<string> = [];
  const r = main((l) => lignes.push(l));

  it("makes the creator principal, then Pierre after the transfer", () => {
    expect(r.principaux).toEqual(["manuela", "manuela", "pierre"]);
    const roles = Object.fromEntries(r.rattachements.rattachements.map((m) => [m.utilisateurId, m.role]));
    expect(roles).toEqual({ manuela: "GESTIONNAIRE_SECONDAIRE", pierre: "GESTIONNAIRE_PRINCIPAL" });
    expect(r.rattachements.demandes).toEqual([]);
  });

  it("refuses the transfer to Pierre while he is only secondaire", () => {
    expect(r.refusAvantTransfert).toBe("ROLE_INSUFFISANT");
  });

  it("records the audit trail and prints each step in French", () => {
    expect(r.evenements.map((e) => e._tag)).toEqual([
      "GestionnairePrincipalInitial",
      "RattachementDemande",
      "RattachementAccepte",
      "GestionnairePrincipalTransfere",
    ]);
    expect(r.structure.espacesOuverts).toEqual(["MEMOIRES_DE_FRAIS_DE_JUSTICE"]);
    expect(lignes).toContain("   membres : Manuela Martin (gestionnaire secondaire), Pierre Dubois (gestionnaire principal)");
    expect(lignes).toContain("   Pierre peut-il « memoire.modifier » ? oui (GESTIONNAIRE_SECONDAIRE)");
    expect(lignes).toContain("   Pierre peut-il « rattachement.transferer-principal » ? non (ROLE_INSUFFISANT)");
  });
});

describe("docs/autorisation.md", () => {
  it("shows the role matrix generated from the rules (no drift)", () => {
    const doc = readFileSync(new URL("../docs/autorisation.md", import.meta.url), "utf8");
    const debut = doc.indexOf("<!-- matrice:debut -->\n") + "<!-- matrice:debut -->\n".length;
    const fin = doc.indexOf("\n<!-- matrice:fin -->");
    expect(doc.slice(debut, fin)).toBe(matriceDesRoles());
  });
});
