import React from "react";
import { texteDate } from "./dates.js";

/**
 * Every date column of the lists (overrides AdminJS's DefaultDatetimeListProperty): the day and the
 * time each stay whole, and a narrow column puts the time under the day.
 */
const DateListe = ({ property, record }) => {
  const texte = texteDate(record.params[property.path], property.type);
  const espace = texte.indexOf(" ");
  if (espace < 0) return <span style={{ whiteSpace: "nowrap" }}>{texte}</span>;
  return (
    <span>
      <span style={{ whiteSpace: "nowrap" }}>{texte.slice(0, espace)}</span> <span style={{ whiteSpace: "nowrap" }}>{texte.slice(espace + 1)}</span>
    </span>
  );
};

export default DateListe;
