import { Either, Option, Schema } from "effect";
import { autoriser, type Acteur, type NonAutorise } from "../autorisation/index.js";
import { depuisParseError, SaisieInvalide, type Contexte } from "../shared/index.js";
import { erreursRib, raisonBicInvalide, raisonIbanInvalide, ribVersIban } from "./coordonnees-bancaires.controles.js";
import { CompteDejaEnregistre, CoordonneeBancaireDejaDansCetEtat, CoordonneeBancaireIntrouvable } from "./coordonnees-bancaires.errors.js";
import {
  AjouterCoordonneeBancaireSchema,
  bicManquantDansLaSaisie,
  EvenementCoordonneesBancaires,
  RAISON_BIC_OBLIGATOIRE,
  TAILLE_MAX_FICHIER_OCTETS,
  TYPES_CONTENU_FICHIER,
  type AjouterCoordonneeBancaire,
  type CompteBancaire,
  type CoordonneeBancaire,
  type CoordonneesBancairesStructure,
} from "./coordonnees-bancaires.model.js";

/** What a successful command returns: the new state and the events to record. */
export interface ResultatCoordonneesBancaires {
  readonly state: CoordonneesBancairesStructure;
  readonly events: ReadonlyArray<EvenementCoordonneesBancaires>;
}

/** A command on the coordonnées bancaires of a structure: who acts, and the data as typed. */
export interface CommandeCoordonneesBancaires<D> {
  readonly acteur: Acteur;
  readonly donnees: D;
}

/** An empty list of coordonnées bancaires for a new structure. */
export const aucuneCoordonneeBancaire = (structureId: string): CoordonneesBancairesStructure => ({ structureId, coordonnees: [] });

/** The IBAN of an account (a RIB converted to its French IBAN); none when the account is invalid. */
export const ibanDuCompte = (compte: CompteBancaire): Option.Option<string> =>
  compte.type === "IBAN" ? (raisonIbanInvalide(compte.iban) === undefined ? Option.some(compte.iban) : Option.none()) : ribVersIban(compte);

/**
 * `true` when a stored coordonnée still passes every check (account, BIC with an IBAN, file): data
 * loaded from an older system is re-checked, never trusted.
 */
export const isCoordonneeBancaireValide = (c: CoordonneeBancaire): boolean => {
  const compteValide = c.compte.type === "IBAN" ? raisonIbanInvalide(c.compte.iban) === undefined : erreursRib(c.compte).length === 0;
  const bicValide = c.bic === undefined ? c.compte.type === "RIB" : raisonBicInvalide(c.bic) === undefined;
  const fichierValide =
    c.fichier.reference.trim().length > 0 &&
    (TYPES_CONTENU_FICHIER as ReadonlyArray<string>).includes(c.fichier.typeContenu) &&
    Number.isInteger(c.fichier.taille) &&
    c.fichier.taille >= 1 &&
    c.fichier.taille <= TAILLE_MAX_FICHIER_OCTETS;
  return compteValide && bicValide && fichierValide;
};

/** The active coordonnées bancaires of the structure, in the order they were added. */
export const coordonneesBancairesActives = (etat: CoordonneesBancairesStructure): ReadonlyArray<CoordonneeBancaire> =>
  etat.coordonnees.filter((c) => c.active);

const autoriserGestion = (acteur: Acteur, structureId: string): Either.Either<unknown, NonAutorise> =>
  autoriser(acteur, "coordonnees-bancaires.gerer", { _tag: "Structure", structureId });

/** The active coordonnée holding the same account (same IBAN; a RIB compared through its IBAN). */
const compteActifIdentique = (etat: CoordonneesBancairesStructure, compte: CompteBancaire): CoordonneeBancaire | undefined => {
  const iban = ibanDuCompte(compte);
  if (Option.isNone(iban)) return undefined;
  return coordonneesBancairesActives(etat).find((c) => Option.contains(ibanDuCompte(c.compte), iban.value));
};

const idActeur = (acteur: Acteur): string => (acteur._tag === "Systeme" ? "systeme" : acteur.id);

/**
 * Adds an active coordonnée bancaire (action `coordonnees-bancaires.gerer`): IBAN (ISO 13616) or RIB
 * (clé RIB), BIC, libellé, affactureur flag and the bank file (PDF/PNG/JPEG, ≤ 4096 KB). Several may
 * coexist; the same account cannot be active twice on a structure.
 */
