import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { BigDecimal, Either } from "effect";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BASES } from "../test-support/bases.js";
import { memoiresDeTest } from "../test-support/jeu.js";
import { JURIDICTIONS } from "../seed/memoires.generateur.js";
import { executerCommande } from "./memoire.commandes.js";
import { DepotMemoires } from "./memoire.repository.js";

const CERTIFICATEUR = fileURLToPath(new URL("../test-support/certificateur.ts", import.meta.url));
const PROCESSUS = 50;

interface Enfant {
  readonly pret: Promise<void>;
  readonly issue: Promise<{ readonly resultat?: string; readonly erreur?: string }>;
  readonly partir: () => void;
}

/** One certifying process with its own connection; `pret` once connected, `issue` its JSON outcome. */
const lancer = (config: unknown, id: string, version: number, agent: string): Enfant => {
  const p = spawn(process.execPath, ["--conditions=source", "--import", "tsx", CERTIFICATEUR, JSON.stringify(config), id, String(version), agent], { stdio: ["pipe", "pipe", "pipe"] });
  let sortie = "";
  let erreurs = "";
  p.stderr.on("data", (d: Buffer) => (erreurs += d.toString()));
  let signalerPret: () => void = () => undefined;
  const pret = new Promise<void>((ok) => (signalerPret = ok));
  p.stdout.on("data", (d: Buffer) => {
    sortie += d.toString();
    if (sortie.startsWith("pret\n")) signalerPret();
  });
  const issue = new Promise<{ resultat?: string; erreur?: string }>((ok, ko) =>
    p.on("exit", (code) => {
      const derniere = sortie.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !derniere.startsWith("{")) ko(new Error(`${agent} : code ${String(code)}, ${sortie} ${erreurs}`));
      else ok(JSON.parse(derniere) as { resultat?: string; erreur?: string });
    }),
  );
  return { pret, issue, partir: () => p.stdin.end("go\n") };
};

describe.each(BASES)("certifications concurrentes par processus sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)(`${PROCESSUS} processus`, () => {
    it(
      `${PROCESSUS} processes, one connection each, certify the same mémoire with core's command: one CERTIFIE, the others ConflitDeVersion, one audit event`,
      async () => {
        const b = await base.creer();
        try {
          const depot = new DepotMemoires(b.orm);
          // A mémoire awaiting the court, below the certification threshold, taken in charge by a greffier.
          const r = memoiresDeTest(31, 40, 1, "MIS_A_DISPOSITION").find((x) => BigDecimal.lessThan(x.memoire.montants.montantTtc, BigDecimal.unsafeFromString("1000")));
          if (r === undefined) throw new Error("aucun mémoire sous le seuil");
          await depot.enregistrerNouveaux([r]);
          const greffier: ActeurAgent = { _tag: "Agent", id: "greffier-en-charge", roles: ["GREFFIER"], perimetre: { juridictions: [], coursAppel: [...new Set(JURIDICTIONS.map((j) => j.courAppel))] } };
          const prise = await executerCommande(depot, r.memoire.id, r.memoire.version, { type: "memoire.prendre-en-charge" }, { acteur: greffier, maintenant: new Date(), genererId: () => "prise-en-charge" });
          const version = Either.getOrThrow(prise).memoire.version;
          const enfants = Array.from({ length: PROCESSUS }, (_, i) => lancer(b.config, r.memoire.id, version, `greffier-${i}`));
          await Promise.all(enfants.map((e) => e.pret));
          for (const e of enfants) e.partir();
          const issues = await Promise.all(enfants.map((e) => e.issue));
          expect(issues.filter((x) => x.resultat === "CERTIFIE").length).toBe(1);
          expect(issues.filter((x) => x.erreur === "ConflitDeVersion").length).toBe(PROCESSUS - 1);
          const apres = Either.getOrThrow(await depot.charger(r.memoire.id));
          expect([apres.etat, apres.version]).toEqual(["CERTIFIE", version + 1]);
          const historique = Either.getOrThrow(await depot.historique(r.memoire.id));
          expect(historique.filter((e) => e.commande === "memoire.certifier").length).toBe(1);
          expect(historique.length).toBe(apres.version);
        } finally {
          await b.detruire();
        }
      },
      600_000,
    );
  });
});
