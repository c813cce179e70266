import { describe, expect, it } from "vitest";
import { fichiersGeneres, fichiersPerimes } from "./diagramme.js";

describe("generated documentation of the ticket machine", () => {
  it("docs/support-etats.md is the page generated from the machine (run support/tools/diagramme.ts after changing it)", () => {
    expect(fichiersPerimes()).toEqual([]);
  });

  it("the page holds the Mermaid diagram with the seed's circuit", () => {
    const page = fichiersGeneres()[0]?.contenu ?? "";
    expect(page).toContain("```mermaid\nstateDiagram-v2");
    expect(page).toContain("RESOLU --> CLOTURE: ticket.accepter-solution (demandeur)");
    expect(page).toContain("RESOLU --> EN_COURS: ticket.refuser-solution (demandeur) [!texteAbsent]");
    expect(page).toContain("NOUVEAU --> EN_COURS: ticket.affecter (agent de la file)");
    expect(page).toContain("CLOTURE --> [*]");
    expect(page).not.toMatch(/RESOLU --> CLOTURE: ticket\.cloturer /);
  });
});
