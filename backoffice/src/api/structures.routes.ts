import { autoriser } from "@frais-justice/core/autorisation";
import { prerequisManquants, type PrerequisManquant } from "@frais-justice/core/prerequis";
import { Either } from "effect";
import express from "express";
import { cibleStructure, structuresDe, type Authentifie } from "./acteur.js";
import type { ContexteApi } from "./contexte.js";
import { authentifieDe } from "./http/authentification.js";
import { asynchrone, introuvable } from "./http/probleme.js";

/** A missing prérequis as JSON: its number, tag, French label and details. */
export const representerPrerequis = (p: PrerequisManquant) => {
  const { _tag, ...reste } = p;
  return { tag: _tag, ...reste };
};

/** The data the prérequis and the send are checked on: the structure, its coordonnées bancaires and mandats. */
export const chargerDonneesStructure = async (ctx: ContexteApi, structureId: string) => {
  const s = await ctx.organisation.structures.charger(structureId);
  if (Either.isLeft(s)) return undefined;
  const coordonnees = Either.getOrThrow(await ctx.organisation.coordonneesBancaires.lister("structureId", structureId)).map((c) => c.valeur);
  const mandats = Either.getOrThrow(await ctx.organisation.mandats.lister("structureId", structureId)).map((m) => m.valeur);
  return { structure: s.right.valeur, coordonneesBancaires: { structureId, coordonnees }, mandats: { structureId, mandats } };
};

const representerStructure = async (ctx: ContexteApi, a: Authentifie, structureId: string) => {
  if (Either.isLeft(autoriser(a.acteur, "structure.consulter", cibleStructure(a, structureId)))) return undefined;
  const d = await chargerDonneesStructure(ctx, structureId);
  if (d === undefined) return undefined;
  const { structure: s } = d;
  const manquants = prerequisManquants(d.structure, d.coordonneesBancaires, d.mandats);
  return {
    id: s.id,
    identifiant: { type: s.identifiant.type, valeur: s.identifiant.valeur },
    raisonSociale: s.raisonSociale,
    statut: s.statut,
    services: s.services.map((x) => ({ code: x.code, libelle: x.libelle, actif: x.actif })),
    categoriePrestataire: s.informationsMemoire.categoriePrestataire ?? null,
    espacesOuverts: [...s.espacesOuverts],
    roles: a.acteur.rattachements.filter((r) => r.structureId === s.id).map((r) => r.role),
    memoires: {
      consultation: Either.isRight(autoriser(a.acteur, "memoire.consulter", cibleStructure(a, s.id))),
      modification: Either.isRight(autoriser(a.acteur, "memoire.modifier", cibleStructure(a, s.id))),
    },
    prerequis: { remplis: manquants.length === 0, manquants: manquants.map(representerPrerequis) },
  };
};

/** `GET /structures`, `GET /structures/:id`: the caller's structures (those they may consult) with their prérequis. */
export const routesStructures = (ctx: ContexteApi): express.Router => {
  const r = express.Router();
  r.get(
    "/",
    asynchrone(async (_req, res) => {
      const a = authentifieDe(res);
      const elements = [];
      for (const id of structuresDe(a).toSorted()) {
        const s = await representerStructure(ctx, a, id);
        if (s !== undefined) elements.push(s);
      }
      res.json({ elements });
    }),
  );
  r.get(
    "/:id",
    asynchrone(async (req, res) => {
      const s = await representerStructure(ctx, authentifieDe(res), String(req.params["id"]));
      if (s === undefined) throw introuvable("Structure");
      res.json(s);
    }),
  );
  return r;
};
