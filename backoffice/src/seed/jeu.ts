import { calculerCleRib, ribVersIban } from "@frais-justice/core/coordonnees-bancaires";
import type { Agent, Juridiction } from "@frais-justice/core/juridiction";
import { isIdentifiantValide, type CategoriePrestataire } from "@frais-justice/core/structure";
import { Option, Schema } from "effect";
import { hacherMotDePasse } from "../admin/acces/mot-de-passe.js";
import type { Orm } from "../base/orm.js";
import { sqlDe, type Sql } from "../base/sql.js";
import { table } from "../base/tables.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import {
  CoordonneeBancaireStockee,
  HabilitationStockee,
  MandatStocke,
  RattachementStocke,
  StructureStockee,
  UtilisateurStocke,
} from "../organisation/organisation.documents.js";
import { hasard, uuid, type Hasard } from "./hasard.js";
import { clonerMemoire, genererMemoire, JURIDICTIONS, LIBELLES_COURS_APPEL } from "./memoires.generateur.js";

/**
 * The demo and scale dataset, reproducible from a seed: juridictions of several cours d'appel and
 * their agents, prestataires of every category (valid SIRET or PARTICULIER identifiers, checked with
 * core's validators), their users, rattachements, habilitations, bank details (valid RIB/IBAN) and
 * signed mandats, then mémoires in every state with their histories, written through the
 * repositories. Large loads drop the secondary indexes first, rebuild them and run ANALYZE.
 */
export interface OptionsJeu {
  readonly memoires: number;
  readonly graine?: number;
  /** Mémoires per transaction (default 2,000). */
  readonly parLot?: number;
  /** Called after each batch with the number written so far. */
  readonly progression?: (ecrits: number) => void;
  /** From this many mémoires, the large-load path (default 50,000; lower in tests). */
  readonly seuilGrandJeu?: number;
  /**
   * A prestataire account that can sign in (the API's token creation): the first structure's
   * gestionnaire principal gets this e-mail and password, changed at `le`. Without it, the seeded
   * users have no password (they would activate their account first).
   */
  readonly comptePrestataire?: { readonly email: string; readonly motDePasse: string; readonly le: Date };
}

/** The documented demo prestataire account of the start command (docs/api.md): gestionnaire principal of an interpreter structure. */
export const COMPTE_PRESTATAIRE_DEMO = { email: "prestataire.demo@interpretes.example", motDePasse: "Prestataire-Demo-2026!" } as const;

const CATEGORIES: ReadonlyArray<CategoriePrestataire> = [
  "INTERPRETE_TRADUCTEUR",
  "INTERPRETE_TRADUCTEUR",
  "EXPERT",
  "EXPERT",
  "ENQUETEUR_SOCIAL",
  "DELEGUE_MEDIATEUR_PROCUREUR",
  "ADMINISTRATEUR_AD_HOC",
  "LABORATOIRE",
  "GARDIEN_FOURRIERE_SCELLES",
  "COMMISSAIRE_DE_JUSTICE",
  "OPERATEUR_TELECOM",
];
/** The kinds of firm whose name a structure of each catégorie bears (« Laboratoire Durand » is a laboratory). */
const FORMES_PAR_CATEGORIE: Readonly<Record<CategoriePrestataire, ReadonlyArray<string>>> = {
  INTERPRETE_TRADUCTEUR: ["Cabinet de traduction", "Agence d'interprétariat", "Traductions"],
  EXPERT: ["Cabinet d'expertise", "Cabinet", "Expertises"],
  ENQUETEUR_SOCIAL: ["Association d'enquêtes sociales", "Cabinet d'enquêtes"],
  DELEGUE_MEDIATEUR_PROCUREUR: ["Association de médiation", "Médiation"],
  ADMINISTRATEUR_AD_HOC: ["Association d'aide aux victimes", "Cabinet"],
  LABORATOIRE: ["Laboratoire", "Laboratoire d'analyses"],
  GARDIEN_FOURRIERE_SCELLES: ["Fourrière", "Garage"],
  COMMISSAIRE_DE_JUSTICE: ["Étude", "SCP"],
  OPERATEUR_TELECOM: ["Télécom", "Réseaux"],
  AUTRE: ["Société", "Bureau"],
};
const NOMS = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Benali", "Nguyen", "Lefèvre", "Garcia", "Müller", "Öztürk", "Cœur"];
const PRENOMS = ["Élise", "Nadia", "Jean", "Amélie", "Karim", "Zoé", "François", "Inès", "Paul", "Chloé", "Léa", "Hugo"];
const VILLES = [
  ["75002", "Paris", "75056"],
  ["69003", "Lyon", "69123"],
  ["13001", "Marseille", "13055"],
  ["59000", "Lille", "59350"],
  ["33000", "Bordeaux", "33063"],
  ["20000", "Ajaccio", "2A004"],
  ["97400", "Saint-Denis", "97411"],
] as const;

