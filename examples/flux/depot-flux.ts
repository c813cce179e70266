/**
 * # Un lot de mémoires déposé par flux, et son compte rendu
 *
 * Le cabinet d'interprétariat d'Élise Martin (SIRET 73282932000074) dépose par flux (flux E3) le lot
 * `lot-exemple.xml` : deux mémoires adressés au tribunal judiciaire 750. Le premier — une traduction
 * orale sur réquisition d'un officier de police judiciaire, la réquisition jointe en base64 — est
 * créé puis validé et envoyé exactement comme s'il avait été saisi sur le portail : il reçoit un
 * numéro MJ, son certificat de dépôt, et la coordonnée bancaire active de la structure est jointe
 * automatiquement. Le second est bien formé mais faux : juridiction inconnue, date de réquisition
 * impossible, taux de TVA non autorisé ; il est rejeté et rien n'en est enregistré.
 *
 * Le lot passe de « Reçu » à « En cours de traitement » puis à « Intégré partiellement », et le
 * compte rendu (`compte-rendu-attendu.json`) donne pour chaque mémoire son numéro ou chacune de ses
 * erreurs avec son chemin. Le même dépôt en ligne de commande :
 * `npx frais-justice import-flux examples/flux/lot-exemple.xml --compte-rendu -`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Either } from "effect";
import { ouvrirOrm } from "../../backoffice/src/base/orm.js";
import { compteRendu, type CompteRendu } from "../../backoffice/src/flux/flux.compte-rendu.js";
import { DepotLots } from "../../backoffice/src/flux/flux.depot.js";
import { importerFlux } from "../../backoffice/src/flux/flux.import.js";
import { preparerEmetteur } from "../../backoffice/src/flux/flux.test-support.js";
import { StockagePieces } from "../../backoffice/src/pieces-jointes/stockage.js";

/** The lot file of the example. */
export const LOT_EXEMPLE = fileURLToPath(new URL("./lot-exemple.xml", import.meta.url));

/** Deposits the example lot in a throwaway database (the émetteur and the juridiction are set up first) and returns its compte rendu. */
export const main = async (afficher: (ligne: string) => void = () => undefined): Promise<CompteRendu> => {
  const dossier = mkdtempSync(join(tmpdir(), "fj-exemple-flux-"));
  const orm = await ouvrirOrm({ dialecte: "sqlite", fichier: join(dossier, "exemple.sqlite") });
  try {
    await preparerEmetteur(orm);
    // The deposit's instant: the mémoires' dates de prestation are within the year (CPP art. 800).
    const maintenant = () => new Date("2026-11-02T10:00:00.000Z");
    const issue = await importerFlux({ orm, stockage: new StockagePieces(join(dossier, "pieces")), fichier: LOT_EXEMPLE, canal: "CLI", maintenant });
    if (Either.isLeft(issue) || issue.right.type !== "traite") throw new Error(`dépôt inattendu : ${JSON.stringify(issue)}`);
    const cr = Either.getOrThrow(await compteRendu(new DepotLots(orm), issue.right.lot.id));
    afficher(`Lot ${cr.lot.id} : ${cr.lot.libelleStatut} (${cr.totaux.integres} intégré, ${cr.totaux.rejetes} rejeté)`);
    for (const e of cr.elements) {
      if (e.resultat === "INTEGRE") afficher(`  mémoire ${e.indice} : ${e.numero}`);
      else for (const x of e.erreurs) afficher(`  mémoire ${e.indice} : ${x.chemin} — ${x.raison}`);
    }
    return cr;
  } finally {
    await orm.close(true);
    rmSync(dossier, { recursive: true, force: true });
  }
};
