import { SaisieInvalide } from "@frais-justice/core";
import { autoriser } from "@frais-justice/core/autorisation";
import { decoderCriteresListeFiscale, decoderCriteresRecherche, ETATS_MEMOIRE, STATUTS_VISIBLES, statutVisible, type EtatMemoire, type StatutVisible } from "@frais-justice/core/memoire";
import { BigDecimal, Either, Option } from "effect";
import express, { type Request } from "express";
import { sqlDe } from "../base/sql.js";
import type { LigneMemoire } from "../memoire/memoire.vues.repository.js";
import { cibleStructure, structuresDe, type Authentifie } from "./acteur.js";
import type { ContexteApi } from "./contexte.js";
import { authentifieDe } from "./http/authentification.js";
import { asynchrone, introuvable } from "./http/probleme.js";
import { lirePagination, page } from "./http/requete.js";

/**
 * The read views of the espace « Mémoires de frais de justice » over the caller's structures:
 * Rechercher (paged), Synthèse, Tableau de bord, Liste fiscale (JSON or CSV). Every row passes core's
 * `autoriser` (`memoire.consulter`) on its structure and service.
 */

/** A list row as JSON. */
export const representerLigne = (l: LigneMemoire) => ({
  id: l.id,
  numero: l.numero,
  etat: l.etat,
  statutVisible: Option.getOrNull(statutVisible(l.etat)),
  version: l.version,
  structureId: l.structureId,
  serviceId: l.serviceId ?? null,
  juridiction: { code: l.juridictionCode, libelle: l.juridictionLibelle },
  numeroFacture: l.numeroFacture ?? null,
  numeroEngagementJuridique: l.numeroEngagementJuridique ?? null,
  texteReference: l.texteReference ?? null,
  envoyeLe: l.envoyeLe?.toISOString() ?? null,
  etatLe: l.etatLe.toISOString(),
  montantTtc: l.montantTtc,
  montantTva: l.montantTva,
  montantModifie: l.montantModifie,
});

const lisibleEntiere = (a: Authentifie, structureId: string): boolean => Either.isRight(autoriser(a.acteur, "memoire.consulter", cibleStructure(a, structureId)));

const ligneLisible = (a: Authentifie, l: LigneMemoire): boolean => Either.isRight(autoriser(a.acteur, "memoire.consulter", cibleStructure(a, l.structureId, l.serviceId)));

/** The structures whose mémoires the caller reads in full; and, when the criteria name a structure and one of its services the caller reads, that one. */
const structuresLisibles = (a: Authentifie, structureId?: string, serviceId?: string): ReadonlyArray<string> => {
  const entieres = structuresDe(a).filter((s) => lisibleEntiere(a, s));
  if (structureId !== undefined && serviceId !== undefined && !entieres.includes(structureId) && Either.isRight(autoriser(a.acteur, "memoire.consulter", cibleStructure(a, structureId, serviceId))))
    return [...entieres, structureId];
  return entieres;
};

const texte = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The query string as core's raw criteria (`limit` is the page size). */
const criteresBruts = (req: Request): Record<string, unknown> => {
  const brut: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req.query)) {
    if (typeof v !== "string") throw new SaisieInvalide({ erreurs: [{ chemin: k, raison: "une seule valeur texte attendue" }] });
    brut[k === "limit" ? "taille" : k] = v;
  }
  return brut;
};

const CENTIMES = (s: string) => BigDecimal.unsafeFromString(s);
const somme = (vs: ReadonlyArray<BigDecimal.BigDecimal>) => vs.reduce((x, y) => BigDecimal.sum(x, y), BigDecimal.make(0n, 2));
/** A money amount with exactly two decimals (`379.80`), rounded half away from zero. */
const deux = (d: BigDecimal.BigDecimal): string => {
  const [entier = "0", decimales = ""] = BigDecimal.format(BigDecimal.round(d, { scale: 2, mode: "half-from-zero" })).split(".");
  return `${entier}.${`${decimales}00`.slice(0, 2)}`;
};