/** A SIRET passing Luhn: 13 random digits and the check digit. */
export const siretAleatoire = (h: Hasard): string => {
  const base = Array.from({ length: 13 }, (_, i) => (i === 0 ? h.entier(1, 9) : h.entier(0, 9)));
  for (let d = 0; d <= 9; d += 1) {
    const s = [...base, d].join("");
    if (isIdentifiantValide("SIRET", s)) return s;
  }
  throw new Error("SIRET introuvable");
};

/** A PARTICULIER identifier: sexe, year and month of birth, INSEE code of the birthplace. */
export const identifiantParticulier = (h: Hasard): string =>
  `${h.entier(1, 2)}${String(h.entier(50, 99)).padStart(2, "0")}${String(h.entier(1, 12)).padStart(2, "0")}${h.choisir(VILLES)[2]}`;

const ribValide = (h: Hasard): string => {
  const banque = String(h.entier(10000, 99999));
  const guichet = String(h.entier(10000, 99999));
  const compte = String(h.entier(0, 99_999_999_999)).padStart(11, "0");
  const cle = Option.getOrThrow(calculerCleRib(banque, guichet, compte));
  return Option.getOrThrow(ribVersIban({ banque, guichet, compte, cle }));
};

const juridiction = (code: string, libelle: string, courAppel: string): Juridiction => ({ code, libelle, type: code === courAppel ? "COUR_APPEL" : "TRIBUNAL_JUDICIAIRE", courAppel });

const juridictionsDuJeu = (): ReadonlyArray<Juridiction> => [
  ...JURIDICTIONS.map((j) => juridiction(j.code, j.libelle, j.courAppel)),
  ...[...new Set(JURIDICTIONS.map((j) => j.courAppel))].filter((ca) => !JURIDICTIONS.some((j) => j.code === ca)).map((ca) => juridiction(ca, LIBELLES_COURS_APPEL[ca], ca)),
];

/** Drops the memoire table's secondary indexes (before a large load); returns how to rebuild them. */
const suspendreIndex = async (orm: Orm, sql: Sql): Promise<() => Promise<void>> => {
  const t = table(orm, "Memoire");
  const index = orm.getMetadata().get("Memoire").indexes.map((i) => ({ nom: String(i.name), colonnes: (Array.isArray(i.properties) ? i.properties : [i.properties]).map((p) => t.colonne(String(p))) }));
  for (const i of index) await sql.lignes(`DROP INDEX IF EXISTS ${i.nom}`);
  return async () => {
    for (const i of index) await sql.lignes(`CREATE INDEX IF NOT EXISTS ${i.nom} ON memoire (${i.colonnes.join(", ")})`);
    await sql.lignes("ANALYZE");
  };
};

/** Moves the number sequences past the numbers the dataset used (TMP of every year, MJ). */
const avancerSequences = async (sql: Sql, dernier: number): Promise<void> => {
  const noms = ["memoire_mj", ...Array.from({ length: 12 }, (_, i) => `memoire_tmp_${2019 + i}`)];
  for (const nom of noms) {
    if (sql.dialecte === "sqlite") await sql.lignes("INSERT INTO compteur (nom, valeur) VALUES (?, ?) ON CONFLICT (nom) DO UPDATE SET valeur = max(valeur, excluded.valeur)", [nom, dernier]);
    else {
      await sql.lignes(`CREATE SEQUENCE IF NOT EXISTS ${nom}_seq`);
      await sql.lignes(`SELECT setval('${nom}_seq', greatest(?, (SELECT last_value FROM ${nom}_seq)))`, [dernier]);
    }
  }
};

/** What was written. */
export interface BilanJeu {
  readonly structures: number;
  readonly utilisateurs: number;
  readonly agents: number;
  readonly juridictions: number;
  readonly memoires: number;
  readonly secondes: number;
}

