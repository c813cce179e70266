/**
 * A certifying process for the concurrency test: opens its own connection, says `pret`, waits for a
 * line on stdin (so that every process starts together), then certifies the mémoire with core's
 * `memoire.certifier` through the repository and prints the outcome as one JSON line:
 * `{"resultat":"CERTIFIE"}` or `{"erreur":"<tag>"}`.
 * Usage: node --conditions=source --import tsx certificateur.ts '<ConfigurationBase JSON>' <mémoire id> <version> <agent id>
 */
import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { Either } from "effect";
import { createInterface } from "node:readline";
import type { ConfigurationBase } from "../base/configuration.js";
import { ouvrirOrm } from "../base/orm.js";
import { executerCommande } from "../memoire/memoire.commandes.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { JURIDICTIONS } from "../seed/memoires.generateur.js";

const [configJson, memoireId, version, agentId] = process.argv.slice(2);
const config = JSON.parse(configJson ?? "{}") as ConfigurationBase;
const orm = await ouvrirOrm(config, { migrer: false, connexionsMax: 1 });
try {
  const depot = new DepotMemoires(orm);
  const greffier: ActeurAgent = { _tag: "Agent", id: agentId ?? "agent", roles: ["GREFFIER"], perimetre: { juridictions: [], coursAppel: [...new Set(JURIDICTIONS.map((j) => j.courAppel))] } };
  const lignes = createInterface({ input: process.stdin });
  const depart = new Promise<void>((ok) => lignes.once("line", () => ok()));
  process.stdout.write("pret\n");
  await depart;
  lignes.close();
  let n = 0;
  const r = await executerCommande(depot, memoireId ?? "", Number(version), { type: "memoire.certifier" }, { acteur: greffier, maintenant: new Date(), genererId: () => `${agentId ?? "agent"}-${(n += 1)}` });
  process.stdout.write(`${JSON.stringify(Either.isRight(r) ? { resultat: r.right.memoire.etat } : { erreur: r.left._tag })}\n`);
} finally {
  await orm.close(true);
}
