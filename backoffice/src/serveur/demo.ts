import type { ActeurAgent, RoleAgent } from "@frais-justice/core/autorisation";
import { dateDuJour, type Commande, type EtatMemoire, type Memoire } from "@frais-justice/core/memoire";
import { randomUUID } from "node:crypto";
import type { Orm } from "../base/orm.js";
import { executerCommande } from "../memoire/memoire.commandes.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { hasard } from "../seed/hasard.js";
import { JURIDICTIONS, genererMemoire, joindrePieces, type StructureGeneration } from "../seed/memoires.generateur.js";
import { requisitionPdf } from "../seed/requisition.pdf.js";
import type { ResultatEcriture } from "../memoire/memoire.repository.js";
import type { StockagePieces } from "../pieces-jointes/stockage.js";
import { libelleAutorite, libelleTypePrestation } from "../admin/memoires/libelles.js";
import { BigDecimal, Either } from "effect";
import { sqlDe } from "../base/sql.js";
import { DepotAcces } from "../admin/acces/agents.js";

/** A demo agent: e-mail, names, roles, perimeter and the documented demo password. */
export interface AgentDemo {
  readonly id: string;
  readonly email: string;
  readonly prenom: string;
  readonly nom: string;
  readonly roles: ReadonlyArray<RoleAgent>;
  readonly perimetre: { readonly juridictions: ReadonlyArray<string>; readonly coursAppel: ReadonlyArray<string>; readonly supportNational?: boolean };
  readonly motDePasse: string;
}

