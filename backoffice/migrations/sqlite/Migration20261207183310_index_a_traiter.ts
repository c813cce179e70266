import { Migration } from "@mikro-orm/migrations";

export class Migration20261207183310_index_a_traiter extends Migration {
  override up(): void {
    this.addSql(`drop index \`memoire_juridiction_etat_envoye_idx\`;`);

    this.addSql(`create index \`memoire_juridiction_etat_envoye_idx\` on \`memoire\` (\`juridiction_code\`, \`etat\`, \`envoye_le\`, \`montant_modifie\`, \`taxe_executable_le\`);`);

    // Dropping the index dropped its planner statistics: without them SQLite misjudges every list on it.
    this.addSql(`analyze \`memoire_juridiction_etat_envoye_idx\`;`);
  }
}
