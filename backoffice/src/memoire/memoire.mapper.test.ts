import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { executer, Memoire } from "@frais-justice/core/memoire";
import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { hasard } from "../seed/hasard.js";
import { genererMemoire, JURIDICTIONS } from "../seed/memoires.generateur.js";
import { depuisLignes, encoderMemoire, versLignes, type LigneBrute } from "./memoire.mapper.js";

/** The rows as SQLite hands them back (instants in ms, booleans 0/1). */
const commeStockees = (l: ReturnType<typeof versLignes>): [LigneBrute, ReadonlyArray<LigneBrute>, ReadonlyArray<LigneBrute>] => [
  Object.fromEntries(Object.entries(l.memoire).map(([k, v]) => [k, v instanceof Date ? v.getTime() : typeof v === "boolean" ? (v ? 1 : 0) : v])),
  l.lignes,
  l.piecesJointes,
];

describe("mémoire mapper: the write path's encoding", () => {
  const encoder = Schema.encodeSync(Memoire);
  const greffier: ActeurAgent = { _tag: "Agent", id: "agent-1", roles: ["GREFFIER"], perimetre: { juridictions: [], coursAppel: [...new Set(JURIDICTIONS.map((j) => j.courAppel))] } };
  const h = hasard(5);
  const structures = [{ id: "structure-1", categorie: "INTERPRETE_TRADUCTEUR", coordonneesId: "coordonnees-1" }];

  it("is core's encoding, for a loaded mémoire and for the state a command makes of it (fields kept by reference or new)", () => {
    let n = 0;
    for (let i = 0; i < 40; i += 1) {
      const depart = genererMemoire(h, { structures, agents: ["agent-1"], utilisateurs: ["u-1"], numero: i + 1, etat: "MIS_A_DISPOSITION" }).memoire;
      const [ligne, lignes, pieces] = commeStockees(versLignes(depart, 3));
      const charge = Either.getOrThrow(depuisLignes(ligne, lignes, pieces));
      expect(encoderMemoire(charge)).toEqual(encoder(charge));
      const certifie = Either.getOrThrow(executer(charge, { type: "memoire.certifier" }, { acteur: greffier, maintenant: new Date(Date.UTC(2026, 5, 1)), genererId: () => `e-${(n += 1)}`, numerotation: { prochainNumeroMj: () => 1, prochainNumeroTmp: () => 1 } })).memoire;
      // What the certification kept is the loaded value itself: its remembered form is reused.
      expect(certifie.lignes).toBe(charge.lignes);
      expect(encoderMemoire(certifie)).toEqual(encoder(certifie));
      // Its child rows are the stored ones (nothing to rewrite); its own row says the new state.
      const ecrites = versLignes(certifie, 4);
      expect(ecrites.lignes).toEqual(lignes);
      expect(ecrites.piecesJointes).toEqual(pieces);
      expect([ecrites.memoire.etat, ecrites.memoire.version, ecrites.memoire.montantTtc]).toEqual(["CERTIFIE", charge.version + 1, ligne["montantTtc"]]);
    }
  });
});