/** The demo agents (docs/backoffice.md lists them): one per role, Paris; a greffier of Lyon for the partitioning. */
export const AGENTS_DEMO: ReadonlyArray<AgentDemo> = [
  { id: "demo-greffier-paris", email: "greffier.paris@justice.example", prenom: "Camille", nom: "Martin", roles: ["GREFFIER"], perimetre: { juridictions: ["750"], coursAppel: [] }, motDePasse: "Greffier-Paris-2026" },
  { id: "demo-magistrat-paris", email: "magistrat.paris@justice.example", prenom: "Hélène", nom: "Dubois", roles: ["MAGISTRAT_TAXATEUR"], perimetre: { juridictions: ["750"], coursAppel: [] }, motDePasse: "Magistrat-Paris-2026" },
  { id: "demo-ordonnateur-paris", email: "ordonnateur.paris@justice.example", prenom: "Karim", nom: "Benali", roles: ["ORDONNATEUR"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"] }, motDePasse: "Ordonnateur-Paris-2026" },
  { id: "demo-comptable-paris", email: "comptable.paris@justice.example", prenom: "Sophie", nom: "Lefèvre", roles: ["COMPTABLE"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"] }, motDePasse: "Comptable-Paris-2026" },
  { id: "demo-support", email: "support@justice.example", prenom: "Julien", nom: "Moreau", roles: ["SUPPORT"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"], supportNational: true }, motDePasse: "Support-National-2026" },
  { id: "demo-administrateur", email: "admin@justice.example", prenom: "Nadia", nom: "Roux", roles: ["ADMINISTRATEUR"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS", "CA-LYON"] }, motDePasse: "Administrateur-2026" },
  { id: "demo-greffier-lyon", email: "greffier.lyon@justice.example", prenom: "Paul", nom: "Girard", roles: ["GREFFIER"], perimetre: { juridictions: ["690"], coursAppel: [] }, motDePasse: "Greffier-Lyon-2026" },
];

/** Stand-in prestataires when the database holds none (the back-office tests load the demo alone). */
const STRUCTURES_SANS_JEU: ReadonlyArray<StructureGeneration> = [
  { id: "structure-interpretes-idf", categorie: "INTERPRETE_TRADUCTEUR", serviceIds: ["service-oral"] },
  { id: "structure-expertises-medicales", categorie: "EXPERT" },
  { id: "structure-laboratoire-adn", categorie: "LABORATOIRE" },
  { id: "structure-enquetes-sociales", categorie: "ENQUETEUR_SOCIAL" },
];

/**
 * The prestataires the demo mémoires are billed from: the structures of the persistence seed, with
 * their catégorie, active services and active bank details (so the back-office shows their raison
 * sociale and the mémoires point at real bank details), or the stand-ins when there are none.
 */
const prestatairesDemo = async (
  orm: Orm,
): Promise<{ readonly structures: ReadonlyArray<StructureGeneration>; readonly utilisateurs: ReadonlyArray<string>; readonly noms: ReadonlyMap<string, string> }> => {
  const sql = sqlDe(orm);
  const structures = await sql.lignes<{ id: unknown; categorie: unknown; raison_sociale: unknown }>(
    'SELECT "id", "categorie", "raison_sociale" FROM "structure" WHERE "categorie" IS NOT NULL ORDER BY "id" LIMIT 40',
  );
  if (structures.length === 0) return { structures: STRUCTURES_SANS_JEU, utilisateurs: ["utilisateur-demo-1", "utilisateur-demo-2"], noms: new Map() };
  const ids = structures.map((s) => String(s.id));
  const marques = ids.map(() => "?").join(", ");
  const services = await sql.lignes<{ structure_id: unknown; code: unknown }>(`SELECT "structure_id", "code" FROM "service" WHERE "actif" = ? AND "structure_id" IN (${marques})`, [true, ...ids]);
  const coordonnees = await sql.lignes<{ structure_id: unknown; id: string }>(`SELECT "structure_id", "id" FROM "coordonnee_bancaire" WHERE "active" = ? AND "structure_id" IN (${marques}) ORDER BY "id"`, [true, ...ids]);
  const utilisateurs = await sql.lignes<{ utilisateur_id: unknown }>(`SELECT DISTINCT "utilisateur_id" FROM "rattachement" WHERE "structure_id" IN (${marques}) ORDER BY "utilisateur_id"`, ids);
  return {
    structures: structures.map((s) => {
      const id = String(s.id);
      const serviceIds = services.filter((x) => String(x.structure_id) === id).map((x) => String(x.code));
      const trouvee = coordonnees.find((x) => String(x.structure_id) === id);
      const coordonneesId = trouvee === undefined ? undefined : String(trouvee.id);
      return { id, categorie: String(s.categorie), ...(serviceIds.length > 0 ? { serviceIds } : {}), ...(coordonneesId === undefined ? {} : { coordonneesId }) };
    }),
    utilisateurs: utilisateurs.length > 0 ? utilisateurs.map((u) => String(u.utilisateur_id)) : ["utilisateur-demo-1"],
    noms: new Map(structures.map((s) => [String(s.id), String(s.raison_sociale)])),
  };
};

const typeDe = (code: string) => (code.startsWith("CA-") ? "COUR_APPEL" : "TRIBUNAL_JUDICIAIRE");

/** The roles that act on a mémoire's way from mise à disposition to paiement. */
const ROLES_DU_CIRCUIT: ReadonlyArray<RoleAgent> = ["GREFFIER", "MAGISTRAT_TAXATEUR", "ORDONNATEUR", "COMPTABLE"];

/** The states a greffier alone brings a mémoire to (a Lyon demo mémoire ends in one of them). */
const ETATS_DU_GREFFIER: ReadonlyArray<EtatMemoire> = ["MIS_A_DISPOSITION", "A_TAXER", "CERTIFIE", "REFUSE"];

/** Where the demo's court-side mémoires are addressed: mostly Paris, some Lyon (the partitioning demo). */
const JURIDICTIONS_DEMO = ["750", "750", "750", "690"] as const;

/**
 * Completes the first-run data for the back-office (after the persistence seed, or alone in tests):
 * the juridictions that are missing, the demo agents with their passwords (an agent whose e-mail
 * exists is left alone), and — when the demo agents were just created — `nombre` recent mémoires in
 * every court state, addressed to Paris (750) and Lyon (690), numbered from the MJ sequence.
 * Returns false when the demo agents already existed (nothing is written).
 */
export const chargerDemo = async (
  orm: Orm,
  options: { readonly nombre?: number; readonly maintenant?: Date; readonly graine?: number; readonly pieces?: StockagePieces } = {},
): Promise<boolean> => {
  const acces = new DepotAcces(orm);
  const maintenant = options.maintenant ?? new Date();
  const connues = new Set((await acces.juridictions()).map((j) => j.code));
  for (const j of JURIDICTIONS) if (!connues.has(j.code)) await acces.creerJuridiction({ code: j.code, libelle: j.libelle, type: typeDe(j.code), courAppel: j.courAppel });
  let crees = 0;
  for (const a of AGENTS_DEMO) {
    if ((await acces.parEmail(a.email)) !== undefined) continue;
    await acces.creer({ ...a, actif: true }, a.motDePasse, maintenant);
    crees += 1;
  }
  if (crees === 0) return false;
  const nombre = options.nombre ?? 400;
  if (nombre === 0) return true;
  const h = hasard(options.graine ?? 2026);
  const prestataires = await prestatairesDemo(orm);
  const parametres = {
    structures: prestataires.structures,
    // The court's agents with their roles and perimeter: each step is signed by one core allows.
    agents: AGENTS_DEMO.filter((a) => a.roles.some((r) => ROLES_DU_CIRCUIT.includes(r))),
    utilisateurs: prestataires.utilisateurs,
  };
  const etats: ReadonlyArray<EtatMemoire> = ["MIS_A_DISPOSITION", "MIS_A_DISPOSITION", "MIS_A_DISPOSITION", "A_TAXER", "A_TAXER", "CERTIFIE", "TAXE", "VALIDE", "MIS_EN_PAIEMENT", "REFUSE"];
  const depot = new DepotMemoires(orm);
  const ecrits = await depot.creerLot(nombre, (numeros) => {
    const generes = numeros.map((numero, i) => {
      const creeLe = new Date(maintenant.getTime() - (5 + h.entier(0, 150)) * 86_400_000);
      const etat = etats[i % etats.length] ?? "MIS_A_DISPOSITION";
      // Lyon has a greffier only: its mémoires stop where a magistrat, an ordonnateur or a comptable would act.
      const code = JURIDICTIONS_DEMO[i % JURIDICTIONS_DEMO.length] === "690" && ETATS_DU_GREFFIER.includes(etat) ? "690" : "750";
      const j = JURIDICTIONS.find((x) => x.code === code) ?? JURIDICTIONS[0];
      // Addressed to its juridiction by the generator: the certificat de dépôt's empreinte covers it.
      return genererMemoire(h, { ...parametres, numero, creeLe, auPlusTard: maintenant, etat, juridiction: { code: j.code, libelle: j.libelle, courAppel: j.courAppel } });
    });
    const { pieces } = options;
    return pieces === undefined ? generes : Promise.all(generes.map((r) => avecRequisition(r, pieces, prestataires.noms)));
  });
  // Their taxations that changed the amount come with the e-mails to the prestataire, waiting in the outbox.
  await depot.ecrireNotificationsDe(ecrits);
  await suiteDesTaxations(depot, ecrits, maintenant);
  return true;
};

/**
 * The greffe's side of the first demo ordonnances of Paris that changed the amount (CPP R228, R228-1,
 * R230), through core's commands as the greffier runs them: one notified on the day of the taxation
 * (once its ten days have run, the ordonnateur's to validate), one notified the same day and appealed
 * by the prestataire (waiting for the chambre de l'instruction). The others wait for their notification.
 */
const suiteDesTaxations = async (depot: DepotMemoires, ecrits: ReadonlyArray<ResultatEcriture>, maintenant: Date): Promise<void> => {
  const greffier = AGENTS_DEMO.find((a) => a.id === "demo-greffier-paris");
  if (greffier === undefined) return;
  const acteur: ActeurAgent = { _tag: "Agent", id: greffier.id, roles: greffier.roles, perimetre: greffier.perimetre };
  const taxees = ecrits.map((r) => r.memoire).filter((m) => m.etat === "TAXE" && m.montantModifie && m.enTete.juridiction.code === "750");
  const notifier = (jour: string): Commande => ({ type: "memoire.constater-notification-taxe", notifieeLe: jour });
  const suites: ReadonlyArray<readonly [Memoire | undefined, (jour: string) => ReadonlyArray<Commande>]> = [
    [taxees[0], (jour) => [notifier(jour)]],
    [taxees[1], (jour) => [notifier(jour), { type: "memoire.constater-recours-taxe", formeLe: jour, par: "PARTIE_PRENANTE", commentaire: "Déclaration au greffe du magistrat taxateur" }]],
  ];
  for (const [memoire, commandes] of suites) {
    if (memoire?.taxation === undefined) continue;
    let version = memoire.version;
    for (const commande of commandes(dateDuJour(memoire.taxation.le).toString())) {
      const r = await executerCommande(depot, memoire.id, version, commande, { acteur, maintenant, genererId: randomUUID });
      if (Either.isLeft(r)) throw new Error(`démonstration : ${commande.type} refusé sur ${memoire.numero} (${r.left._tag})`);
      version = r.right.memoire.version;
    }
  }
};

/**
 * The mémoire with the réquisition of its first line attached (a PDF stating the mission, its bytes
 * in the attachment store), as a provider sends it; its certificat de dépôt covers it. A mémoire
 * refused for a missing attachment (the generator's refusal) is left without.
 */
const avecRequisition = async (r: ResultatEcriture, pieces: StockagePieces, noms: ReadonlyMap<string, string>): Promise<ResultatEcriture> => {
  const { memoire } = r;
  const ligne = memoire.lignes[0];
  if (ligne === undefined || memoire.refus?.motif === "PIECE_JOINTE_MANQUANTE") return r;
  const octets = await requisitionPdf({
    juridiction: memoire.enTete.juridiction.libelle,
    autoriteRequerante: libelleAutorite(ligne.autoriteRequerante),
    numeroAffaire: ligne.numeroAffaire,
    dateRequisition: ligne.dateRequisition,
    prestataire: noms.get(memoire.enTete.structureId) ?? memoire.enTete.structureId,
    prestation: libelleTypePrestation(ligne.typePrestation),
    quantite: BigDecimal.format(ligne.quantite),
  });
  const stocke = await pieces.deposer(octets);
  if (Either.isLeft(stocke)) throw new Error(`réquisition de démonstration refusée par le stockage : ${stocke.left.raison}`);
  const piece = {
    id: `requisition-${memoire.id}`,
    ligneId: ligne.id,
    designation: `Réquisition — affaire ${ligne.numeroAffaire}`,
    type: "REQUISITION" as const,
    nomFichier: `requisition-${ligne.numeroAffaire.replace(/[^0-9A-Za-z]+/g, "-")}.pdf`,
    typeContenu: stocke.right.typeContenu,
    taille: stocke.right.taille,
    empreinte: stocke.right.empreinte,
    origine: "MEMOIRE" as const,
  };
  return joindrePieces(r, [piece]);
};
