import { Migration } from "@mikro-orm/migrations";

/**
 * Data migration: fills the columns added by `organisation_ecrans` on the rows written before it —
 * `structure.categorie` from the stored informations mémoire, `utilisateur.recherche` (prénom, nom,
 * e-mail folded as the repository folds them: lower case, accents removed, ligatures expanded).
 */
const plier = (texte: string): string =>
  texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
const litteral = (v: string): string => `'${v.replace(/'/g, "''")}'`;

export class Migration20261122085408_organisation_ecrans_donnees extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update structure set categorie = (donnees::jsonb -> 'informationsMemoire' ->> 'categoriePrestataire') where categorie is null`);
    const lignes = (await this.execute(`select id, email, donnees from utilisateur where recherche is null`)) as Array<{ id: string; email: string; donnees: string }>;
    for (const l of lignes) {
      let d: { prenom?: unknown; nom?: unknown } = {};
      try {
        d = JSON.parse(l.donnees) as typeof d;
      } catch {
        d = {};
      }
      const recherche = plier(`${typeof d.prenom === "string" ? d.prenom : ""} ${typeof d.nom === "string" ? d.nom : ""} ${l.email}`);
      this.addSql(`update utilisateur set recherche = ${litteral(recherche)} where id = ${litteral(l.id)}`);
    }
  }
}
