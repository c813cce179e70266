import type { RoleAgent } from "@frais-justice/core/autorisation";
import type { EtatMemoire } from "@frais-justice/core/memoire";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { hasard } from "../seed/hasard.js";
import { JURIDICTIONS, genererMemoire } from "../seed/memoires.generateur.js";
import { DepotAcces } from "../admin/acces/agents.js";

/** A demo agent: e-mail, names, roles, perimeter and the documented demo password. */
export interface AgentDemo {
  readonly id: string;
  readonly email: string;
  readonly prenom: string;
  readonly nom: string;
  readonly roles: ReadonlyArray<RoleAgent>;
  readonly perimetre: { readonly juridictions: ReadonlyArray<string>; readonly coursAppel: ReadonlyArray<string> };
  readonly motDePasse: string;
}

/** The demo agents (docs/backoffice.md lists them): one per role, Paris; a greffier of Lyon for the partitioning. */
export const AGENTS_DEMO: ReadonlyArray<AgentDemo> = [
  { id: "agent-greffier-paris", email: "greffier.paris@justice.example", prenom: "Camille", nom: "Martin", roles: ["GREFFIER"], perimetre: { juridictions: ["750"], coursAppel: [] }, motDePasse: "Greffier-Paris-2026" },
  { id: "agent-magistrat-paris", email: "magistrat.paris@justice.example", prenom: "Hélène", nom: "Dubois", roles: ["MAGISTRAT_TAXATEUR"], perimetre: { juridictions: ["750"], coursAppel: [] }, motDePasse: "Magistrat-Paris-2026" },
  { id: "agent-ordonnateur-paris", email: "ordonnateur.paris@justice.example", prenom: "Karim", nom: "Benali", roles: ["ORDONNATEUR"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"] }, motDePasse: "Ordonnateur-Paris-2026" },
  { id: "agent-comptable-paris", email: "comptable.paris@justice.example", prenom: "Sophie", nom: "Lefèvre", roles: ["COMPTABLE"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"] }, motDePasse: "Comptable-Paris-2026" },
  { id: "agent-support", email: "support@justice.example", prenom: "Julien", nom: "Moreau", roles: ["SUPPORT"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"] }, motDePasse: "Support-National-2026" },
  { id: "agent-administrateur", email: "admin@justice.example", prenom: "Nadia", nom: "Roux", roles: ["ADMINISTRATEUR"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS", "CA-LYON"] }, motDePasse: "Administrateur-2026" },
  { id: "agent-greffier-lyon", email: "greffier.lyon@justice.example", prenom: "Paul", nom: "Girard", roles: ["GREFFIER"], perimetre: { juridictions: ["690"], coursAppel: [] }, motDePasse: "Greffier-Lyon-2026" },
];

const typeDe = (code: string) => (code.startsWith("CA-") ? "COUR_APPEL" : "TRIBUNAL_JUDICIAIRE");

/**
 * Loads the demo data once (an empty database): the juridictions, the demo agents and `nombre`
 * mémoires in every court state, most of them in Paris (750) and Lyon (690), dated around `maintenant`.
 * Returns false when the database already had agents (nothing is written).
 */
export const chargerDemo = async (orm: Orm, options: { readonly nombre?: number; readonly maintenant?: Date; readonly graine?: number } = {}): Promise<boolean> => {
  const acces = new DepotAcces(orm);
  if ((await acces.nombre()) > 0) return false;
  const maintenant = options.maintenant ?? new Date();
  for (const j of JURIDICTIONS) await acces.creerJuridiction({ code: j.code, libelle: j.libelle, type: typeDe(j.code), courAppel: j.courAppel });
  for (const a of AGENTS_DEMO) await acces.creer({ ...a, actif: true }, a.motDePasse, maintenant);
  const h = hasard(options.graine ?? 2026);
  const parametres = {
    structures: [
      { id: "structure-interpretes-idf", categorie: "INTERPRETE_TRADUCTEUR", serviceIds: ["service-oral"] },
      { id: "structure-expertises-medicales", categorie: "EXPERT" },
      { id: "structure-laboratoire-adn", categorie: "LABORATOIRE" },
      { id: "structure-enquetes-sociales", categorie: "ENQUETEUR_SOCIAL" },
    ],
    agents: AGENTS_DEMO.filter((a) => a.roles.includes("GREFFIER") || a.roles.includes("MAGISTRAT_TAXATEUR")).map((a) => a.id),
    utilisateurs: ["utilisateur-demo-1", "utilisateur-demo-2"],
  };
  const etats: ReadonlyArray<EtatMemoire> = ["MIS_A_DISPOSITION", "MIS_A_DISPOSITION", "MIS_A_DISPOSITION", "A_TAXER", "A_TAXER", "CERTIFIE", "TAXE", "VALIDE", "MIS_EN_PAIEMENT", "REFUSE"];
  const nombre = options.nombre ?? 600;
  const resultats = Array.from({ length: nombre }, (_, i) => {
    const creeLe = new Date(maintenant.getTime() - (5 + h.entier(0, 150)) * 86_400_000);
    return genererMemoire(h, { ...parametres, numero: i + 1, creeLe, etat: etats[i % etats.length] ?? "MIS_A_DISPOSITION" });
  });
  await new DepotMemoires(orm).enregistrerNouveaux(resultats);
  // The MJ sequence continues after the demo numbers (SQLite counters; PostgreSQL sequences).
  const sql = sqlDe(orm);
  if (sql.dialecte === "sqlite") {
    await sql.lignes("INSERT INTO compteur (nom, valeur) VALUES ('memoire_mj', ?) ON CONFLICT (nom) DO UPDATE SET valeur = MAX(compteur.valeur, excluded.valeur)", [nombre]);
  } else {
    await sql.lignes("SELECT setval('memoire_mj_seq', GREATEST(?, (SELECT last_value FROM memoire_mj_seq)))", [nombre]);
  }
  return true;
};
