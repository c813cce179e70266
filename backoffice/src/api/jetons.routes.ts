import { SaisieInvalide } from "@frais-justice/core";
import { enregistrerConnexionReussie, enregistrerEchecConnexion, normaliserEmail, REGLES_COMPTE } from "@frais-justice/core/utilisateur";
import { Either } from "effect";
import express, { type Request, type RequestHandler, type Response } from "express";
import { randomUUID } from "node:crypto";
import { hashLeurre, verifierMotDePasseHache } from "../admin/acces/mot-de-passe.js";
import type { ContexteApi } from "./contexte.js";
import { authentifieDe } from "./http/authentification.js";
import { asynchrone, envoyerProbleme, introuvable, probleme } from "./http/probleme.js";
import { corpsObjet } from "./http/requete.js";
import { DUREE_JETON_JOURS, type JetonApi } from "./jetons.repository.js";

/** A token as listed (never the token itself). */
export const representerJeton = (j: JetonApi, maintenant: Date) => ({
  id: j.id,
  libelle: j.libelle,
  prefixe: j.prefixe,
  creeLe: j.creeLe.toISOString(),
  expireLe: j.expireLe.toISOString(),
  revoqueLe: j.revoqueLe?.toISOString() ?? null,
  dernierUsageLe: j.dernierUsageLe?.toISOString() ?? null,
  actif: j.revoqueLe === undefined && maintenant.getTime() < j.expireLe.getTime(),
});

const lireDemande = (corps: Readonly<Record<string, unknown>>) => {
  const erreurs: Array<{ chemin: string; raison: string }> = [];
  const texte = (cle: string, max: number): string => {
    const v = corps[cle];
    if (typeof v !== "string" || v.trim() === "" || v.length > max) erreurs.push({ chemin: cle, raison: `texte de 1 à ${max} caractères attendu` });
    return typeof v === "string" ? v : "";
  };
  const email = texte("email", 254);
  const motDePasse = texte("motDePasse", 1000);
  const libelle = corps["libelle"] === undefined ? "Jeton d'API" : texte("libelle", 100);
  const d = corps["dureeJours"];
  if (d !== undefined && !(typeof d === "number" && Number.isInteger(d) && d >= 1 && d <= DUREE_JETON_JOURS.max))
    erreurs.push({ chemin: "dureeJours", raison: `entier entre 1 et ${DUREE_JETON_JOURS.max} attendu` });
  for (const cle of Object.keys(corps)) if (!["email", "motDePasse", "libelle", "dureeJours"].includes(cle)) erreurs.push({ chemin: cle, raison: "champ inconnu" });
  if (erreurs.length > 0) throw new SaisieInvalide({ erreurs });
  return { email, motDePasse, libelle: libelle.trim(), dureeJours: typeof d === "number" ? d : DUREE_JETON_JOURS.defaut };
};

const refus = (res: Response) =>
  envoyerProbleme(res, probleme(401, "IdentifiantsInvalides", "Identifiants invalides", { detail: "Adresse électronique ou mot de passe incorrect, compte verrouillé, inactif ou mot de passe expiré." }));

/**
 * `POST /jetons` (public): a prestataire-side user signs in with e-mail and password — checked
 * against their account (scrypt hash, core's lockout after 5 failures and password expiry) — and
 * gets a new token, shown once. Every failure answers the same 401.
 */
export const routeCreationJeton = (ctx: ContexteApi): RequestHandler =>
  asynchrone(async (req: Request, res: Response) => {
    const demande = lireDemande(corpsObjet(req));
    const maintenant = ctx.maintenant();
    const trouves = Either.getOrThrow(await ctx.organisation.utilisateurs.lister("email", normaliserEmail(demande.email)));
    const compte = trouves[0];
    const hash = compte?.valeur.hashMotDePasse ?? (await hashLeurre());
    const bon = await verifierMotDePasseHache(demande.motDePasse, hash);
    if (compte === undefined || compte.valeur.hashMotDePasse === undefined) return refus(res);
    const contexte = { maintenant, genererId: randomUUID };
    if (!bon) {
      const echec = enregistrerEchecConnexion(compte.valeur, contexte, REGLES_COMPTE);
      if (Either.isRight(echec)) await ctx.organisation.utilisateurs.enregistrer(echec.right.state, compte.version);
      return refus(res);
    }
    const succes = enregistrerConnexionReussie(compte.valeur, contexte, REGLES_COMPTE);
    if (Either.isLeft(succes)) return refus(res);
    await ctx.organisation.utilisateurs.enregistrer(succes.right.state, compte.version);
    const { jeton, description } = await ctx.jetons.creer(compte.valeur.id, demande.libelle, demande.dureeJours, maintenant);
    res.status(201).location(`${req.baseUrl}/jetons/${description.id}`).setHeader("Cache-Control", "no-store");
    res.json({ jeton, ...representerJeton(description, maintenant) });
  });

/** `GET /jetons`, `DELETE /jetons/:id`: the caller's tokens, and revoking one of them. */
export const routesJetons = (ctx: ContexteApi): express.Router => {
  const r = express.Router();
  r.get(
    "/",
    asynchrone(async (_req, res) => {
      const maintenant = ctx.maintenant();
      res.json({ elements: (await ctx.jetons.lister(authentifieDe(res).utilisateurId)).map((j) => representerJeton(j, maintenant)) });
    }),
  );
  r.delete(
    "/:id",
    asynchrone(async (req, res) => {
      const maintenant = ctx.maintenant();
      const j = await ctx.jetons.revoquer(authentifieDe(res).utilisateurId, String(req.params["id"]), maintenant);
      if (j === undefined) throw introuvable("Jeton");
      res.json(representerJeton(j, maintenant));
    }),
  );
  return r;
};
