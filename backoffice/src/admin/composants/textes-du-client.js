/**
 * AdminJS's client, when a request of a screen comes back on the sign-in page (the session ended:
 * 8 hours, sign-out elsewhere, deactivation), warns with a hard-coded English `alert` before going to
 * that page; its locale has no key for it. The same warning in French: the back-office's components
 * are loaded with every page, so this module (imported by the dashboard's) puts it in place once.
 */
export const ALERTE_ADMINJS = "Your session expired. You will be redirected to login screen";
export const ALERTE_FRANCAISE = "Votre session a expiré. Vous allez être redirigé vers la page de connexion.";

const fenetre = globalThis;
if (typeof fenetre.alert === "function" && !fenetre.__fjAlerteSession) {
  const alerte = fenetre.alert.bind(fenetre);
  fenetre.alert = (message) => alerte(message === ALERTE_ADMINJS ? ALERTE_FRANCAISE : message);
  fenetre.__fjAlerteSession = true;
}
