import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { BigDecimal, Either } from "effect";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BASES } from "../test-support/bases.js";
import type { Cible } from "../test-support/certificateur.js";
import { memoiresDeTest } from "../test-support/jeu.js";
import { JURIDICTIONS } from "../seed/memoires.generateur.js";
import { executerCommande } from "./memoire.commandes.js";
import { DepotMemoires } from "./memoire.repository.js";

const CERTIFICATEUR = fileURLToPath(new URL("../test-support/certificateur.ts", import.meta.url));
const PROCESSUS = 50;

type Issue = { readonly resultat?: string; readonly erreur?: string };

interface Enfant {
  readonly pret: Promise<void>;
  readonly issues: Promise<ReadonlyArray<Issue>>;
  readonly partir: () => void;
}

/** One certifying process with its own connection to each database; `pret` once connected, `issues` its JSON outcomes. */
const lancer = (cibles: ReadonlyArray<Cible>, agent: string): Enfant => {
  const p = spawn(process.execPath, ["--conditions=source", "--import", "tsx", CERTIFICATEUR, JSON.stringify(cibles), agent], { stdio: ["pipe", "pipe", "pipe"] });
  let sortie = "";
  let erreurs = "";
  p.stderr.on("data", (d: Buffer) => (erreurs += d.toString()));
  let signalerPret: () => void = () => undefined;
  const pret = new Promise<void>((ok) => (signalerPret = ok));
  p.stdout.on("data", (d: Buffer) => {
    sortie += d.toString();
    if (sortie.startsWith("pret\n")) signalerPret();
  });
  const issues = new Promise<ReadonlyArray<Issue>>((ok, ko) =>
    p.on("exit", (code) => {
      const derniere = sortie.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !derniere.startsWith("[")) ko(new Error(`${agent} : code ${String(code)}, ${sortie} ${erreurs}`));
      else ok(JSON.parse(derniere) as ReadonlyArray<Issue>);
    }),
  );
  return { pret, issues, partir: () => p.stdin.end("go\n") };
};

const disponibles = BASES.filter((b) => b.disponible);

describe(`certifications concurrentes par processus (${disponibles.map((b) => b.dialecte).join(", ")})`, () => {
  it(
    `${PROCESSUS} processes, one connection each to every database, certify the same mémoire with core's command: on each database one CERTIFIE, the others ConflitDeVersion, one audit event`,
    async () => {
      const bases = await Promise.all(disponibles.map((b) => b.creer()));
      try {
        // A mémoire awaiting the court, below the certification threshold, taken in charge by a greffier, in each database.
        const r = memoiresDeTest(31, 40, 1, "MIS_A_DISPOSITION").find((x) => BigDecimal.lessThan(x.memoire.montants.montantTtc, BigDecimal.unsafeFromString("1000")));
        if (r === undefined) throw new Error("aucun mémoire sous le seuil");
        const greffier: ActeurAgent = { _tag: "Agent", id: "greffier-en-charge", roles: ["GREFFIER"], perimetre: { juridictions: [], coursAppel: [...new Set(JURIDICTIONS.map((j) => j.courAppel))] } };
        const cibles = await Promise.all(
          bases.map(async (b): Promise<Cible> => {
            const depot = new DepotMemoires(b.orm);
            await depot.enregistrerNouveaux([r]);
            const prise = await executerCommande(depot, r.memoire.id, r.memoire.version, { type: "memoire.prendre-en-charge" }, { acteur: greffier, maintenant: new Date(), genererId: () => "prise-en-charge" });
            return { config: b.config, memoireId: r.memoire.id, version: Either.getOrThrow(prise).memoire.version };
          }),
        );
        const enfants = Array.from({ length: PROCESSUS }, (_, i) => lancer(cibles, `greffier-${i}`));
        await Promise.all(enfants.map((e) => e.pret));
        for (const e of enfants) e.partir();
        const issues = await Promise.all(enfants.map((e) => e.issues));
        for (const [i, b] of bases.entries()) {
          const surCetteBase = issues.map((x) => x[i]);
          const cible = cibles[i];
          if (cible === undefined) throw new Error("cible absente");
          expect(surCetteBase.filter((x) => x?.resultat === "CERTIFIE").length, b.config.dialecte).toBe(1);
          expect(surCetteBase.filter((x) => x?.erreur === "ConflitDeVersion").length, b.config.dialecte).toBe(PROCESSUS - 1);
          const depot = new DepotMemoires(b.orm);
          const apres = Either.getOrThrow(await depot.charger(r.memoire.id));
          expect([apres.etat, apres.version]).toEqual(["CERTIFIE", cible.version + 1]);
          const historique = Either.getOrThrow(await depot.historique(r.memoire.id));
          expect(historique.filter((e) => e.commande === "memoire.certifier").length).toBe(1);
          expect(historique.length).toBe(apres.version);
        }
      } finally {
        await Promise.all(bases.map((b) => b.detruire()));
      }
    },
    600_000,
  );
});
