/**
 * What AdminJS's client writes in English outside its locale, in French. The back-office's components
 * are loaded with every page, so this module (imported by the dashboard's) puts it in place once:
 * - when a screen's request comes back on the sign-in page (the session ended: 8 hours, sign-out
 *   elsewhere, deactivation), AdminJS warns with a hard-coded English `alert` before going there;
 * - the drop-down lists of its filters and forms (react-select) write their own placeholder, "no
 *   options" and "loading" texts, which AdminJS does not pass through its locale.
 */
export const ALERTE_ADMINJS = "Your session expired. You will be redirected to login screen";
export const ALERTE_FRANCAISE = "Votre session a expiré. Vous allez être redirigé vers la page de connexion.";

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
    const francais = TEXTES_LISTES.get(noeud.nodeValue);
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
