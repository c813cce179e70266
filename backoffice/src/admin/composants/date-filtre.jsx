import React from "react";
import { DatePicker, FormGroup, Label } from "@adminjs/design-system";
import { useTranslation } from "adminjs";
import fr from "date-fns/locale/fr/index.js";

/**
 * Every date filter of the back-office (overrides AdminJS's DefaultDatetimeFilterProperty): a French
 * calendar (« décembre 2026 », weeks from Monday), days typed as JJ/MM/AAAA, and a value that is a
 * calendar day, "YYYY-MM-DD", read by the server as a day in Europe/Paris: « du » from its first
 * instant, « au » through its last (jours-paris.ts). AdminJS's own filter is in English, asks for a
 * time, and makes « au 21/11 » stop at 21/11 00:00.
 */
const SEPARATEUR = "~~";
const JOUR = /^(\d{4})-(\d{2})-(\d{2})$/;
const deux = (n) => String(n).padStart(2, "0");
const MASQUE = { mask: [{ regex: "\\d" }, { regex: "\\d" }, "/", { regex: "\\d" }, { regex: "\\d" }, "/", { regex: "\\d" }, { regex: "\\d" }, { regex: "\\d" }, { regex: "\\d" }] };

/** The picker's value for a filter value: the day at the browser's midnight (a day is shown as itself). */
const versCalendrier = (valeur) => {
  const m = JOUR.exec(valeur || "");
  return m === null ? valeur || "" : new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toISOString();
};

/** The filter value of a picked date: its calendar day as the agent saw it. */
const versJour = (iso) => {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : `${d.getFullYear()}-${deux(d.getMonth() + 1)}-${deux(d.getDate())}`;
};

const FiltreDate = ({ property, filter, onChange }) => {
  const { translateProperty } = useTranslation();
  const borne = (cle, libelle) => {
    const chemin = `${property.path}${SEPARATEUR}${cle}`;
    return (
      <React.Fragment>
        <Label mt={cle === "to" ? "default" : undefined}>{`${libelle} :`}</Label>
        <div data-testid={`filtre-date-${property.path}-${cle}`}>
          <DatePicker
            value={versCalendrier(filter[chemin])}
            onChange={(iso) => onChange(chemin, versJour(iso))}
            propertyType="date"
            locale={fr}
            dateFormat="dd/MM/yyyy"
            placeholderText="JJ/MM/AAAA"
            inputMask={MASQUE}
            previousMonthAriaLabel="Mois précédent"
            nextMonthAriaLabel="Mois suivant"
            chooseDayAriaLabelPrefix="Choisir le"
            disabledDayAriaLabelPrefix="Indisponible :"
            monthAriaLabelPrefix="Mois"
            weekAriaLabelPrefix="Semaine"
          />
        </div>
      </React.Fragment>
    );
  };
  return (
    <FormGroup variant="filter">
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      {borne("from", translateProperty("from"))}
      {borne("to", translateProperty("to"))}
    </FormGroup>
  );
};

export default FiltreDate;
