import { depotsOrganisation } from "../organisation/organisation.repository.js";
import type { Orm } from "../base/orm.js";
import {
  coordonneeDeTest,
  habilitationDeTest,
  juridictionDeTest,
  mandatDeTest,
  rattachementDeTest,
  structureDeTest,
  utilisateurDeTest,
} from "../test-support/organisation.fixtures.js";

/** The émetteur of the flux tests and of the example: SIRET 73282932000074, its user, bank details, signed mandat; juridiction 750. */
export const EMETTEUR_EXEMPLE = { siret: "73282932000074", email: "elise.martin@example.fr", structureId: "structure-flux", juridiction: "750" } as const;

/** Writes the émetteur of {@link EMETTEUR_EXEMPLE} into a migrated database (and juridiction 750 unless the database has it: the demo data do). */
export const preparerEmetteur = async (orm: Orm, avecJuridiction = true): Promise<void> => {
  const d = depotsOrganisation(orm);
  const { structureId, siret, email } = EMETTEUR_EXEMPLE;
  await d.structures.enregistrerNouveaux([structureDeTest(structureId, siret)]);
  await d.coordonneesBancaires.enregistrerNouveaux([coordonneeDeTest("cb-flux", structureId)]);
  await d.mandats.enregistrerNouveaux([mandatDeTest("mandat-flux", structureId, "SIGNE")]);
  await d.utilisateurs.enregistrerNouveaux([utilisateurDeTest("utilisateur-flux", email)]);
  await d.rattachements.enregistrerNouveaux([rattachementDeTest(structureId, "utilisateur-flux")]);
  await d.habilitations.enregistrerNouveaux([habilitationDeTest("habilitation-flux", "utilisateur-flux", structureId)]);
  if (avecJuridiction) await d.juridictions.enregistrerNouveaux([juridictionDeTest(EMETTEUR_EXEMPLE.juridiction, "75")]);
};