export const ajouterCoordonneeBancaire = (
  etat: CoordonneesBancairesStructure,
  commande: CommandeCoordonneesBancaires<AjouterCoordonneeBancaire>,
  contexte: Contexte,
): Either.Either<ResultatCoordonneesBancaires, NonAutorise | SaisieInvalide | CompteDejaEnregistre> =>
  Either.gen(function* () {
    yield* autoriserGestion(commande.acteur, etat.structureId);
    const d = yield* Either.mapLeft(decoder(AjouterCoordonneeBancaireSchema)(commande.donnees), (e) =>
      bicManquantDansLaSaisie(commande.donnees) && !e.erreurs.some((x) => x.chemin === "bic")
        ? new SaisieInvalide({ erreurs: [...e.erreurs, { chemin: "bic", raison: RAISON_BIC_OBLIGATOIRE }] })
        : e,
    );
    const doublon = compteActifIdentique(etat, d.compte);
    if (doublon !== undefined) {
      return yield* Either.left(new CompteDejaEnregistre({ structureId: etat.structureId, coordonneeBancaireId: doublon.id }));
    }
    const coordonnee: CoordonneeBancaire = {
      id: contexte.genererId(),
      structureId: etat.structureId,
      libelle: d.libelle,
      compte: d.compte,
      ...(d.bic === undefined ? {} : { bic: d.bic }),
      affactureur: d.affactureur,
      fichier: d.fichier,
      active: true,
      dateCreation: contexte.maintenant,
    };
    return {
      state: { ...etat, coordonnees: [...etat.coordonnees, coordonnee] },
      events: [
        EvenementCoordonneesBancaires.CoordonneeBancaireAjoutee({
          structureId: etat.structureId,
          parId: idActeur(commande.acteur),
          coordonnee,
          date: contexte.maintenant,
        }),
      ],
    };
  });

/** Input of {@link desactiverCoordonneeBancaire} and {@link reactiverCoordonneeBancaire}: which coordonnée. */
export const DesignationCoordonneeBancaireSchema = Schema.Struct({
  coordonneeBancaireId: Schema.String.pipe(Schema.minLength(1, { message: () => "obligatoire" })),
});
/** Input as typed (encoded form) of {@link DesignationCoordonneeBancaireSchema}. */
export type DesignationCoordonneeBancaire = typeof DesignationCoordonneeBancaireSchema.Encoded;

const decoder =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all" })(entree), (e) => depuisParseError(e));

const changerEtat =
  (active: boolean) =>
  (
    etat: CoordonneesBancairesStructure,
    commande: CommandeCoordonneesBancaires<DesignationCoordonneeBancaire>,
    contexte: Contexte,
  ): Either.Either<
    ResultatCoordonneesBancaires,
    NonAutorise | SaisieInvalide | CoordonneeBancaireIntrouvable | CoordonneeBancaireDejaDansCetEtat | CompteDejaEnregistre
  > =>
    Either.gen(function* () {
      yield* autoriserGestion(commande.acteur, etat.structureId);
      const id = (yield* decoder(DesignationCoordonneeBancaireSchema)(commande.donnees)).coordonneeBancaireId;
      const cible = etat.coordonnees.find((c) => c.id === id);
      if (cible === undefined) {
        return yield* Either.left(new CoordonneeBancaireIntrouvable({ structureId: etat.structureId, coordonneeBancaireId: id }));
      }
      if (cible.active === active) return yield* Either.left(new CoordonneeBancaireDejaDansCetEtat({ coordonneeBancaireId: id, active }));
      if (active) {
        const doublon = compteActifIdentique(etat, cible.compte);
        if (doublon !== undefined) {
          return yield* Either.left(new CompteDejaEnregistre({ structureId: etat.structureId, coordonneeBancaireId: doublon.id }));
        }
      }
      const { dateDesactivation: _ancienne, ...sansDate } = cible;
      const modifiee: CoordonneeBancaire = active ? { ...sansDate, active } : { ...sansDate, active, dateDesactivation: contexte.maintenant };
      const evenement = { structureId: etat.structureId, parId: idActeur(commande.acteur), coordonneeBancaireId: id, date: contexte.maintenant };
      return {
        state: { ...etat, coordonnees: etat.coordonnees.map((c) => (c.id === id ? modifiee : c)) },
        events: [
          active
            ? EvenementCoordonneesBancaires.CoordonneeBancaireReactivee(evenement)
            : EvenementCoordonneesBancaires.CoordonneeBancaireDesactivee(evenement),
        ],
      };
    });

/** Deactivates a coordonnée bancaire (action `coordonnees-bancaires.gerer`); it is kept, with its deactivation date. */
export const desactiverCoordonneeBancaire = changerEtat(false);

/** Reactivates a deactivated coordonnée bancaire (action `coordonnees-bancaires.gerer`), unless the same account is active again elsewhere. */
export const reactiverCoordonneeBancaire = changerEtat(true);
