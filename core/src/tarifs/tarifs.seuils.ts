import { Array as Arr, Option, type BigDecimal } from "effect";
import { Temporal } from "temporal-polyfill";
import { decimal } from "./tarifs.decimal.js";
import { type SeuilsCertification, type VersionSeuilCertification, type VersionSeuilCertificationDatee } from "./tarifs.model.js";

/**
 * The threshold under which a non-tariffed cost may be certified by the greffe instead of being
 * taxed (CPP R224-1 3°; amount fixed by arrêté: A43-16, 1 500 €).
 *
 * Only rules in force are listed. The 460 € figure of the 2025 Sénat report is a proposal, not a
 * text in force: it becomes a dated version only once an arrêté fixes it and its date.
 */
export const SEUILS_CERTIFICATION: SeuilsCertification = {
  origine: { montant: decimal("1500"), source: "CPP art. A43-16 (montant prévu au 3° de l'article R224-1) : 1 500 €" },
  versions: [],
};

/**
 * The threshold version in force on a date: the latest dated version on or before it, otherwise
 * the original amount. `applicableDepuis` is `none` for the original amount (start not sourced).
 */
export const versionSeuilCertification = (
  date: Temporal.PlainDate,
  seuils: SeuilsCertification = SEUILS_CERTIFICATION,
): VersionSeuilCertification & { readonly applicableDepuis: Option.Option<Temporal.PlainDate> } => {
  const triees = [...seuils.versions].sort((a, b) => Temporal.PlainDate.compare(a.applicableDepuis, b.applicableDepuis));
  return Option.match(
    Arr.findLast(triees, (v: VersionSeuilCertificationDatee) => Temporal.PlainDate.compare(v.applicableDepuis, date) <= 0),
    {
      onNone: () => ({ ...seuils.origine, applicableDepuis: Option.none() }),
      onSome: (v) => ({ montant: v.montant, source: v.source, applicableDepuis: Option.some(v.applicableDepuis) }),
    },
  );
};

/** The certification threshold in force on a date (1 500 € with the default table). */
export const seuilCertification = (
  date: Temporal.PlainDate,
  seuils: SeuilsCertification = SEUILS_CERTIFICATION,
): BigDecimal.BigDecimal => versionSeuilCertification(date, seuils).montant;
