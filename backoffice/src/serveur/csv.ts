import type { Response } from "express";
import type { ValeurSql } from "../base/sql.js";
import { lectureDe } from "../base/sql.js";
import type { Orm } from "../base/orm.js";
import { LIBELLES_ETATS } from "../admin/memoires/libelles.js";
import { paramsListe } from "../admin/memoires/memoires.ressource.js";
import { date, libelleCategorie } from "../admin/memoires/libelles.js";
import type { EtatMemoire } from "@frais-justice/core/memoire";

/**
 * An amount as a French spreadsheet reads it as a number: « 1541,82 ». The screens' « 1 541,82 € »
 * has a narrow no-break space between thousands, which makes the cell text (no sum, no sort).
 */
const nombreTableur = (montant: unknown): string => String(montant).replace(/[\s\u00a0\u202f]|€/g, "");

const COLONNES: ReadonlyArray<readonly [string, (p: Record<string, unknown>) => string]> = [
  ["Numéro", (p) => String(p["numero"])],
  ["État", (p) => LIBELLES_ETATS[p["etat"] as EtatMemoire] ?? String(p["etat"])],
  ["Juridiction", (p) => String(p["juridiction"])],
  ["Date de dépôt", (p) => date(p["envoyeLe"] as Date | null)],
  ["Prestataire", (p) => String(p["prestataire"])],
  ["Identifiant du prestataire", (p) => String(p["identifiantPrestataire"])],
  ["Catégorie de prestataire", (p) => libelleCategorie(String(p["categoriePrestataire"]))],
  ["Texte de référence", (p) => String(p["texteReference"])],
  ["N° d'engagement juridique", (p) => String(p["numeroEngagementJuridique"])],
  ["Montant demandé TTC", (p) => nombreTableur(p["montantDemande"])],
  ["Montant retenu TTC", (p) => nombreTableur(p["montantTtc"])],
  ["Montant modifié", (p) => (p["montantModifie"] === true ? "oui" : "non")],
];

/** One CSV field: quoted when needed; a leading = + - @ is neutralised (spreadsheet formula injection). */
export const champCsv = (v: string): string => {
  const sur = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(sur) ? `"${sur.replace(/"/g, '""')}"` : sur;
};

/**
 * Streams the rows of a list query as CSV (UTF-8 with BOM, `;` separator, CRLF, French headers), by
 * pages of 1,000 rows so memory stays flat whatever the size; waits for the socket to drain.
 * `page` gives the query of one page (the list's own query: same filters, order and labels).
 */
export const ecrireCsv = async (
  orm: Orm,
  res: Response,
  page: (p: { readonly limite: number; readonly decalage: number }) => { readonly sql: string; readonly params: ReadonlyArray<ValeurSql> },
  nomFichier: string,
): Promise<void> => {
  const sql = lectureDe(orm);
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${nomFichier}"`);
  res.setHeader("Cache-Control", "no-store");
  const ecrire = (texte: string): Promise<void> => new Promise((ok) => (res.write(texte) ? ok() : res.once("drain", ok)));
  await ecrire(`\uFEFF${COLONNES.map(([t]) => champCsv(t)).join(";")}\r\n`);
  const TAILLE = 1000;
  for (let decalage = 0; ; decalage += TAILLE) {
    const requete = page({ limite: TAILLE, decalage });
    const lignes = await sql.lignes<Parameters<typeof paramsListe>[0]>(requete.sql, requete.params);
    if (lignes.length > 0) await ecrire(lignes.map((l) => `${COLONNES.map(([, f]) => champCsv(f(paramsListe(l)))).join(";")}\r\n`).join(""));
    if (lignes.length < TAILLE || res.destroyed) break;
  }
  res.end();
};
