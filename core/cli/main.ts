/**
 * The `frais-justice` command: a thin I/O shell around core's pure functions.
 *
 * Contract (kept by core/cli/main.test.ts): the result is printed as JSON on stdout with exit code 0;
 * any invalid input or usage gives exit code 2, nothing on stdout, and on stderr one line per
 * offending field (`lignes[0].tauxTva: …`).
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Either } from "effect";
import { calculerMontants, montantsEnJson } from "../src/montants/index.js";
import { calculTarifEnJson, tarifTraductionEcrite, tarifTraductionOrale } from "../src/tarifs/index.js";

export interface Flux {
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly stdout: { write(texte: string): unknown };
  readonly stderr: { write(texte: string): unknown };
}

/** Exit codes of the command. */
export const CodeSortie = { OK: 0, SAISIE_INVALIDE: 2 } as const;

const USAGE = `Usage :
  frais-justice calculer FICHIER|-
      Calcule les montants d'un mémoire décrit en JSON (fichier, ou - pour l'entrée standard).
  frais-justice tarif traduction-orale --debut AAAA-MM-JJTHH:MM --fin AAAA-MM-JJTHH:MM
      Tarif d'une traduction orale (heure légale française ; toute heure commencée est due).
  frais-justice tarif traduction-ecrite --mots N --date AAAA-MM-JJ
      Tarif d'une traduction écrite (page de 250 mots).
  frais-justice import-flux FICHIER [--compte-rendu FICHIER|-]
      Dépose un lot de mémoires au format flux dans la base du back-office (docs/flux.md) ;
      nécessite le paquet @frais-justice/backoffice.
  frais-justice --help
`;

class ErreurUsage extends Error {}

const lireEntree = async (chemin: string, flux: Flux): Promise<string> => {
  if (chemin !== "-") return readFile(chemin, "utf8");
  const morceaux: Array<string> = [];
  const decodeur = new TextDecoder("utf-8");
  for await (const morceau of flux.stdin) {
    morceaux.push(typeof morceau === "string" ? morceau : decodeur.decode(morceau, { stream: true }));
  }
  morceaux.push(decodeur.decode());
  return morceaux.join("");
};

const imprimerJson = (flux: Flux, valeur: unknown): number => {
  flux.stdout.write(`${JSON.stringify(valeur, null, 2)}\n`);
  return CodeSortie.OK;
};

const imprimerErreurs = (flux: Flux, erreurs: ReadonlyArray<{ chemin: string; raison: string }>): number => {
  for (const e of erreurs) flux.stderr.write(`${e.chemin === "" ? "(racine)" : e.chemin}: ${e.raison}\n`);
  return CodeSortie.SAISIE_INVALIDE;
};

/** Renders any tagged error of core as stderr lines: field errors one per line, others by message. */
const imprimerEchec = (flux: Flux, erreur: { readonly _tag: string; readonly message: string }): number => {
  if ("erreurs" in erreur && Array.isArray(erreur.erreurs)) {
    return imprimerErreurs(flux, erreur.erreurs as ReadonlyArray<{ chemin: string; raison: string }>);
  }
  flux.stderr.write(`${erreur._tag}: ${erreur.message}\n`);
  return CodeSortie.SAISIE_INVALIDE;
};

const calculer = async (args: ReadonlyArray<string>, flux: Flux): Promise<number> => {
  if (args.length !== 1 || args[0] === undefined) throw new ErreurUsage("calculer attend exactement un fichier (ou -).");
  let texte: string;
  try {
    texte = await lireEntree(args[0], flux);
  } catch (e) {
    return imprimerErreurs(flux, [{ chemin: "", raison: `lecture impossible de ${args[0]} : ${(e as Error).message}` }]);
  }
  let saisie: unknown;
  try {
    saisie = JSON.parse(texte);
  } catch (e) {
    return imprimerErreurs(flux, [{ chemin: "", raison: `JSON invalide : ${(e as Error).message}` }]);
  }
  return Either.match(calculerMontants(saisie), {
    onLeft: (erreur) => imprimerEchec(flux, erreur),
    onRight: (montants) => imprimerJson(flux, montantsEnJson(montants)),
  });
};

