import type { EtatMemoire, Memoire } from "@frais-justice/core/memoire";
import { Either, Schema } from "effect";
import { EvenementMemoire } from "../memoire/memoire.evenement.mapper.js";
import type { CommandeSurMemoire, ResultatEcriture } from "../memoire/memoire.repository.js";
import { hasard, uuid } from "../seed/hasard.js";
import { genererMemoire, type ParametresGeneration } from "../seed/memoires.generateur.js";

/** A small cast for the tests: structures of every category, agents, users. */
export const PARAMETRES_TEST: Omit<ParametresGeneration, "numero"> = {
  structures: [
    { id: "structure-interpretes", categorie: "INTERPRETE_TRADUCTEUR", serviceIds: ["service-paris"] },
    { id: "structure-expert", categorie: "EXPERT" },
    { id: "structure-labo", categorie: "LABORATOIRE" },
  ],
  agents: ["agent-greffier-1", "agent-greffier-2"],
  utilisateurs: ["utilisateur-1", "utilisateur-2"],
};

/** `n` generated mémoires from a seed, numbered from `depart`. */
export const memoiresDeTest = (graine: number, n: number, depart = 1, etat?: EtatMemoire): Array<ResultatEcriture> => {
  const h = hasard(graine);
  return Array.from({ length: n }, (_, i) => genererMemoire(h, { ...PARAMETRES_TEST, numero: depart + i, ...(etat === undefined ? {} : { etat }) }));
};

const totaux = (m: Memoire) => ({
  montantHt: m.montants.montantHt,
  montantTva: m.montants.montantTva,
  montantDebours: m.montants.montantDebours,
  montantTtcAvantRemiseGlobale: m.montants.montantTtcAvantRemiseGlobale,
  montantRemiseGlobaleTtc: m.montants.montantRemiseGlobaleTtc,
  montantTtc: m.montants.montantTtc,
});

/** Refusal of the test command, as core's `TransitionRefusee`-like data. */
export class RefusDeTest extends Schema.TaggedError<RefusDeTest>()("RefusDeTest", { etat: Schema.String }) {}

/**
 * A certification as core's command does it (MIS_A_DISPOSITION → CERTIFIE, version + 1, one audit
 * event), to exercise the repository independently of the command set.
 */
export const certifierPourTest =
  (agentId: string, maintenant: Date, graine = 7): CommandeSurMemoire<ResultatEcriture, RefusDeTest> =>
  (memoire) => {
    if (memoire.etat !== "MIS_A_DISPOSITION") return Either.left(new RefusDeTest({ etat: memoire.etat }));
    const apres: Memoire = { ...memoire, etat: "CERTIFIE", certifieLe: maintenant, etatLe: maintenant, agentEnCharge: agentId, version: memoire.version + 1 };
    const evenement = Schema.decodeUnknownSync(EvenementMemoire)({
      id: uuid(hasard(graine + maintenant.getTime())),
      memoireId: memoire.id,
      numero: memoire.numero,
      commande: "memoire.certifier",
      auteur: { type: "AGENT", id: agentId },
      le: maintenant.toISOString(),
      de: memoire.etat,
      vers: "CERTIFIE",
      montantsAvant: Schema.encodeSync(EvenementMemoire.fields.montantsAvant)(totaux(memoire)),
      montantsApres: Schema.encodeSync(EvenementMemoire.fields.montantsApres)(totaux(apres)),
      details: {},
    });
    return Either.right({ memoire: apres, evenements: [evenement] });
  };
