import { depuisParseError, SaisieInvalide } from "@frais-justice/core";
import {
  calculerMontantsMemoire,
  TypeTvaMemoire,
  LigneSaisie,
  peutLire,
  TAILLE_MAX_PIECE_JOINTE_OCTETS,
  verifierCertificat,
  type Commande,
  type Memoire,
  type MontantsMemoire,
  MontantsMemoire as MontantsMemoireSchema,
  produireCertificat,
  peut,
} from "@frais-justice/core/memoire";
import { prerequisManquants } from "@frais-justice/core/prerequis";
import { Montant } from "@frais-justice/core/montants";
import { Either, Schema } from "effect";
import express, { type Request, type RequestHandler, type Response } from "express";
import multer from "multer";
import { randomUUID } from "node:crypto";
import { creerMemoire, executerCommande } from "../memoire/memoire.commandes.js";
import type { Authentifie } from "./acteur.js";
import type { ContexteApi } from "./contexte.js";
import { authentifieDe } from "./http/authentification.js";
import { asynchrone, introuvable } from "./http/probleme.js";
import { corpsObjet, etag, versionAttendue } from "./http/requete.js";
import { CertificatJson, representerCertificat, representerEvenement, representerMemoire } from "./memoires.representation.js";
import { chargerDonneesStructure } from "./structures.routes.js";

/**
 * The mémoires of the caller's structures: create a draft, edit it (en-tête, lines, remise globale,
 * attachments), send it (certificat de dépôt), delete a draft, duplicate or abandon a refused one,
 * read one with its history. Every change is one of core's commands run by `DepotMemoires` (machine,
 * guards, `autoriser`, audit event, optimistic version); writes need `If-Match`.
 *
 * A mémoire the caller may not read is "not found" (404), whatever the reason.
 */

const lecteur = (a: Authentifie) => ({ acteur: a.acteur, espacesOuverts: Object.fromEntries(a.espacesOuverts) });

const contexteCommande = (ctx: ContexteApi, a: Authentifie, m: Pick<Memoire, "enTete">) => ({
  maintenant: ctx.maintenant(),
  genererId: randomUUID,
  acteur: a.acteur,
  espacesOuverts: a.espacesOuverts.get(m.enTete.structureId) ?? [],
});

/** Loads a mémoire the caller may read, or throws a 404 problem (also for one that exists elsewhere). */
export const chargerLisible = async (ctx: ContexteApi, a: Authentifie, id: string): Promise<Memoire> => {
  const r = await ctx.memoires.charger(id);
  if (Either.isLeft(r)) {
    if (r.left._tag === "MemoireIntrouvable") throw introuvable("Mémoire");
    throw r.left;
  }
  if (!peutLire(lecteur(a), r.right)) throw introuvable("Mémoire");
  return r.right;
};

const repondreMemoire = (res: Response, ctx: ContexteApi, a: Authentifie, m: Memoire, status = 200): void => {
  res.status(status).setHeader("ETag", etag(m.version));
  res.json(representerMemoire(m, a, ctx.maintenant()));
};

/** Accepts `juridiction` as a code (`"750"`) and fills in its libellé and cour d'appel from the référentiel. */
const resoudreJuridiction = async (ctx: ContexteApi, enTete: unknown, chemin: string): Promise<unknown> => {
  if (typeof enTete !== "object" || enTete === null || Array.isArray(enTete)) return enTete;
  const j = (enTete as Record<string, unknown>)["juridiction"];
  if (typeof j !== "string") return enTete;
  const trouvee = j.length > 0 && j.length <= 20 ? await ctx.organisation.juridictions.charger(j) : Either.left(undefined);
  if (Either.isLeft(trouvee)) throw new SaisieInvalide({ erreurs: [{ chemin: `${chemin}.juridiction`, raison: `juridiction « ${j.slice(0, 20)} » inconnue` }] });
  const { code, libelle, courAppel } = trouvee.right;
  return { ...enTete, juridiction: { code, libelle, courAppel } };
};

