/**
 * A certifying process for the concurrency test: opens its own connection to each database it is
 * given, says `pret`, waits for a line on stdin (so that every process starts together), then
 * certifies the given mémoire of every database at once with core's `memoire.certifier` through the
 * repository, and prints the outcomes as one JSON line, in the order of the targets:
 * `[{"resultat":"CERTIFIE"},{"erreur":"ConflitDeVersion"}]`.
 * Usage: node --conditions=source --import tsx certificateur.ts '<Cible[] JSON>' <agent id>
 * where a cible is `{ "config": <ConfigurationBase>, "memoireId": "…", "version": 2 }`.
 */
import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { Either } from "effect";
import { createInterface } from "node:readline";
import type { ConfigurationBase } from "../base/configuration.js";
import { ouvrirOrm } from "../base/orm.js";
import { executerCommande } from "../memoire/memoire.commandes.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { JURIDICTIONS } from "../seed/memoires.generateur.js";

/** One database and the mémoire to certify in it. */
export interface Cible {
  readonly config: ConfigurationBase;
  readonly memoireId: string;
  readonly version: number;
}

const [ciblesJson, agentId = "agent"] = process.argv.slice(2);
const cibles = JSON.parse(ciblesJson ?? "[]") as ReadonlyArray<Cible>;
const orms = await Promise.all(cibles.map((c) => ouvrirOrm(c.config, { migrer: false, connexionsMax: 1 })));
try {
  const greffier: ActeurAgent = { _tag: "Agent", id: agentId, roles: ["GREFFIER"], perimetre: { juridictions: [], coursAppel: [...new Set(JURIDICTIONS.map((j) => j.courAppel))] } };
  const lignes = createInterface({ input: process.stdin });
  const depart = new Promise<void>((ok) => lignes.once("line", () => ok()));
  process.stdout.write("pret\n");
  await depart;
  lignes.close();
  let n = 0;
  const issues = await Promise.all(
    cibles.map(async (c, i) => {
      const orm = orms[i];
      if (orm === undefined) throw new Error("connexion absente");
      const r = await executerCommande(new DepotMemoires(orm), c.memoireId, c.version, { type: "memoire.certifier" }, { acteur: greffier, maintenant: new Date(), genererId: () => `${agentId}-${(n += 1)}` });
      return Either.isRight(r) ? { resultat: r.right.memoire.etat } : { erreur: r.left._tag };
    }),
  );
  process.stdout.write(`${JSON.stringify(issues)}\n`);
} finally {
  await Promise.all(orms.map((o) => o.close(true)));
}
