import { Either } from "effect";
import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  autoriser,
  estAutorise,
  unsafeAutoriser,
  type ActeurAgent,
  type ActeurUtilisateur,
  type Action,
  type Cible,
  type RaisonRefus,
} from "./index.js";

const FJ = ["MEMOIRES_DE_FRAIS_DE_JUSTICE"] as const;
const structure: Cible = { _tag: "Structure", structureId: "S1", espacesOuverts: FJ };
const serviceA: Cible = { _tag: "Structure", structureId: "S1", serviceId: "A", espacesOuverts: FJ };
const serviceB: Cible = { _tag: "Structure", structureId: "S1", serviceId: "B", espacesOuverts: FJ };
const memoire: Cible = {
  _tag: "Memoire",
  structureId: "S1",
  serviceId: "A",
  juridiction: { code: "TJ-LYON", courAppel: "CA-LYON" },
  espacesOuverts: FJ,
};

const utilisateur = (role: ActeurUtilisateur["rattachements"][number]["role"], habilitations: ActeurUtilisateur["habilitations"] = []): ActeurUtilisateur => ({
  _tag: "Utilisateur",
  id: "u1",
  rattachements: [{ structureId: "S1", role }],
  habilitations,
});

const agent = (roles: ActeurAgent["roles"], perimetre: Partial<ActeurAgent["perimetre"]> = {}): ActeurAgent => ({
  _tag: "Agent",
  id: "a1",
  roles,
  perimetre: {
    juridictions: perimetre.juridictions ?? [],
    coursAppel: perimetre.coursAppel ?? [],
    ...(perimetre.supportNational === undefined ? {} : { supportNational: perimetre.supportNational }),
  },
});

const raison = (r: ReturnType<typeof autoriser>): RaisonRefus | "OK" => (Either.isRight(r) ? "OK" : r.left.raison);

