import React from "react";
import { texteDate } from "./dates.js";

/** Every date column of the lists (overrides AdminJS's DefaultDatetimeListProperty). */
const DateListe = ({ property, record }) => (
  <span style={{ whiteSpace: "nowrap" }}>{texteDate(record.params[property.path], property.type)}</span>
);

export default DateListe;