const csv = (v: string): string => (/[";\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The routes of the views (mounted at the API root: `/memoires` for Rechercher, `/synthese`, `/tableau-de-bord`, `/liste-fiscale`). */
export const routesVues = (ctx: ContexteApi): express.Router => {
  const r = express.Router();

  r.get(
    "/memoires",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const brut = criteresBruts(req);
      const pagination = lirePagination(req);
      const criteres = decoderCriteresRecherche({ ...brut, page: pagination.page, taille: pagination.limite });
      if (Either.isLeft(criteres)) throw criteres.left;
      const c = criteres.right;
      const structureIds = structuresLisibles(a, c.structureId, c.serviceId);
      const resultat = await ctx.vues.rechercher(c, { structureIds });
      res.json(page(req, res, resultat.elements.map(representerLigne), resultat.total, pagination, resultat.totalExact));
    }),
  );

  r.get(
    "/synthese",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const demandee = texte(req.query["structureId"]);
      for (const k of Object.keys(req.query)) if (k !== "structureId") throw new SaisieInvalide({ erreurs: [{ chemin: k, raison: "paramètre inconnu" }] });
      const structures = demandee === undefined ? structuresDe(a) : [demandee];
      if (demandee !== undefined && !structuresDe(a).includes(demandee)) throw introuvable("Structure");
      const elements = [];
      for (const s of structures.toSorted()) elements.push(...(await ctx.vues.synthese(s)).filter((l) => ligneLisible(a, l)).map(representerLigne));
      res.json({ elements });
    }),
  );

  r.get(
    "/tableau-de-bord",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      if (Object.keys(req.query).length > 0) throw new SaisieInvalide({ erreurs: Object.keys(req.query).map((k) => ({ chemin: k, raison: "paramètre inconnu" })) });
      const structures = structuresDe(a).filter((s) => lisibleEntiere(a, s));
      const compteurs = structures.length === 0 ? [] : await ctx.vues.tableauDeBord(structures);
      const lignes = structures.toSorted().map((structureId) => {
        const parEtat = compteurs.find((c) => c.structureId === structureId)?.parEtat ?? {};
        const parStatut = Object.fromEntries(STATUTS_VISIBLES.map((s) => [s, 0])) as Record<StatutVisible, number>;
        for (const e of ETATS_MEMOIRE as ReadonlyArray<EtatMemoire>) {
          const s = Option.getOrUndefined(statutVisible(e));
          if (s !== undefined) parStatut[s] += parEtat[e] ?? 0;
        }
        return { structureId, compteurs: parStatut, total: Object.values(parStatut).reduce((x, y) => x + y, 0) };
      });
      res.json({ elements: lignes });
    }),
  );

  r.get(
    "/liste-fiscale",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const brut = criteresBruts(req);
      const format = brut["format"] ?? (req.accepts(["application/json", "text/csv"]) === "text/csv" ? "csv" : "json");
      delete brut["format"];
      if (format !== "csv" && format !== "json") throw new SaisieInvalide({ erreurs: [{ chemin: "format", raison: "« json » ou « csv »" }] });
      const criteres = decoderCriteresListeFiscale(brut);
      if (Either.isLeft(criteres)) throw criteres.left;
      const c = criteres.right;
      if (c.structureId !== undefined && !structuresDe(a).includes(c.structureId)) throw introuvable("Structure");
      const structures = c.structureId === undefined ? structuresDe(a) : [c.structureId];
      const lignes = [];
      for (const s of structures.toSorted()) lignes.push(...(await ctx.vues.listeFiscale({ ...c, structureId: s })).filter((l) => ligneLisible(a, l)));
      lignes.sort((x, y) => (x.paiementDate ?? "").localeCompare(y.paiementDate ?? "") || x.numero.localeCompare(y.numero));
      const rangs = lignes.map((l) => {
        const ttc = CENTIMES(l.montantTtc);
        const tva = CENTIMES(l.montantTva);
        return {
          numero: l.numero,
          datePaiement: l.paiementDate ?? l.etatLe.toISOString().slice(0, 10),
          referencePaiement: l.paiementReference ?? null,
          structureId: l.structureId,
          juridiction: { code: l.juridictionCode, libelle: l.juridictionLibelle },
          ht: BigDecimal.subtract(ttc, tva),
          tva,
          ttc,
        };
      });
      const totaux = { montantHtApresRemiseGlobale: deux(somme(rangs.map((x) => x.ht))), montantTva: deux(somme(rangs.map((x) => x.tva))), montantTtc: deux(somme(rangs.map((x) => x.ttc))) };
      if (format === "csv") {
        const entete = "numero;datePaiement;referencePaiement;structureId;juridictionCode;juridictionLibelle;montantHtApresRemiseGlobale;montantTva;montantTtc";
        const corps = rangs.map((x) => [x.numero, x.datePaiement, x.referencePaiement ?? "", x.structureId, x.juridiction.code, x.juridiction.libelle, deux(x.ht), deux(x.tva), deux(x.ttc)].map(csv).join(";"));
        res.type("text/csv; charset=utf-8").setHeader("Content-Disposition", `attachment; filename="liste-fiscale-${c.du}-${c.au}.csv"`);
        res.send(`\uFEFF${[entete, ...corps, ["TOTAL", "", "", "", "", "", totaux.montantHtApresRemiseGlobale, totaux.montantTva, totaux.montantTtc].join(";")].join("\r\n")}\r\n`);
        return;
      }
      res.json({
        du: c.du,
        au: c.au,
        lignes: rangs.map(({ ht, tva, ttc, ...reste }) => ({ ...reste, montantHtApresRemiseGlobale: deux(ht), montantTva: deux(tva), montantTtc: deux(ttc) })),
        totaux,
      });
    }),
  );

  r.get(
    "/juridictions",
    asynchrone(async (_req, res) => {
      const juridictions = await sqlDe(ctx.orm).lignes<{ code: unknown; libelle: unknown; courAppel: unknown }>(
        `SELECT code AS "code", libelle AS "libelle", cour_appel AS "courAppel" FROM juridiction ORDER BY code`,
      );
      res.json({ elements: juridictions.map((j) => ({ code: String(j.code), libelle: String(j.libelle), courAppel: String(j.courAppel) })) });
    }),
  );

  return r;
};