describe("autoriser — prestataire side", () => {
  it("gives the gestionnaire principal every structure action, with the principal as reason", () => {
    const principal = utilisateur("GESTIONNAIRE_PRINCIPAL");
    for (const action of ACTIONS.filter((a) => a.startsWith("structure.") || a.startsWith("rattachement.") || a === "memoire.modifier")) {
      expect(unsafeAutoriser(principal, action, structure).motif).toBe("GESTIONNAIRE_PRINCIPAL");
    }
  });

  it("refuses the transfer of the principal role to a gestionnaire secondaire, allows the rest", () => {
    const secondaire = utilisateur("GESTIONNAIRE_SECONDAIRE");
    expect(raison(autoriser(secondaire, "rattachement.transferer-principal", structure))).toBe("ROLE_INSUFFISANT");
    expect(unsafeAutoriser(secondaire, "rattachement.traiter", structure).motif).toBe("GESTIONNAIRE_SECONDAIRE");
    expect(unsafeAutoriser(secondaire, "habilitation.gerer", structure).motif).toBe("GESTIONNAIRE_SECONDAIRE");
  });

  it("refuses a user on a structure they are not attached to", () => {
    const r = autoriser(utilisateur("GESTIONNAIRE_PRINCIPAL"), "structure.modifier", { _tag: "Structure", structureId: "S2" });
    expect(raison(r)).toBe("NON_RATTACHE");
    if (Either.isLeft(r)) expect(r.left.message).toContain("S2");
  });

  it("gives a simple user no administration right", () => {
    expect(raison(autoriser(utilisateur("UTILISATEUR"), "structure.modifier", structure))).toBe("ROLE_INSUFFISANT");
    expect(raison(autoriser(utilisateur("UTILISATEUR"), "habilitation.gerer", structure))).toBe("ROLE_INSUFFISANT");
    expect(unsafeAutoriser(utilisateur("UTILISATEUR"), "abonnement.demander", structure).motif).toBe("RATTACHEMENT");
  });

  it("never lets a consultation habilitation write", () => {
    const lecteur = utilisateur("UTILISATEUR", [{ structureId: "S1", application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION" }]);
    expect(unsafeAutoriser(lecteur, "memoire.consulter", memoire).motif).toBe("HABILITATION_CONSULTATION");
    expect(raison(autoriser(lecteur, "memoire.modifier", memoire))).toBe("HABILITATION_CONSULTATION_SEULEMENT");
  });

  it("lets a modification habilitation read and write", () => {
    const redacteur = utilisateur("UTILISATEUR", [{ structureId: "S1", application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }]);
    expect(unsafeAutoriser(redacteur, "memoire.consulter", memoire).motif).toBe("HABILITATION_MODIFICATION");
    expect(unsafeAutoriser(redacteur, "memoire.modifier", memoire).motif).toBe("HABILITATION_MODIFICATION");
  });

  it("limits a habilitation on a service to that service", () => {
    const surA = utilisateur("UTILISATEUR", [{ structureId: "S1", serviceId: "A", application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }]);
    expect(estAutorise(surA, "memoire.modifier", serviceA)).toBe(true);
    expect(raison(autoriser(surA, "memoire.modifier", serviceB))).toBe("HABILITATION_ABSENTE");
    expect(raison(autoriser(surA, "memoire.modifier", structure))).toBe("HABILITATION_ABSENTE");
  });

  it("ignores habilitations on another application", () => {
    const factures = utilisateur("UTILISATEUR", [{ structureId: "S1", application: "FACTURES_EMISES", mode: "MODIFICATION" }]);
    expect(raison(autoriser(factures, "memoire.consulter", structure))).toBe("HABILITATION_ABSENTE");
    expect(unsafeAutoriser(factures, "structure.consulter", structure).motif).toBe("HABILITATION_MODIFICATION");
  });

  it("requires the espace Mémoires de frais de justice, even for the principal", () => {
    const principal = utilisateur("GESTIONNAIRE_PRINCIPAL");
    expect(raison(autoriser(principal, "memoire.modifier", { _tag: "Structure", structureId: "S1" }))).toBe("ESPACE_NON_OUVERT");
    expect(raison(autoriser(principal, "memoire.modifier", { _tag: "Structure", structureId: "S1", espacesOuverts: ["ENGAGEMENTS"] }))).toBe("ESPACE_NON_OUVERT");
    expect(estAutorise(principal, "structure.modifier", { _tag: "Structure", structureId: "S1" })).toBe(true);
  });

  it("refuses an inactive account and any court-side action", () => {
    expect(raison(autoriser({ ...utilisateur("GESTIONNAIRE_PRINCIPAL"), actif: false }, "structure.consulter", structure))).toBe("COMPTE_INACTIF");
    expect(raison(autoriser(utilisateur("GESTIONNAIRE_PRINCIPAL"), "memoire.certifier", memoire))).toBe("ACTEUR_INCOMPATIBLE");
    expect(raison(autoriser(utilisateur("GESTIONNAIRE_PRINCIPAL"), "structure.consulter", { _tag: "Global" }))).toBe("CIBLE_INCOMPATIBLE");
  });
});

describe("autoriser — court side", () => {
  const cas: ReadonlyArray<[ActeurAgent["roles"][number], Action]> = [
    ["GREFFIER", "memoire.prendre-en-charge"],
    ["GREFFIER", "memoire.certifier"],
    ["GREFFIER", "memoire.envoyer-en-taxation"],
    ["GREFFIER", "memoire.refuser"],
    ["MAGISTRAT_TAXATEUR", "memoire.taxer"],
    ["MAGISTRAT_TAXATEUR", "memoire.constater-forclusion"],
    ["MAGISTRAT_TAXATEUR", "memoire.refuser"],
    ["ORDONNATEUR", "memoire.valider-paiement"],
    ["COMPTABLE", "memoire.mettre-en-paiement"],
  ];
  it.each(cas)("%s may %s inside the perimeter only", (role, action) => {
    expect(unsafeAutoriser(agent([role], { juridictions: ["TJ-LYON"] }), action, memoire)).toMatchObject({ motif: "ROLE_AGENT", role, portee: "JURIDICTION" });
    expect(unsafeAutoriser(agent([role], { coursAppel: ["CA-LYON"] }), action, memoire)).toMatchObject({ portee: "COUR_APPEL" });
    expect(raison(autoriser(agent([role], { juridictions: ["TJ-PARIS"], coursAppel: ["CA-PARIS"] }), action, memoire))).toBe("HORS_PERIMETRE");
  });

  it("refuses an action the agent's roles do not give", () => {
    expect(raison(autoriser(agent(["GREFFIER"], { juridictions: ["TJ-LYON"] }), "memoire.taxer", memoire))).toBe("ROLE_INSUFFISANT");
    expect(raison(autoriser(agent(["COMPTABLE"], { juridictions: ["TJ-LYON"] }), "memoire.valider-paiement", memoire))).toBe("ROLE_INSUFFISANT");
  });

  it("never gives an agent a prestataire-side action", () => {
    expect(raison(autoriser(agent(["ADMINISTRATEUR"], { juridictions: ["TJ-LYON"] }), "memoire.consulter", memoire))).toBe("ACTEUR_INCOMPATIBLE");
  });

  it("lets support agents treat the national queue only when their perimeter includes it, and tickets of their juridictions", () => {
    const global: Cible = { _tag: "Global" };
    const lyon: Cible = { _tag: "Juridiction", code: "TJ-LYON", courAppel: "CA-LYON" };
    expect(unsafeAutoriser(agent(["SUPPORT"], { supportNational: true }), "ticket.traiter", global).portee).toBe("NATIONALE");
    expect(raison(autoriser(agent(["SUPPORT"]), "ticket.traiter", global))).toBe("HORS_PERIMETRE");
    expect(raison(autoriser(agent(["SUPPORT"], { supportNational: false, coursAppel: ["CA-LYON"] }), "ticket.traiter", global))).toBe("HORS_PERIMETRE");
    // A juridiction's support agent handles its service métier queue, not the national one; a national agent not the juridictions'.
    expect(unsafeAutoriser(agent(["SUPPORT"], { coursAppel: ["CA-LYON"] }), "ticket.traiter", lyon).portee).toBe("COUR_APPEL");
    expect(raison(autoriser(agent(["SUPPORT"], { supportNational: true }), "ticket.traiter", lyon))).toBe("HORS_PERIMETRE");
    expect(raison(autoriser(agent(["GREFFIER"], { supportNational: true }), "ticket.traiter", global))).toBe("ROLE_INSUFFISANT");
  });

  it("lets only the national support manage the réponses types (shared by every queue)", () => {
    const global: Cible = { _tag: "Global" };
    const lyon: Cible = { _tag: "Juridiction", code: "TJ-LYON", courAppel: "CA-LYON" };
    expect(unsafeAutoriser(agent(["SUPPORT"], { supportNational: true }), "reponse-type.administrer", global).portee).toBe("NATIONALE");
    expect(raison(autoriser(agent(["SUPPORT"], { coursAppel: ["CA-LYON"] }), "reponse-type.administrer", global))).toBe("HORS_PERIMETRE");
    expect(raison(autoriser(agent(["SUPPORT"], { coursAppel: ["CA-LYON"] }), "reponse-type.administrer", lyon))).toBe("CIBLE_INCOMPATIBLE");
    expect(raison(autoriser(agent(["ADMINISTRATEUR"], { supportNational: true }), "reponse-type.administrer", global))).toBe("ROLE_INSUFFISANT");
  });

  it("lets any user attached to the structure emit a ticket for it, without habilitation (ticket.emettre)", () => {
    const simple = utilisateur("UTILISATEUR");
    expect(simple.habilitations).toHaveLength(0);
    expect(raison(autoriser(simple, "structure.consulter", structure))).toBe("HABILITATION_ABSENTE");
    expect(unsafeAutoriser(simple, "ticket.emettre", structure).motif).toBe("RATTACHEMENT");
    expect(unsafeAutoriser(utilisateur("GESTIONNAIRE_SECONDAIRE"), "ticket.emettre", serviceA).motif).toBe("GESTIONNAIRE_SECONDAIRE");
    expect(raison(autoriser(simple, "ticket.emettre", { _tag: "Structure", structureId: "S2" }))).toBe("NON_RATTACHE");
    expect(raison(autoriser({ ...simple, actif: false }, "ticket.emettre", structure))).toBe("COMPTE_INACTIF");
    expect(raison(autoriser(agent(["SUPPORT"], { supportNational: true }), "ticket.emettre", structure))).toBe("ACTEUR_INCOMPATIBLE");
  });

  it("keeps transmission to the system", () => {
    expect(unsafeAutoriser({ _tag: "Systeme" }, "memoire.transmettre", memoire).motif).toBe("SYSTEME");
    expect(raison(autoriser({ _tag: "Systeme" }, "memoire.certifier", memoire))).toBe("ACTEUR_INCOMPATIBLE");
    expect(raison(autoriser(agent(["GREFFIER"], { juridictions: ["TJ-LYON"] }), "memoire.transmettre", memoire))).toBe("ACTEUR_INCOMPATIBLE");
  });
});
