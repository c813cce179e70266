import { CompteBancaireSchema, FichierCoordonneeBancaireSchema, type CoordonneeBancaire } from "@frais-justice/core/coordonnees-bancaires";
import { Application, ModeHabilitation, type DemandeAbonnement, type HabilitationAttribuee } from "@frais-justice/core/habilitation";
import { CodeJuridiction, PerimetreSchema, RolesAgentSchema, TypeJuridiction, type Agent, type Juridiction } from "@frais-justice/core/juridiction";
import { SignataireSchema, type Mandat } from "@frais-justice/core/mandat";
import { RoleStructure, type DemandeRattachement, type Rattachement } from "@frais-justice/core/rattachement";
import { AdresseSchema, IdentifiantStructureSchema, InformationsMemoireSchema, StatutStructureSchema, type Structure } from "@frais-justice/core/structure";
import { EmailSchema, type Utilisateur } from "@frais-justice/core/utilisateur";
import { EspaceOuvrable } from "@frais-justice/core/autorisation";
import { Schema } from "effect";

/**
 * Effect Schemas of the organisation aggregates as stored, composed from core's own field schemas
 * (identifiers, addresses, IBAN/RIB, e-mails, perimeters…): decoding a stored row re-runs core's
 * validation, so a corrupted row is reported instead of loaded. Core declares several aggregates as
 * interfaces only; each schema here is checked against that interface (`satisfies`-style assertions
 * below fail to compile when core changes).
 */
const Id = Schema.String.pipe(Schema.minLength(1));
const Texte = Schema.String.pipe(Schema.minLength(1));
const optionnel = <A, I, R>(s: Schema.Schema<A, I, R>) => Schema.optionalWith(s, { exact: true });

export const StructureStockee = Schema.Struct({
  id: Id,
  identifiant: IdentifiantStructureSchema,
  raisonSociale: Texte,
  adresse: AdresseSchema,
  statut: StatutStructureSchema,
  services: Schema.Array(Schema.Struct({ code: Texte, libelle: Texte, actif: Schema.Boolean })),
  informationsMemoire: InformationsMemoireSchema,
  espacesOuverts: Schema.Array(EspaceOuvrable),
  dateCreation: Schema.Date,
});

export const CoordonneeBancaireStockee = Schema.Struct({
  id: Id,
  structureId: Id,
  libelle: Texte,
  compte: CompteBancaireSchema,
  bic: optionnel(Schema.String),
  affactureur: Schema.Boolean,
  fichier: FichierCoordonneeBancaireSchema,
  active: Schema.Boolean,
  dateCreation: Schema.Date,
  dateDesactivation: optionnel(Schema.Date),
});

export const UtilisateurStocke = Schema.Struct({
  id: Id,
  email: EmailSchema,
  nom: Texte,
  prenom: Texte,
  statut: Schema.Literal("EN_ATTENTE_ACTIVATION", "ACTIF"),
  activation: optionnel(Schema.Struct({ jeton: Texte, expireLe: Schema.Date })),
  hashMotDePasse: optionnel(Texte),
  motDePasseModifieLe: optionnel(Schema.Date),
  echecsConnexion: Schema.Int.pipe(Schema.nonNegative()),
  verrouilleJusquA: optionnel(Schema.Date),
  dateCreation: Schema.Date,
});

export const MandatStocke = Schema.Struct({
  id: Id,
  structureId: Id,
  libelle: Texte,
  signataire: SignataireSchema,
  jetonSignature: optionnel(Texte),
  signatureExpireLe: optionnel(Schema.Date),
  dateCreation: Schema.Date,
  dateSignature: optionnel(Schema.Date),
  dateRevocation: optionnel(Schema.Date),
  statut: Schema.Literal("EN_ATTENTE_SIGNATURE", "SIGNE", "REVOQUE"),
});

export const JuridictionStockee = Schema.Struct({ code: CodeJuridiction, libelle: Texte, type: TypeJuridiction, courAppel: CodeJuridiction });

export const AgentStocke = Schema.Struct({
  id: Id,
  email: EmailSchema,
  nom: Texte,
  prenom: Texte,
  roles: RolesAgentSchema,
  perimetre: PerimetreSchema,
  actif: Schema.Boolean,
  creeLe: Schema.Date,
});

export const RattachementStocke = Schema.Struct({ structureId: Id, utilisateurId: Id, serviceId: optionnel(Id), role: RoleStructure, depuis: Schema.Date });

export const DemandeRattachementStockee = Schema.Struct({ id: Id, structureId: Id, utilisateurId: Id, serviceId: optionnel(Id), deposeeLe: Schema.Date });

export const HabilitationStockee = Schema.Struct({
  id: Id,
  utilisateurId: Id,
  structureId: Id,
  serviceId: optionnel(Id),
  application: Application,
  mode: ModeHabilitation,
  depuis: Schema.Date,
  parId: Id,
});

export const DemandeAbonnementStockee = Schema.Struct({
  id: Id,
  utilisateurId: Id,
  structureId: Id,
  serviceId: optionnel(Id),
  espace: EspaceOuvrable,
  mode: ModeHabilitation,
  deposeeLe: Schema.Date,
});

// Compile-time agreement with core's interfaces (both directions).
type Egal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const accord = <_T extends true>(): void => undefined;
accord<Egal<typeof StructureStockee.Type, Structure> extends true ? true : [typeof StructureStockee.Type] extends [Structure] ? true : false>();
accord<[typeof CoordonneeBancaireStockee.Type] extends [CoordonneeBancaire] ? true : false>();
accord<[typeof UtilisateurStocke.Type] extends [Utilisateur] ? true : false>();
accord<[typeof MandatStocke.Type] extends [Mandat] ? true : false>();
accord<[typeof JuridictionStockee.Type] extends [Juridiction] ? true : false>();
accord<[typeof AgentStocke.Type] extends [Agent] ? true : false>();
accord<[typeof RattachementStocke.Type] extends [Rattachement] ? true : false>();
accord<[typeof DemandeRattachementStockee.Type] extends [DemandeRattachement] ? true : false>();
accord<[typeof HabilitationStockee.Type] extends [HabilitationAttribuee] ? true : false>();
accord<[typeof DemandeAbonnementStockee.Type] extends [DemandeAbonnement] ? true : false>();
