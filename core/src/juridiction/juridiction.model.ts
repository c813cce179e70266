import { Data, Schema } from "effect";
import { RoleAgent, type ActeurAgent, type Perimetre } from "../autorisation/index.js";

/** Kinds of juridiction a mémoire may be addressed to. */
export const TypeJuridiction = Schema.Literal(
  "TRIBUNAL_JUDICIAIRE",
  "COUR_APPEL",
  "CONSEIL_PRUD_HOMMES",
  "TRIBUNAL_COMMERCE",
  "TRIBUNAL_POLICE",
  "TRIBUNAL_PROXIMITE",
  "COUR_ASSISES",
).annotations({
  message: () => ({
    message:
      "valeur attendue parmi : TRIBUNAL_JUDICIAIRE, COUR_APPEL, CONSEIL_PRUD_HOMMES, TRIBUNAL_COMMERCE, TRIBUNAL_POLICE, TRIBUNAL_PROXIMITE, COUR_ASSISES",
    override: true,
  }),
});
export type TypeJuridiction = typeof TypeJuridiction.Type;

/** A juridiction code: 1 to 20 letters, digits, `-` or `_` (seed: "75"). Upper-cased. */
export const CodeJuridiction = Schema.Trim.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, {
    message: () => "code de 1 à 20 caractères : lettres, chiffres, « - » ou « _ »",
  }),
  Schema.transform(Schema.String, { strict: true, decode: (s) => s.toUpperCase(), encode: (s) => s }),
);

const libelle = Schema.Trim.pipe(
  Schema.nonEmptyString({ message: () => "libellé obligatoire" }),
  Schema.maxLength(150, { message: () => "libellé trop long (150 caractères au plus)" }),
);

/**
 * A juridiction (destinataire of mémoires, CPP R224-1), in the ressort of a cour d'appel. A cour
 * d'appel is its own ressort's head: its `courAppel` is its own code.
 */
export interface Juridiction {
  readonly code: string;
  readonly libelle: string;
  readonly type: TypeJuridiction;
  /** Code of the cour d'appel of its ressort. */
  readonly courAppel: string;
}

/** How the portal shows a juridiction: `code - libellé` (seed: "75 - JURIDICTION_LFR"). */
export const affichageJuridiction = (j: Pick<Juridiction, "code" | "libelle">): string => `${j.code} - ${j.libelle}`;

/** Input of a new juridiction. */
export const JuridictionSchema = Schema.Struct({
  code: CodeJuridiction,
  libelle,
  type: TypeJuridiction,
  courAppel: CodeJuridiction,
});

/** An e-mail address, trimmed and lower-cased (agents sign in with it). */
export const Email = Schema.Trim.pipe(
  Schema.maxLength(254, { message: () => "adresse électronique trop longue" }),
  Schema.pattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: () => "adresse électronique invalide (nom@domaine.fr)" }),
  Schema.transform(Schema.String, { strict: true, decode: (s) => s.toLowerCase(), encode: (s) => s }),
);

/** Input of a perimeter: juridictions and/or whole cours d'appel, at least one. */
export const PerimetreSchema = Schema.Struct({
  juridictions: Schema.Array(CodeJuridiction),
  coursAppel: Schema.Array(CodeJuridiction),
}).pipe(
  Schema.filter((p) => p.juridictions.length + p.coursAppel.length > 0 || "le périmètre doit contenir au moins une juridiction ou une cour d'appel"),
);

/** Input of the roles of an agent: at least one, each once. */
export const RolesAgentSchema = Schema.Array(RoleAgent).pipe(
  Schema.minItems(1, { message: () => "au moins un rôle" }),
  Schema.filter((roles) => new Set(roles).size === roles.length || "chaque rôle une seule fois"),
);

/** A court-side agent: greffier, magistrat taxateur, ordonnateur, comptable, support, administrateur. */
export interface Agent {
  readonly id: string;
  readonly email: string;
  readonly nom: string;
  readonly prenom: string;
  readonly roles: ReadonlyArray<RoleAgent>;
  readonly perimetre: Perimetre;
  readonly actif: boolean;
  readonly creeLe: Date;
}

/** The agent as `autoriser` reads them. */
export const acteurAgent = (agent: Agent): ActeurAgent => ({
  _tag: "Agent",
  id: agent.id,
  roles: agent.roles,
  perimetre: agent.perimetre,
  actif: agent.actif,
});

/** Every juridiction and agent. Invariants: codes unique, e-mails unique, every perimeter names known juridictions and cours d'appel. */
export interface EtatJuridictions {
  readonly juridictions: ReadonlyArray<Juridiction>;
  readonly agents: ReadonlyArray<Agent>;
}

/** Nothing yet (the first administrator is loaded as data, outside any command). */
export const etatJuridictionsVide: EtatJuridictions = { juridictions: [], agents: [] };

/** Events of the juridiction module: administration audit trail. */
export type EvenementJuridiction = Data.TaggedEnum<{
  JuridictionCreee: { readonly juridiction: Juridiction; readonly parId: string; readonly date: Date };
  JuridictionRenommee: { readonly code: string; readonly ancienLibelle: string; readonly libelle: string; readonly parId: string; readonly date: Date };
  AgentCree: { readonly agentId: string; readonly email: string; readonly roles: ReadonlyArray<RoleAgent>; readonly perimetre: Perimetre; readonly parId: string; readonly date: Date };
  RolesAgentModifies: {
    readonly agentId: string;
    readonly anciensRoles: ReadonlyArray<RoleAgent>;
    readonly roles: ReadonlyArray<RoleAgent>;
    readonly parId: string;
    readonly date: Date;
  };
  PerimetreAgentModifie: { readonly agentId: string; readonly ancienPerimetre: Perimetre; readonly perimetre: Perimetre; readonly parId: string; readonly date: Date };
  AgentDesactive: { readonly agentId: string; readonly parId: string; readonly date: Date };
  AgentReactive: { readonly agentId: string; readonly parId: string; readonly date: Date };
}>;
/** Constructors and matchers of {@link EvenementJuridiction}. */
export const EvenementJuridiction = Data.taggedEnum<EvenementJuridiction>();

/** What a successful juridiction command returns. */
export interface ResultatJuridiction {
  readonly state: EtatJuridictions;
  readonly events: ReadonlyArray<EvenementJuridiction>;
}