const executer = async (ctx: ContexteApi, req: Request, res: Response, commande: (m: Memoire) => Commande | Promise<Commande>, status = 200) => {
  const a = authentifieDe(res);
  const m = await chargerLisible(ctx, a, String(req.params["id"]));
  const version = versionAttendue(req);
  const r = await executerCommande(ctx.memoires, m.id, version, await commande(m), contexteCommande(ctx, a, m));
  if (Either.isLeft(r)) throw r.left;
  return { a, resultat: r.right, status };
};

const televersement = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: TAILLE_MAX_PIECE_JOINTE_OCTETS, files: 1, fields: 8, fieldSize: 2000, parts: 10, headerPairs: 100 },
});

// `peut` never draws a number; a draw would be a bug.
const SANS_NUMEROTATION = {
  prochainNumeroTmp: (): number => {
    throw new Error("numérotation inattendue");
  },
  prochainNumeroMj: (): number => {
    throw new Error("numérotation inattendue");
  },
};

const champTexte = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

const MontantsEncodes = Schema.encodeSync(MontantsMemoireSchema);

/** `POST /montants`: the amounts of a draft as the montants engine computes them, nothing stored. */
const calculerMontants = (corps: Readonly<Record<string, unknown>>): MontantsMemoire => {
  const erreurs: Array<{ chemin: string; raison: string }> = [];
  for (const cle of Object.keys(corps)) if (!["typeTva", "lignes", "remiseGlobaleTtc"].includes(cle)) erreurs.push({ chemin: cle, raison: "champ inconnu" });
  const typeTva = Schema.decodeUnknownEither(Schema.UndefinedOr(TypeTvaMemoire))(corps["typeTva"]);
  if (Either.isLeft(typeTva)) erreurs.push(...depuisParseError(typeTva.left, "typeTva").erreurs);
  const lignesBrutes = corps["lignes"];
  if (!Array.isArray(lignesBrutes)) erreurs.push({ chemin: "lignes", raison: "tableau de lignes attendu" });
  else if (lignesBrutes.length > 500) erreurs.push({ chemin: "lignes", raison: "500 lignes au plus" });
  const lignes = (Array.isArray(lignesBrutes) ? lignesBrutes.slice(0, 500) : []).map((l, i) => {
    const d = Schema.decodeUnknownEither(LigneSaisie, { errors: "all", onExcessProperty: "error" })(l);
    if (Either.isLeft(d)) erreurs.push(...depuisParseError(d.left, `lignes[${i}]`).erreurs);
    return Either.isRight(d) ? { id: `ligne-${i + 1}`, ...d.right } : undefined;
  });
  const remise = Schema.decodeUnknownEither(Montant)(corps["remiseGlobaleTtc"] ?? "0.00");
  if (Either.isLeft(remise)) erreurs.push(...depuisParseError(remise.left, "remiseGlobaleTtc").erreurs);
  if (erreurs.length > 0 || Either.isLeft(remise) || Either.isLeft(typeTva)) throw new SaisieInvalide({ erreurs });
  const enTete = {
    juridiction: { code: "-", libelle: "-", courAppel: "-" },
    structureId: "-",
    devise: "EUR",
    modeDepot: "API",
    ...(typeTva.right === undefined ? {} : { typeTva: typeTva.right }),
  } as Memoire["enTete"];
  const r = calculerMontantsMemoire({ enTete, lignes: lignes.filter((l) => l !== undefined), remiseGlobaleTtc: remise.right });
  if (Either.isLeft(r)) throw r.left;
  return r.right;
};

