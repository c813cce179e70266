import { describe, expect, it } from "vitest";
import { fichiersGeneres, fichiersPerimes } from "./diagrammes.js";

describe("generated documentation", () => {
  it("docs/memoire-etats.md is the diagram generated from the machine (run core/tools/diagrammes.ts after changing it)", () => {
    expect(fichiersPerimes()).toEqual([]);
  });

  it("the generated page holds the Mermaid diagram and every state", () => {
    const page = fichiersGeneres()[0]?.contenu ?? "";
    expect(page).toContain("```mermaid\nstateDiagram-v2");
    expect(page).toContain("BROUILLON --> ENVOYE: memoire.valider-et-envoyer");
    expect(page).toContain("A_TAXER --> TAXE: memoire.taxer");
  });
});
