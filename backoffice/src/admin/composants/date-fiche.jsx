import React from "react";
import { ValueGroup } from "@adminjs/design-system";
import { useTranslation } from "adminjs";
import { texteDate } from "./dates.js";

/** Every date of the generic show pages (overrides AdminJS's DefaultDatetimeShowProperty). */
const DateFiche = ({ property, record }) => {
  const { translateProperty } = useTranslation();
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{texteDate(record.params[property.path], property.type)}</ValueGroup>;
};

export default DateFiche;