/** The routes of the mémoires. */
export const routesMemoires = (ctx: ContexteApi): express.Router => {
  const r = express.Router();

  r.post(
    "/",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const corps = corpsObjet(req);
      const enTeteBrut = await resoudreJuridiction(ctx, corps["enTete"], "enTete");
      const enTete = typeof enTeteBrut === "object" && enTeteBrut !== null && !("modeDepot" in enTeteBrut) ? { ...enTeteBrut, modeDepot: "API" } : enTeteBrut;
      const structureId = typeof enTete === "object" && enTete !== null ? (enTete as Record<string, unknown>)["structureId"] : undefined;
      // A structure the caller is not attached to does not exist for them.
      if (typeof structureId === "string" && !a.acteur.rattachements.some((x) => x.structureId === structureId)) throw introuvable("Structure");
      for (const cle of Object.keys(corps)) if (!["enTete", "lignes", "remiseGlobaleTtc"].includes(cle)) throw new SaisieInvalide({ erreurs: [{ chemin: cle, raison: "champ inconnu" }] });
      if (corps["lignes"] !== undefined && !Array.isArray(corps["lignes"])) throw new SaisieInvalide({ erreurs: [{ chemin: "lignes", raison: "tableau de lignes attendu" }] });
      const saisie = {
        enTete: enTete as never,
        ...(corps["lignes"] === undefined ? {} : { lignes: corps["lignes"] as never }),
        ...(corps["remiseGlobaleTtc"] === undefined ? {} : { remiseGlobaleTtc: corps["remiseGlobaleTtc"] as never }),
      };
      const contexte = {
        maintenant: ctx.maintenant(),
        genererId: randomUUID,
        acteur: a.acteur,
        espacesOuverts: typeof structureId === "string" ? (a.espacesOuverts.get(structureId) ?? []) : [],
      };
      const cree = await creerMemoire(ctx.memoires, saisie, contexte);
      if (Either.isLeft(cree)) throw cree.left;
      res.location(`${req.baseUrl}/${cree.right.memoire.id}`);
      repondreMemoire(res, ctx, a, cree.right.memoire, 201);
    }),
  );

  r.get(
    "/:id",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const m = await chargerLisible(ctx, a, String(req.params["id"]));
      const h = await ctx.memoires.historique(m.id);
      if (Either.isLeft(h)) throw h.left;
      res.setHeader("ETag", etag(m.version));
      res.json({ ...representerMemoire(m, a, ctx.maintenant()), historique: h.right.map(representerEvenement) });
    }),
  );

  r.put(
    "/:id/en-tete",
    asynchrone(async (req, res) => {
      const corps = corpsObjet(req);
      const { a, resultat } = await executer(ctx, req, res, async (m) => {
        const enTete = await resoudreJuridiction(ctx, corps, "enTete");
        return { type: "memoire.modifier-en-tete", enTete: (typeof enTete === "object" && enTete !== null && !("modeDepot" in enTete) ? { ...enTete, modeDepot: m.enTete.modeDepot } : enTete) as never };
      });
      repondreMemoire(res, ctx, a, resultat.memoire);
    }),
  );

  r.post(
    "/:id/lignes",
    asynchrone(async (req, res) => {
      const ligne = corpsObjet(req);
      const { a, resultat } = await executer(ctx, req, res, () => ({ type: "memoire.ajouter-ligne", ligne: ligne as never }));
      repondreMemoire(res, ctx, a, resultat.memoire);
    }),
  );

  r.put(
    "/:id/lignes/:ligneId",
    asynchrone(async (req, res) => {
      const ligne = corpsObjet(req);
      const { a, resultat } = await executer(ctx, req, res, () => ({ type: "memoire.modifier-ligne", ligneId: String(req.params["ligneId"]), ligne: ligne as never }));
      repondreMemoire(res, ctx, a, resultat.memoire);
    }),
  );

  r.delete(
    "/:id/lignes/:ligneId",
    asynchrone(async (req, res) => {
      const { a, resultat } = await executer(ctx, req, res, () => ({ type: "memoire.supprimer-ligne", ligneId: String(req.params["ligneId"]) }));
      repondreMemoire(res, ctx, a, resultat.memoire);
    }),
  );

  r.put(
    "/:id/remise-globale",
    asynchrone(async (req, res) => {
      const corps = corpsObjet(req);
      for (const cle of Object.keys(corps)) if (cle !== "remiseGlobaleTtc") throw new SaisieInvalide({ erreurs: [{ chemin: cle, raison: "champ inconnu" }] });
      const { a, resultat } = await executer(ctx, req, res, () => ({ type: "memoire.modifier-remise-globale", remiseGlobaleTtc: corps["remiseGlobaleTtc"] as never }));
      repondreMemoire(res, ctx, a, resultat.memoire);
    }),
  );

  r.post(
    "/:id/envoi",
    asynchrone(async (req, res) => {
      const corps = corpsObjet(req);
      for (const cle of Object.keys(corps)) if (cle !== "attestationSurLHonneur") throw new SaisieInvalide({ erreurs: [{ chemin: cle, raison: "champ inconnu" }] });
      if (typeof corps["attestationSurLHonneur"] !== "boolean") throw new SaisieInvalide({ erreurs: [{ chemin: "attestationSurLHonneur", raison: "booléen attendu" }] });
      const attestation = corps["attestationSurLHonneur"];
      const { a, resultat } = await executer(ctx, req, res, async (m): Promise<Commande> => {
        const d = await chargerDonneesStructure(ctx, m.enTete.structureId);
        if (d === undefined) throw introuvable("Structure");
        const active = d.coordonneesBancaires.coordonnees.find((c) => c.active);
        const extension = active?.fichier.typeContenu === "application/pdf" ? "pdf" : active?.fichier.typeContenu === "image/png" ? "png" : "jpg";
        return {
          type: "memoire.valider-et-envoyer",
          attestationSurLHonneur: attestation,
          prestataire: { identifiant: d.structure.identifiant.valeur, raisonSociale: d.structure.raisonSociale },
          prerequisManquants: prerequisManquants(d.structure, d.coordonneesBancaires, d.mandats),
          ...(active === undefined
            ? {}
            : {
                coordonneesBancaires: {
                  designation: `Coordonnées bancaires — ${active.libelle}`.slice(0, 100),
                  type: "COORDONNEE_BANCAIRE",
                  nomFichier: `coordonnees-bancaires.${extension}`,
                  typeContenu: active.fichier.typeContenu,
                  taille: active.fichier.taille,
                  empreinte: active.fichier.reference,
                },
              }),
        };
      });
      res.setHeader("ETag", etag(resultat.memoire.version));
      res.json({
        memoire: representerMemoire(resultat.memoire, a, ctx.maintenant()),
        ...(resultat.certificat === undefined ? {} : { certificat: representerCertificat(resultat.certificat) }),
      });
    }),
  );

  r.delete(
    "/:id",
    asynchrone(async (req, res) => {
      await executer(ctx, req, res, () => ({ type: "memoire.supprimer" }));
      res.status(204).end();
    }),
  );

  r.post(
    "/:id/abandon",
    asynchrone(async (req, res) => {
      const { a, resultat } = await executer(ctx, req, res, () => ({ type: "memoire.abandonner" }));
      repondreMemoire(res, ctx, a, resultat.memoire);
    }),
  );

  r.post(
    "/:id/duplication",
    asynchrone(async (req, res) => {
      const { a, resultat } = await executer(ctx, req, res, () => ({ type: "memoire.dupliquer" }));
      const duplicata = resultat.duplicata;
      if (duplicata === undefined) throw new Error("la duplication n'a pas produit de brouillon");
      res.location(`${req.baseUrl}/${duplicata.id}`);
      res.status(201).setHeader("ETag", etag(duplicata.version));
      res.json({ duplicata: representerMemoire(duplicata, a, ctx.maintenant()), original: representerMemoire(resultat.memoire, a, ctx.maintenant()) });
    }),
  );

  r.get(
    "/:id/certificat",
    asynchrone(async (req, res) => {
      const a = authentifieDe(res);
      const m = await chargerLisible(ctx, a, String(req.params["id"]));
      if (m.envoyeLe === undefined || !m.numero.startsWith("MJ")) throw introuvable("Certificat de dépôt (mémoire non envoyé)");
      const d = await chargerDonneesStructure(ctx, m.enTete.structureId);
      if (d === undefined) throw introuvable("Structure");
      res.json(representerCertificat(produireCertificat(m, { dateDepot: m.envoyeLe, prestataire: { identifiant: d.structure.identifiant.valeur, raisonSociale: d.structure.raisonSociale } })));
    }),
  );

  r.post(
    "/:id/pieces-jointes",
    televersement.single("fichier"),
    asynchrone(async (req, res) => {
      if (!req.is("multipart/form-data")) throw new SaisieInvalide({ erreurs: [{ chemin: "", raison: "formulaire multipart/form-data attendu (champ « fichier »)" }] });
      const a = authentifieDe(res);
      const m = await chargerLisible(ctx, a, String(req.params["id"]));
      const version = versionAttendue(req);
      const fichier = req.file;
      const champs = (req.body ?? {}) as Record<string, unknown>;
      if (fichier === undefined) throw new SaisieInvalide({ erreurs: [{ chemin: "fichier", raison: "fichier obligatoire" }] });
      for (const cle of Object.keys(champs)) if (!["designation", "type", "ligneId"].includes(cle)) throw new SaisieInvalide({ erreurs: [{ chemin: cle, raison: "champ inconnu" }] });
      // State and rights first (core checks them before reading the input): no file is stored for a command refused anyway.
      const avant = peut(m, { type: "memoire.joindre-piece", piece: {} as never }, { ...contexteCommande(ctx, a, m), numerotation: SANS_NUMEROTATION });
      if (Either.isLeft(avant) && avant.left._tag === "TransitionRefusee") throw avant.left;
      const stocke = await ctx.stockage.deposer(new Uint8Array(fichier.buffer), undefined, ctx.maintenant());
      if (Either.isLeft(stocke)) throw stocke.left;
      const ligneId = champTexte(champs["ligneId"]);
      const piece = {
        designation: champs["designation"],
        type: champs["type"],
        nomFichier: fichier.originalname,
        typeContenu: stocke.right.typeContenu,
        taille: stocke.right.taille,
        empreinte: stocke.right.empreinte,
        ...(ligneId === undefined ? {} : { ligneId }),
      };
      const resultat = await executerCommande(ctx.memoires, m.id, version, { type: "memoire.joindre-piece", piece: piece as never }, contexteCommande(ctx, a, m));
      if (Either.isLeft(resultat)) throw resultat.left;
      const ajoutee = resultat.right.memoire.piecesJointes.find((p) => !m.piecesJointes.some((q) => q.id === p.id));
      if (ajoutee !== undefined) res.location(`${req.baseUrl}/${m.id}/pieces-jointes/${ajoutee.id}`);
      repondreMemoire(res, ctx, a, resultat.right.memoire, 201);
    }),
  );

  r.delete(
    "/:id/pieces-jointes/:pieceId",
    asynchrone(async (req, res) => {
      const { a, resultat } = await executer(ctx, req, res, () => ({ type: "memoire.detacher-piece", pieceId: String(req.params["pieceId"]) }));
      repondreMemoire(res, ctx, a, resultat.memoire);
    }),
  );

  r.get(
    "/:id/pieces-jointes/:pieceId",
    asynchrone(async (req, res) => {
      const m = await chargerLisible(ctx, authentifieDe(res), String(req.params["id"]));
      const piece = m.piecesJointes.find((p) => p.id === req.params["pieceId"]);
      if (piece === undefined) throw introuvable("Pièce jointe");
      const octets = await ctx.stockage.lire(piece.empreinte);
      if (Either.isLeft(octets)) throw introuvable("Contenu de la pièce jointe");
      res.setHeader("Content-Type", piece.typeContenu);
      res.setHeader("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(piece.nomFichier)}`);
      res.setHeader("Cache-Control", "private, no-store");
      res.end(Buffer.from(octets.right));
    }),
  );

  return r;
};

