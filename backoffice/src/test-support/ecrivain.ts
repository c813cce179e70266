/**
 * A writer process for the crash test: creates mémoires in batches (one transaction each, MJ numbers
 * from the sequence) and certifies some of them, printing `lot <n>` after each committed batch, until
 * it is killed. Usage: node --conditions=source --import tsx ecrivain.ts '<ConfigurationBase JSON>' <graine>
 */
import { Either } from "effect";
import type { ConfigurationBase } from "../base/configuration.js";
import { ouvrirOrm } from "../base/orm.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { hasard } from "../seed/hasard.js";
import { genererMemoire } from "../seed/memoires.generateur.js";
import { PARAMETRES_TEST, certifierPourTest } from "./jeu.js";

const config = JSON.parse(process.argv[2] ?? "{}") as ConfigurationBase;
const h = hasard(Number(process.argv[3] ?? "1"));
const orm = await ouvrirOrm(config, { migrer: false });
const depot = new DepotMemoires(orm);
for (let lot = 1; ; lot += 1) {
  const crees = await depot.creerLot(50, (numeros) =>
    numeros.map((numero) => genererMemoire(h, { ...PARAMETRES_TEST, numero, etat: h.chance(0.5) ? "MIS_A_DISPOSITION" : "MIS_EN_PAIEMENT" })),
  );
  for (const r of crees.filter((c) => c.memoire.etat === "MIS_A_DISPOSITION").slice(0, 5)) {
    const res = await depot.executer(r.memoire.id, r.memoire.version, certifierPourTest("agent-crash", new Date(), lot));
    if (Either.isLeft(res)) throw new Error(`certification refusée : ${res.left._tag}`);
  }
  process.stdout.write(`lot ${lot}\n`);
}
