import { LIBELLES_CATEGORIES, LIBELLES_ETATS, LIBELLES_TYPES_JURIDICTION } from "../memoires/libelles.js";
import { RESSOURCES_FR_FLUX } from "./fr.flux.js";
import { RESSOURCES_FR_ORGANISATION } from "./fr.organisation.js";
import { RESSOURCES_FR_SUPPORT } from "./fr.support.js";

const TRADUCTION_DE_BASE = {
  actions: {
    new: "Créer",
    edit: "Modifier",
    // The breadcrumb of a record page reads the action's generic label (AdminJS passes it no resource): a noun, as the pages' titles.
    show: "Fiche",
    delete: "Supprimer",
    bulkDelete: "Tout supprimer",
    list: "Liste",
  },
  buttons: {
    save: "Enregistrer",
    addNewItem: "Ajouter un élément",
    filter: "Filtrer",
    filterActive: "Filtres ({{count}})",
    applyChanges: "Appliquer",
    resetFilter: "Réinitialiser",
    confirmRemovalMany: "Confirmer la suppression de {{count}} élément",
    confirmRemovalMany_plural: "Confirmer la suppression de {{count}} éléments",
    logout: "Se déconnecter",
    login: "Se connecter",
    seeTheDocumentation: "Voir : <1>la documentation</1>",
    createFirstRecord: "Créer le premier élément",
    cancel: "Annuler",
    confirm: "Confirmer",
    contactUs: "Nous contacter",
  },
  components: {
    DropZone: {
      placeholder: "Déposez votre fichier ici, ou cliquez pour parcourir",
      acceptedSize: "Taille maximale : {{maxSize}}",
      acceptedType: "Formats acceptés : {{mimeTypes}}",
      unsupportedSize: "Le fichier {{fileName}} est trop volumineux",
      unsupportedType: "Le fichier {{fileName}} a un type non accepté : {{fileType}}",
    },
    LanguageSelector: {
      availableLanguages: {
        de: "Allemand",
        en: "Anglais",
        es: "Espagnol",
        it: "Italien",
        ja: "Japonais",
        pl: "Polonais",
        "pt-BR": "Portugais (Brésil)",
        ua: "Ukrainien",
        "zh-CN": "Chinois",
      },
    },
    Login: {
      welcomeHeader: "Frais de justice",
      welcomeMessage: "Espace des agents des juridictions : certification, taxation, validation et mise en paiement des mémoires de frais de justice.",
      properties: {
        email: "Adresse électronique",
        password: "Mot de passe",
      },
      loginButton: "Se connecter",
    },
  },
  labels: {
    navigation: "Navigation",
    pages: "Pages",
    selectedRecords: "Sélection ({{selected}})",
    filters: "Filtres",
    adminVersion: "Admin : {{version}}",
    appVersion: "Application : {{version}}",
    dashboard: "Tableau de bord",
    memoires: "Mémoires",
    agents: "Agents",
    juridictions: "Juridictions",
    // Navigation groups (AdminJS's default label would drop the accents: startCase("Mémoires") = "Memoires").
    Mémoires: "Mémoires",
    Organisation: "Organisation",
    Prestataires: "Prestataires",
    Support: "Support",
    "Dépôt flux": "Dépôt flux",
    Agent: "Agents",
    Juridiction: "Juridictions",
  },
  properties: {
    length: "Nombre",
    from: "Du",
    to: "Au",
  },
  resources: {
    ...RESSOURCES_FR_ORGANISATION,
    ...RESSOURCES_FR_SUPPORT,
    ...RESSOURCES_FR_FLUX,
    memoires: {
      labels: {
        memoires: "Mémoires",
        etat: LIBELLES_ETATS,
        aTraiter: { oui: "Oui" },
        recoursEnInstance: { oui: "Oui" },
        montantModifie: { true: "Oui", false: "Non" },
        categoriePrestataire: LIBELLES_CATEGORIES,
      },
      properties: {
        id: "Identifiant",
        numero: "Numéro",
        etat: "État",
        juridiction: "Juridiction",
        juridictionCode: "Juridiction",
        envoyeLe: "Date de dépôt",
        misADispositionLe: "Mis à disposition le",
        structureId: "Identifiant de la structure",
        prestataire: "Prestataire",
        identifiantPrestataire: "Identifiant du prestataire",
        categoriePrestataire: "Catégorie de prestataire",
        texteReference: "Texte de référence",
        numeroEngagementJuridique: "N° d'engagement juridique",
        montantDemande: "Montant demandé TTC",
        montantTtc: "Montant retenu TTC",
        montantModifie: "Montant modifié",
        aTraiter: "À traiter par mon rôle",
        recoursEnInstance: "Recours en instance (taxe)",
        texte: "Recherche libre (sans accents)",
        version: "Version",
        detail: "Détail",
      },
      actions: {
        show: "Fiche du mémoire",
        "prendre-en-charge": "Prendre en charge",
        certifier: "Certifier",
        "envoyer-en-taxation": "Envoyer en taxation",
        taxer: "Taxer",
        "constater-forclusion": "Constater la forclusion",
        "constater-notification-taxe": "Constater la notification de la taxe",
        "constater-recours-taxe": "Constater un recours contre la taxe",
        "constater-decision-recours": "Constater la décision sur le recours",
        refuser: "Refuser",
        "valider-paiement": "Valider la demande de paiement",
        "mettre-en-paiement": "Mettre en paiement",
        "certifier-groupe": "Certifier la sélection",
        "valider-paiement-groupe": "Valider la sélection",
        "mettre-en-paiement-groupe": "Mettre en paiement la sélection",
        exporter: "Exporter en CSV",
      },
    },
    Agent: {
      labels: { Agent: "Agents", actif: { true: "Oui", false: "Non" } },
      actions: { show: "Fiche de l'agent", desactiver: "Désactiver", reactiver: "Réactiver", new: "Nouvel agent", "modifier-droits": "Modifier les droits" },
      properties: {
        id: "Identifiant",
        email: "Adresse électronique",
        nom: "Nom",
        prenom: "Prénom",
        roles: "Rôles",
        perimetre: "Périmètre",
        actif: "Actif",
        creeLe: "Créé le",
        echecsConnexion: "Échecs de connexion consécutifs",
        verrouilleJusqua: "Verrouillé jusqu'au",
        motDePasseModifieLe: "Mot de passe modifié le",
      },
    },
    Juridiction: {
      labels: { Juridiction: "Juridictions", type: LIBELLES_TYPES_JURIDICTION },
      actions: { show: "Fiche de la juridiction", new: "Nouvelle juridiction", renommer: "Renommer" },
      properties: {
        code: "Code",
        libelle: "Libellé",
        type: "Type",
        courAppel: "Cour d'appel",
      },
    },
  },
  messages: {
    successfullyBulkDeleted: "{{count}} élément supprimé",
    successfullyBulkDeleted_plural: "{{count}} éléments supprimés",
    successfullyDeleted: "Élément supprimé",
    successfullyUpdated: "Élément enregistré",
    thereWereValidationErrors: "La saisie contient des erreurs : voir ci-dessous",
    forbiddenError: "Vous ne pouvez pas effectuer cette action ici",
    anyForbiddenError: "Vous ne pouvez pas effectuer cette action",
    successfullyCreated: "Élément créé",
    bulkDeleteError: "Erreur lors de la suppression des éléments",
    errorFetchingRecords: "Erreur lors du chargement des éléments",
    errorFetchingRecord: "Erreur lors du chargement de l'élément",
    noRecordsSelected: "Aucun élément sélectionné",
    theseRecordsWillBeRemoved: "L'élément suivant sera supprimé",
    theseRecordsWillBeRemoved_plural: "Les éléments suivants seront supprimés",
    pickSomeFirstToRemove: "Sélectionnez d'abord les éléments à supprimer",
    error404Resource: "Cette page n'existe pas",
    error404Action: "Cette page n'existe pas, ou vous n'y avez pas accès",
    error404Record: "Cet élément est introuvable, ou vous n'y avez pas accès",
    seeConsoleForMore: "Voir la console de développement pour plus de détails…",
    noActionComponent: "Cette action n'a pas de composant d'affichage",
    noRecordsInResource: "Rien dans cette liste, ou rien qui réponde à ses filtres.",
    noRecords: "Aucun élément",
    confirmDelete: "Voulez-vous vraiment supprimer cet élément ?",
    welcomeOnBoard_title: "Bienvenue",
    welcomeOnBoard_subtitle: "Quelques repères pour commencer :",
    addingResources_title: "Ajouter des ressources",
    addingResources_subtitle: "Ajouter des ressources à la navigation",
    customizeResources_title: "Personnaliser les ressources",
    customizeResources_subtitle: "Comportement, propriétés et plus encore",
    customizeActions_title: "Personnaliser les actions",
    customizeActions_subtitle: "Modifier les actions existantes ou en ajouter",
    writeOwnComponents_title: "Écrire des composants",
    writeOwnComponents_subtitle: "Modifier l'apparence de l'interface",
    customDashboard_title: "Tableau de bord personnalisé",
    customDashboard_subtitle: "Personnaliser la page d'accueil",
    roleBasedAccess_title: "Contrôle d'accès par rôle",
    roleBasedAccess_subtitle: "Définir les droits des utilisateurs",
    community_title: "Rejoindre la communauté",
    community_subtitle: "Échanger avec les auteurs et les utilisateurs",
    foundBug_title: "Un problème ? Une amélioration ?",
    foundBug_subtitle: "Ouvrez un ticket sur le dépôt du projet",
    needMoreSolutions_title: "Besoin de solutions plus avancées ?",
    needMoreSolutions_subtitle: "Des développements sur mesure sont possibles",
    invalidCredentials: "Adresse électronique ou mot de passe incorrect, ou compte verrouillé",
    keyPlaceholder: "CLÉ",
    valuePlaceholder: "VALEUR",
    initialKey: "Clé-{{number}}",
    keyInUse: "Chaque clé doit être unique",
    keyValuePropertyDefaultDescription: "Toutes les valeurs sont enregistrées comme du texte. Les clés doivent être uniques.",
    pageNotFound_title: "Page introuvable",
    pageNotFound_subtitle: "La page <strong>« {{pageName}} »</strong> n'existe pas",
    componentNotFound_title: "Aucun composant",
    componentNotFound_subtitle: "Cet élément n'a pas de composant d'affichage",
    tooManyRequests: "Trop de tentatives : réessayez plus tard",
  },
} as const;

