import { Migration } from "@mikro-orm/migrations";

/**
 * Fills the national counters (one row per état) from the per-structure counters of an existing
 * database; from then on every write of a mémoire maintains both in the same transaction.
 */
export class Migration20261122090652_tableau_de_bord_national_donnees extends Migration {
  override up(): void {
    this.addSql(
      `insert into tableau_de_bord_national (etat, nombre, montant_ttc_centimes) select etat, sum(nombre), sum(montant_ttc_centimes) from tableau_de_bord group by etat;`,
    );
  }

  override down(): void {
    this.addSql(`delete from tableau_de_bord_national;`);
  }
}
