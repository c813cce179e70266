/**
 * What AdminJS's client writes in English outside its locale, in French. The back-office's components
 * are loaded with every page, so this module (imported by the dashboard's) puts it in place once:
 * - when a screen's request comes back on the sign-in page (the session ended: 8 hours, sign-out
 *   elsewhere, deactivation), AdminJS warns with a hard-coded English `alert` before going there;
 * - the drop-down lists of its filters and forms (react-select) write their own placeholder, "no
 *   options" and "loading" texts, which AdminJS does not pass through its locale, and speak English
 *   to screen readers (their live region).
 */
export const ALERTE_ADMINJS = "Your session expired. You will be redirected to login screen";
export const ALERTE_FRANCAISE = "Votre session a expiré. Vous allez être redirigé vers la page de connexion.";

/**
 * What react-select says to screen readers (its live region: `aria-selection`, `aria-focused`,
 * `aria-results`, `aria-guidance`), in French: the pattern of each of its English messages.
 */
export const MESSAGES_LECTEUR_ECRAN = [
  [/^Use Up and Down to choose options, press Enter to select the currently focused option, press Escape to exit the menu(, press Tab to select the option and exit the menu)?\.$/, (m) => `Flèches haut et bas pour parcourir les choix, Entrée pour choisir, Échap pour fermer la liste${m[1] ? ", Tab pour choisir et quitter la liste" : ""}.`],
  [/^(.*) is focused (,type to refine list)?, press Down to open the menu, ( press left to focus selected values)?$/, (m) => `${m[1] === "Select" ? "Liste" : m[1]} : ${m[2] ? "tapez pour filtrer, " : ""}flèche bas pour ouvrir la liste${m[3] ? ", flèche gauche pour aller aux valeurs choisies" : ""}.`],
  [/^Use left and right to toggle between focused values, press Backspace to remove the currently focused value$/, () => "Flèches gauche et droite pour passer d'une valeur choisie à l'autre, Retour arrière pour retirer la valeur en cours."],
  [/^options? (.*), deselected\.$/, (m) => `« ${m[1]} » retiré.`],
  [/^options? (.*), selected\.$/, (m) => `« ${m[1]} » choisi.`],
  [/^option (.*) is disabled\. Select another option\.$/, (m) => `« ${m[1]} » n'est pas disponible : choisissez-en un autre.`],
  [/^value (.*) focused, (\d+) of (\d+)\.$/, (m) => `Valeur « ${m[1]} », ${m[2]} sur ${m[3]}.`],
  [/^(.*?)( selected)?( disabled)?, (\d+) of (\d+)\.$/, (m) => `« ${m[1]} »${m[2] ? ", choisi" : ""}${m[3] ? ", indisponible" : ""}, ${m[4]} sur ${m[5]}.`],
  [/^(\d+) results? available( for search term (.*))?\.$/, (m) => `${m[1]} choix disponible${Number(m[1]) > 1 ? "s" : ""}${m[2] ? ` pour « ${m[3]} »` : ""}.`],
];
const REGION_LECTEUR_ECRAN = new Set(["aria-selection", "aria-focused", "aria-results", "aria-guidance"]);

/** A message of react-select's live region in French (undefined when it is none of its English ones). */
export const messageLecteurEcran = (texte) => {
  for (const [motif, francais] of MESSAGES_LECTEUR_ECRAN) {
    const m = motif.exec(texte);
    if (m !== null) return francais(m);
  }
  return undefined;
};

/** react-select's fixed texts and their French. */
export const TEXTES_LISTES = new Map([
  ["Select...", "Choisir…"],
  ["No options", "Aucun choix"],
  ["Loading...", "Chargement…"],
]);

const fenetre = globalThis;
if (typeof fenetre.alert === "function" && typeof fenetre.MutationObserver === "function" && !fenetre.__fjTextesDuClient) {
  fenetre.__fjTextesDuClient = true;
  const alerte = fenetre.alert.bind(fenetre);
  fenetre.alert = (message) => alerte(message === ALERTE_ADMINJS ? ALERTE_FRANCAISE : message);

  const document = fenetre.document;
  const traduireTexte = (noeud) => {
    const parent = noeud.parentNode;
    const francais = parent !== null && REGION_LECTEUR_ECRAN.has(parent.id) ? messageLecteurEcran(noeud.nodeValue) : TEXTES_LISTES.get(noeud.nodeValue);
    if (francais !== undefined) noeud.nodeValue = francais;
  };
  const traduire = (noeud) => {
    if (noeud.nodeType === 3) return traduireTexte(noeud);
    if (noeud.nodeType !== 1) return undefined;
    const parcours = document.createTreeWalker(noeud, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = parcours.nextNode(); t !== null; t = parcours.nextNode()) traduireTexte(t);
    return undefined;
  };
  // A French text set here is itself a mutation, which then matches nothing: no loop.
  new fenetre.MutationObserver((changements) => {
    for (const c of changements) {
      if (c.type === "characterData") traduire(c.target);
      else c.addedNodes.forEach(traduire);
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}