/** AdminJS's own actions, whose generic labels are written above (a resource may name them its way). */
const ACTIONS_GENERIQUES = new Set(["new", "edit", "show", "delete", "bulkDelete", "list", "search"]);

/**
 * The label of each of the back-office's own actions without its resource: the breadcrumb of an
 * action's page looks its name up in `actions` only (without it: « Constater Forclusion »,
 * « Transferer »). Taken from the resources' labels; a name two resources label differently gets none
 * (the locale's coverage test then asks for a generic label here).
 */
const actionsSansRessource = (ressources: Readonly<Record<string, { readonly actions?: Readonly<Record<string, string>> }>>): Record<string, string> => {
  const libelles = new Map<string, Set<string>>();
  for (const r of Object.values(ressources))
    for (const [nom, libelle] of Object.entries(r.actions ?? {})) if (!ACTIONS_GENERIQUES.has(nom)) libelles.set(nom, (libelles.get(nom) ?? new Set()).add(libelle));
  return Object.fromEntries([...libelles].flatMap(([nom, l]) => (l.size === 1 ? [[nom, [...l][0] ?? ""]] : [])));
};

/**
 * The French translation of every key of AdminJS's `en` locale (checked by `fr.test.ts`), plus the
 * labels of the back-office's resources, properties and actions. AdminJS ships no French locale.
 */
export const TRADUCTION_FR = {
  ...TRADUCTION_DE_BASE,
  actions: { ...actionsSansRessource(TRADUCTION_DE_BASE.resources), ...TRADUCTION_DE_BASE.actions },
};

/** Labels of the états for the `etat` property's values. */
export const VALEURS_ETATS = Object.entries(LIBELLES_ETATS)
  .filter(([e]) => e !== "BROUILLON" && e !== "SUPPRIME")
  .map(([value]) => ({ value, label: value }));