/** `POST /montants`: compute amounts without storing anything. */
export const routeMontants = (): RequestHandler =>
  asynchrone(async (req, res) => {
    res.json(MontantsEncodes(calculerMontants(corpsObjet(req))));
    return Promise.resolve();
  });

/** `POST /certificats/verification`: checks a certificat de dépôt against the stored mémoire of its number. */
export const routeVerificationCertificat = (ctx: ContexteApi): RequestHandler =>
  asynchrone(async (req, res) => {
    const a = authentifieDe(res);
    const d = Schema.decodeUnknownEither(CertificatJson, { errors: "all", onExcessProperty: "error" })(corpsObjet(req));
    if (Either.isLeft(d)) throw depuisParseError(d.left);
    const trouve = await ctx.memoires.chargerParNumero(d.right.numero);
    if (Either.isLeft(trouve) || !peutLire(lecteur(a), trouve.right)) throw introuvable("Mémoire");
    const v = verifierCertificat(trouve.right, d.right);
    res.json(
      Either.isRight(v)
        ? { valide: true, numero: v.right.numero, empreinte: v.right.empreinte, ecarts: [] }
        : { valide: false, numero: v.left.numero, ecarts: v.left.ecarts.map((e) => ({ champ: e.champ, attendu: e.attendu, trouve: e.trouve })) },
    );
  });