/** Writes the dataset into an empty, migrated database. */
export const ecrireJeu = async (orm: Orm, options: OptionsJeu): Promise<BilanJeu> => {
  const debut = performance.now();
  const h = hasard(options.graine ?? 20_260_101);
  const depots = depotsOrganisation(orm);
  const sql = sqlDe(orm);
  const juridictions = juridictionsDuJeu();
  await depots.juridictions.enregistrerNouveaux(juridictions);
  const coursAppel = [...new Set(juridictions.map((j) => j.courAppel))];
  const agents: Array<Agent> = coursAppel.flatMap((ca, i) =>
    (["GREFFIER", "MAGISTRAT_TAXATEUR", "ORDONNATEUR", "COMPTABLE"] as const).map(
      (role) =>
        ({
          id: `agent-${ca.toLowerCase()}-${role.toLowerCase()}`,
          email: `${role.toLowerCase().replace(/_/g, ".")}.${i}@justice.example.fr`,
          nom: h.choisir(NOMS),
          prenom: h.choisir(PRENOMS),
          roles: [role],
          perimetre: { juridictions: [], coursAppel: [ca] },
          actif: true,
          creeLe: new Date(Date.UTC(2018, 11, 1)),
        }),
    ),
  );
  agents.push({ id: "agent-administrateur", email: "administrateur@justice.example.fr", nom: "Admin", prenom: "Système", roles: ["ADMINISTRATEUR"], perimetre: { juridictions: [], coursAppel }, actif: true, creeLe: new Date(Date.UTC(2018, 11, 1)) });
  await depots.agents.enregistrerNouveaux(agents);

  // Prestataires: about one structure per 400 mémoires (at least 12, at most 20,000).
  const nombreStructures = Math.max(12, Math.min(20_000, Math.ceil(options.memoires / 400)));
  const structures: Array<typeof StructureStockee.Type> = [];
  const utilisateurs: Array<typeof UtilisateurStocke.Type> = [];
  const rattachements: Array<typeof RattachementStocke.Type> = [];
  const habilitations: Array<typeof HabilitationStockee.Type> = [];
  const coordonnees: Array<typeof CoordonneeBancaireStockee.Type> = [];
  const mandats: Array<typeof MandatStocke.Type> = [];
  const decoder = <A, I>(s: Schema.Schema<A, I>) => Schema.decodeUnknownSync(s);
  const [dStructure, dUtilisateur, dRattachement, dHabilitation, dCoordonnee, dMandat] = [
    decoder(StructureStockee),
    decoder(UtilisateurStocke),
    decoder(RattachementStocke),
    decoder(HabilitationStockee),
    decoder(CoordonneeBancaireStockee),
    decoder(MandatStocke),
  ];
  for (let i = 0; i < nombreStructures; i += 1) {
    const categorie = CATEGORIES[i % CATEGORIES.length] ?? "EXPERT";
    const personnePhysique = (categorie === "INTERPRETE_TRADUCTEUR" || categorie === "ENQUETEUR_SOCIAL") && h.chance(0.6);
    const [codePostal, ville] = h.choisir(VILLES);
    const nom = `${h.choisir(PRENOMS)} ${h.choisir(NOMS)}`;
    const id = `structure-${String(i + 1).padStart(5, "0")}`;
    const identifiant = personnePhysique ? { type: "PARTICULIER", valeur: identifiantParticulier(h) } : { type: "SIRET", valeur: siretAleatoire(h) };
    const creeLe = new Date(Date.UTC(2018, h.entier(0, 11), h.entier(1, 28)));
    structures.push(
      dStructure({
        id,
        identifiant,
        raisonSociale: personnePhysique ? nom : `${h.choisir(FORMES_PAR_CATEGORIE[categorie])} ${h.choisir(NOMS)} ${i + 1}`,
        adresse: { ligne: `${h.entier(1, 120)} rue ${h.choisir(["de la République", "Victor Hugo", "des Lilas", "du Palais"])}`, codePostal, ville, pays: "FR" },
        statut: "ACTIF",
        services: h.chance(0.2) ? [{ code: "SIEGE", libelle: "Siège", actif: true }, { code: "AGENCE", libelle: `Agence de ${ville}`, actif: true }] : [],
        informationsMemoire: { categoriePrestataire: categorie, ...(personnePhysique ? { regime: h.choisir(["COSP", "INDEPENDANT"]) } : {}), droitOption: false },
        espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
        dateCreation: creeLe.toISOString(),
      }),
    );
    const utilisateurId = `utilisateur-${String(i + 1).padStart(5, "0")}`;
    const compte = i === 0 ? options.comptePrestataire : undefined;
    utilisateurs.push(
      dUtilisateur({
        id: utilisateurId,
        email: compte?.email ?? `${utilisateurId}@prestataire.example.fr`,
        nom: h.choisir(NOMS),
        prenom: h.choisir(PRENOMS),
        statut: "ACTIF",
        echecsConnexion: 0,
        dateCreation: creeLe.toISOString(),
        ...(compte === undefined ? {} : { hashMotDePasse: await hacherMotDePasse(compte.motDePasse), motDePasseModifieLe: compte.le.toISOString() }),
      }),
    );
    rattachements.push(dRattachement({ structureId: id, utilisateurId, role: "GESTIONNAIRE_PRINCIPAL", depuis: creeLe.toISOString() }));
    habilitations.push(dHabilitation({ id: `habilitation-${i + 1}`, utilisateurId, structureId: id, application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION", depuis: creeLe.toISOString(), parId: utilisateurId }));
    coordonnees.push(
      dCoordonnee({
        id: `coordonnees-${i + 1}`,
        structureId: id,
        libelle: "Compte principal",
        compte: { type: "IBAN", iban: ribValide(h) },
        bic: "BNPAFRPPXXX",
        affactureur: false,
        fichier: { reference: uuid(h).replace(/-/g, "").padEnd(64, "0"), typeContenu: "application/pdf", taille: h.entier(20_000, 400_000) },
        active: true,
        dateCreation: creeLe.toISOString(),
      }),
    );
    mandats.push(dMandat({ id: `mandat-${i + 1}`, structureId: id, libelle: "Mandat de facturation", signataire: { nom: "Signataire", prenom: h.choisir(PRENOMS), email: `${utilisateurId}@prestataire.example.fr` }, dateCreation: creeLe.toISOString(), dateSignature: creeLe.toISOString(), statut: "SIGNE" }));
  }
  await depots.structures.enregistrerNouveaux(structures);
  await depots.utilisateurs.enregistrerNouveaux(utilisateurs);
  await depots.rattachements.enregistrerNouveaux(rattachements);
  await depots.habilitations.enregistrerNouveaux(habilitations);
  await depots.coordonneesBancaires.enregistrerNouveaux(coordonnees);
  await depots.mandats.enregistrerNouveaux(mandats);

  const parametres = {
    structures: structures.map((s, i) => ({ id: s.id, categorie: s.informationsMemoire.categoriePrestataire ?? "EXPERT", serviceIds: s.services.map((x) => x.code), coordonneesId: coordonnees[i]?.id ?? "" })),
    // Every court-side agent with their roles and perimeter: each step is signed by one core allows.
    agents: agents.filter((a) => !a.roles.includes("ADMINISTRATEUR")),
    utilisateurs: utilisateurs.map((u) => u.id),
  };
  const grand = options.memoires >= (options.seuilGrandJeu ?? 50_000);
  const reconstruire = grand ? await suspendreIndex(orm, sql) : undefined;
  const depot = new DepotMemoires(orm);
  const parLot = options.parLot ?? 2000;
  // Large datasets copy up to 5,000 generated templates onto structures of the template's catégorie,
  // with the structure's own bank details and services (decoding each new aggregate through the
  // Schemas would dominate the load time).
  const categoriesJeu = [...new Set(parametres.structures.map((s) => s.categorie))];
  const modeles = new Map(
    grand
      ? categoriesJeu.map((c) => {
          const siennes = parametres.structures.filter((s) => s.categorie === c);
          const nombre = Math.ceil(Math.min(5000, options.memoires / 10) / categoriesJeu.length);
          return [c, Array.from({ length: nombre }, (_, i) => genererMemoire(h, { ...parametres, structures: siennes, numero: i + 1 }))] as const;
        })
      : [],
  );
  const fabrique = (numero: number) => {
    if (!grand) return genererMemoire(h, { ...parametres, numero });
    const structure = h.choisir(parametres.structures);
    return clonerMemoire(h, h.choisir(modeles.get(structure.categorie) ?? []), numero, structure);
  };
  for (let ecrits = 0; ecrits < options.memoires; ) {
    const n = Math.min(parLot, options.memoires - ecrits);
    const lot = Array.from({ length: n }, (_, i) => fabrique(ecrits + i + 1));
    await depot.enregistrerNouveaux(lot);
    ecrits += n;
    options.progression?.(ecrits);
  }
  await avancerSequences(sql, options.memoires);
  if (reconstruire !== undefined) await reconstruire();
  else await sql.lignes("ANALYZE");
  return {
    structures: structures.length,
    utilisateurs: utilisateurs.length,
    agents: agents.length,
    juridictions: juridictions.length,
    memoires: options.memoires,
    secondes: (performance.now() - debut) / 1000,
  };
};

/** Number of mémoires in the database. */
export const nombreMemoires = async (orm: Orm): Promise<number> => Number((await sqlDe(orm).lignes<{ n: unknown }>('SELECT count(*) AS "n" FROM memoire'))[0]?.n ?? 0);

/**
 * For the start command: on a first run (no structure yet), writes a small demo dataset (200 mémoires)
 * so the back-office has something to show. Returns the bilan, or undefined when data exists.
 */
export const semerAuPremierDemarrage = async (orm: Orm, memoires = 200): Promise<BilanJeu | undefined> => {
  const [l] = await sqlDe(orm).lignes<{ n: unknown }>('SELECT count(*) AS "n" FROM structure');
  if (Number(l?.n ?? 0) > 0) return undefined;
  return ecrireJeu(orm, { memoires, comptePrestataire: { ...COMPTE_PRESTATAIRE_DEMO, le: new Date() } });
};
