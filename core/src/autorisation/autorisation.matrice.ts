import { ACTIONS, ROLES_AGENT, type Application } from "./autorisation.model.js";
import { REGLES, type Regle } from "./autorisation.regles.js";

const application = (a: Application | "TOUTE"): string => (a === "TOUTE" ? "toute application" : a);

const cellulesPrestataire = (regle: Regle): readonly [string, string, string] => {
  if (regle.cote !== "PRESTATAIRE") return ["—", "—", "—"];
  switch (regle.niveau) {
    case "PRINCIPAL":
      return ["✔", "—", "—"];
    case "GESTION":
      return ["✔", "✔", "—"];
    case "RATTACHEMENT":
      return ["✔", "✔", "✔"];
    case "CONSULTATION":
      return ["✔", "✔", `habilitation ${application(regle.application)}, consultation ou modification`];
    case "ECRITURE":
      return ["✔", "✔", `habilitation ${application(regle.application)} en modification`];
  }
};

const cibles = (regle: Regle): string => {
  switch (regle.cote) {
    case "PRESTATAIRE":
      return `Structure, Memoire${regle.niveau === "CONSULTATION" || regle.niveau === "ECRITURE" ? (regle.espaceRequis ? " (espace Mémoires de frais de justice ouvert)" : "") : ""}`;
    case "JURIDICTION":
      return regle.cibles.join(", ");
    case "SYSTEME":
      return "toute cible";
  }
};

/**
 * The role matrix (role × action) rendered as a Markdown table from {@link REGLES}: the table of
 * `docs/autorisation.md` is this output, checked for drift by the tests.
 */
export const matriceDesRoles = (): string => {
  const entete = ["Action", "Gestionnaire principal", "Gestionnaire secondaire", "Utilisateur simple", ...ROLES_AGENT, "Système", "Cible"];
  const lignes = ACTIONS.map((action) => {
    const regle = REGLES[action];
    const agents = ROLES_AGENT.map((r) =>
      regle.cote === "JURIDICTION" && regle.roles.includes(r)
        ? regle.cibles.includes("Global")
          ? regle.cibles.length === 1
            ? "file nationale (si le périmètre la contient)"
            : "périmètre (file nationale : si le périmètre la contient)"
          : "périmètre"
        : "—",
    );
    return [`\`${action}\``, ...cellulesPrestataire(regle), ...agents, regle.cote === "SYSTEME" ? "✔" : "—", cibles(regle)];
  });
  return [entete, entete.map(() => "---"), ...lignes].map((l) => `| ${l.join(" | ")} |`).join("\n");
};