const options = (args: ReadonlyArray<string>, noms: ReadonlyArray<string>): Record<string, string | undefined> => {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: Object.fromEntries(noms.map((n) => [n, { type: "string" as const }])),
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new ErreurUsage(`argument inattendu : ${positionals.join(" ")}`);
    return values;
  } catch (e) {
    throw e instanceof ErreurUsage ? e : new ErreurUsage((e as Error).message);
  }
};

const tarif = (args: ReadonlyArray<string>, flux: Flux): number => {
  const [prestation, ...reste] = args;
  switch (prestation) {
    case "traduction-orale": {
      const o = options(reste, ["debut", "fin"]);
      return Either.match(tarifTraductionOrale({ debut: o["debut"], fin: o["fin"] }), {
        onLeft: (erreur) => imprimerEchec(flux, erreur),
        onRight: (calcul) => imprimerJson(flux, calculTarifEnJson(calcul)),
      });
    }
    case "traduction-ecrite": {
      const o = options(reste, ["mots", "date"]);
      return Either.match(tarifTraductionEcrite({ mots: o["mots"], date: o["date"] }), {
        onLeft: (erreur) => imprimerEchec(flux, erreur),
        onRight: (calcul) => imprimerJson(flux, calculTarifEnJson(calcul)),
      });
    }
    default:
      throw new ErreurUsage(`prestation inconnue : ${prestation ?? "(aucune)"} (traduction-orale, traduction-ecrite)`);
  }
};

/** Exit code when a command needs a package that is not installed. */
export const CODE_PAQUET_ABSENT = 4;

/**
 * Where the back-office's entry of `import-flux` is: core cannot depend on the back-office (it owns
 * the database), so the command is handed over to it when the package is installed next to core.
 */
export const entreeImportFlux = (depuis: string = import.meta.url): { readonly script: string; readonly chargeur: string } | undefined => {
  try {
    const require = createRequire(depuis);
    const paquet = require.resolve("@frais-justice/backoffice/package.json");
    const depuisBackoffice = createRequire(paquet);
    // The back-office runs from its TypeScript sources through tsx (as `npm start` does).
    return { script: join(dirname(paquet), "src", "flux", "flux.cli.ts"), chargeur: pathToFileURL(depuisBackoffice.resolve("tsx")).href };
  } catch {
    return undefined;
  }
};

const importFlux = async (args: ReadonlyArray<string>, flux: Flux): Promise<number> => {
  const entree = entreeImportFlux();
  if (entree === undefined) {
    flux.stderr.write("import-flux : le paquet @frais-justice/backoffice n'est pas installé (il possède la base de données où les mémoires sont déposés).\n");
    return CODE_PAQUET_ABSENT;
  }
  // Inherit the terminal when the streams are the process's own (the progress bar needs a TTY); pipe otherwise.
  const herite = flux.stdout === process.stdout && flux.stderr === process.stderr;
  const enfant = spawn(process.execPath, ["--conditions=source", "--import", entree.chargeur, entree.script, ...args], { stdio: herite ? "inherit" : ["ignore", "pipe", "pipe"] });
  enfant.stdout?.on("data", (d: Buffer) => flux.stdout.write(d.toString("utf8")));
  enfant.stderr?.on("data", (d: Buffer) => flux.stderr.write(d.toString("utf8")));
  return new Promise<number>((ok, ko) => {
    enfant.on("error", ko);
    enfant.on("close", (code, signal) => ok(code ?? (signal === null ? 1 : 128 + 9)));
  });
};

/** Runs the command with the given arguments and streams; resolves to the exit code. */
export const main = async (argv: ReadonlyArray<string>, flux: Flux): Promise<number> => {
  const [commande, ...args] = argv;
  try {
    switch (commande) {
      case "calculer":
        return await calculer(args, flux);
      case "tarif":
        return tarif(args, flux);
      case "import-flux":
        return await importFlux(args, flux);
      case "--help":
      case "-h":
      case "aide":
        flux.stdout.write(USAGE);
        return CodeSortie.OK;
      default:
        throw new ErreurUsage(commande === undefined ? "commande manquante." : `commande inconnue : ${commande}`);
    }
  } catch (e) {
    if (e instanceof ErreurUsage) {
      flux.stderr.write(`${e.message}\n${USAGE}`);
      return CodeSortie.SAISIE_INVALIDE;
    }
    throw e;
  }
};
