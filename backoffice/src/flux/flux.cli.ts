/**
 * `frais-justice import-flux FICHIER [--compte-rendu FICHIER|-]`: the back-office's entry of the
 * command (core's `frais-justice` hands `import-flux` to it, since core cannot depend on the back-office).
 * Imports a lot file into the configured database (DATABASE_URL, or the SQLite file by default), with a
 * progress bar on stderr when it is a terminal, then prints a summary as JSON on stdout; the full
 * compte rendu goes to the file given with `--compte-rendu` (`-`: stdout instead of the summary).
 *
 * Exit codes: 0 lot integrated (IN_INTEGRE, or already processed before); 1 partially integrated
 * (IN_INTEGRE_PARTIEL); 2 lot rejected (IN_REJETE), unreadable file or usage error; 3 incident
 * (IN_INCIDENTE: run the same command again to resume).
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { Either } from "effect";
import { lireConfiguration, RACINE_BACKOFFICE } from "../base/configuration.js";
import { ouvrirOrm } from "../base/orm.js";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { compteRendu, lignesErreurs } from "./flux.compte-rendu.js";
import { DepotLots } from "./flux.depot.js";
import { importerFlux } from "./flux.import.js";
import { LIBELLES_STATUT_LOT, type StatutLot } from "./flux.lot.js";

export const USAGE_IMPORT_FLUX = `Usage :
  frais-justice import-flux FICHIER [--compte-rendu FICHIER|-]
      Dépose un lot de mémoires au format flux (docs/flux.md) dans la base configurée
      (DATABASE_URL, sinon le fichier SQLite par défaut) et affiche un résumé ;
      --compte-rendu écrit le compte rendu complet (JSON) dans un fichier, ou sur la sortie standard avec -.
`;

/** Exit codes of `import-flux`. */
export const CODES_IMPORT_FLUX = { INTEGRE: 0, PARTIEL: 1, REJETE: 2, INCIDENT: 3 } as const;

const CODE_DU_STATUT: Readonly<Record<StatutLot, number>> = {
  IN_INTEGRE: CODES_IMPORT_FLUX.INTEGRE,
  IN_INTEGRE_PARTIEL: CODES_IMPORT_FLUX.PARTIEL,
  IN_REJETE: CODES_IMPORT_FLUX.REJETE,
  IN_INCIDENTE: CODES_IMPORT_FLUX.INCIDENT,
  IN_RECU: CODES_IMPORT_FLUX.INCIDENT,
  IN_EN_COURS_TRAITEMENT: CODES_IMPORT_FLUX.INCIDENT,
};

interface Sortie {
  write(texte: string): unknown;
}

/** Runs `import-flux` with its arguments (after the command name); resolves to the exit code. */
export const importFlux = async (args: ReadonlyArray<string>, flux: { readonly stdout: Sortie; readonly stderr: Sortie & { readonly isTTY?: boolean } }): Promise<number> => {
  let fichier: string;
  let sortieCompteRendu: string | undefined;
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { "compte-rendu": { type: "string" } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || positionals[0] === undefined) throw new Error("import-flux attend exactement un fichier.");
    fichier = resolve(positionals[0]);
    sortieCompteRendu = values["compte-rendu"];
  } catch (e) {
    flux.stderr.write(`${(e as Error).message}\n${USAGE_IMPORT_FLUX}`);
    return CODES_IMPORT_FLUX.REJETE;
  }
  const orm = await ouvrirOrm(lireConfiguration());
  const barre =
    flux.stderr.isTTY === true
      ? new cliProgress.SingleBar(
          { stream: flux.stderr as NodeJS.WritableStream, format: "{bar} {percentage}% | {memoires} mémoires ({integres} intégrés, {rejetes} rejetés) | {eta_formatted}", hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  try {
    const debut = performance.now();
    let demarre = false;
    const issue = await importerFlux({
      orm,
      stockage: new StockagePieces(process.env["FJ_PIECES_DIR"] ?? resolve(RACINE_BACKOFFICE, "data", "pieces")),
      fichier,
      canal: "CLI",
      progression: (p) => {
        if (barre === undefined) return;
        if (!demarre) barre.start(p.taille, 0, { memoires: 0, integres: 0, rejetes: 0 });
        demarre = true;
        barre.update(p.octetsLus, { memoires: p.memoires, integres: p.integres, rejetes: p.rejetes });
      },
    }).catch((e: unknown) => e as Error);
    if (demarre) barre?.stop();
    if (issue instanceof Error) {
      flux.stderr.write(`incident : ${issue.message}\nLe lot est au statut IN_INCIDENTE : relancez la même commande pour le reprendre.\n`);
      return CODES_IMPORT_FLUX.INCIDENT;
    }
    if (Either.isLeft(issue)) {
      flux.stderr.write(`${issue.left._tag}: ${issue.left.message}\n`);
      return CODES_IMPORT_FLUX.REJETE;
    }
    if (issue.right.type === "illisible") {
      const e = issue.right.erreur;
      flux.stderr.write(`${fichier}${e.ligne === undefined ? "" : `:${e.ligne}:${e.colonne ?? 0}`}: ${e.raison}\nLot illisible : rien n'a été enregistré.\n`);
      return CODES_IMPORT_FLUX.REJETE;
    }
    const lot = issue.right.lot;
    const cr = Either.getOrThrow(await compteRendu(new DepotLots(orm), lot.id));
    const secondes = (performance.now() - debut) / 1000;
    const resume = {
      lot: lot.id,
      statut: lot.statut,
      libelleStatut: LIBELLES_STATUT_LOT[lot.statut],
      dejaTraite: issue.right.dejaTraite,
      memoires: cr.totaux.memoires,
      integres: cr.totaux.integres,
      rejetes: cr.totaux.rejetes,
      ...(cr.erreurLot === undefined ? {} : { erreurLot: cr.erreurLot }),
      duree: `${secondes.toFixed(1)} s`,
    };
    if (sortieCompteRendu === "-") flux.stdout.write(`${JSON.stringify(cr, null, 2)}\n`);
    else {
      if (sortieCompteRendu !== undefined) await writeFile(sortieCompteRendu, `${JSON.stringify(cr, null, 2)}\n`);
      flux.stdout.write(`${JSON.stringify(resume, null, 2)}\n`);
    }
    const erreurs = lignesErreurs(cr.elements);
    for (const l of erreurs.slice(0, 20)) flux.stderr.write(`${l}\n`);
    if (erreurs.length > 20) flux.stderr.write(`… et ${erreurs.length - 20} autres erreurs (voir le compte rendu)\n`);
    return CODE_DU_STATUT[lot.statut];
  } finally {
    await orm.close(true);
  }
};

if (process.argv[1] !== undefined && /flux\.cli\.(ts|js)$/.test(process.argv[1])) {
  process.exitCode = await importFlux(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
