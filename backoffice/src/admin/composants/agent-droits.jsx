import React from "react";
import { ValueGroup } from "@adminjs/design-system";
import { useTranslation } from "adminjs";

const lire = (valeur) => {
  try {
    return JSON.parse(valeur);
  } catch {
    return undefined;
  }
};

/**
 * An agent's roles ("Greffier, Magistrat taxateur") or perimeter ("Juridictions : 750 · Cours
 * d'appel : CA-PARIS · Support national") in words, from the JSON the agent table stores. The roles'
 * labels come from the server (`property.props.libelles`).
 */
export const texteDroits = (chemin, brut, libelles = {}) => {
  const v = lire(brut);
  if (chemin === "roles") return Array.isArray(v) ? v.map((r) => libelles[r] ?? r).join(", ") : String(brut ?? "");
  if (v === null || typeof v !== "object") return String(brut ?? "");
  const parties = [];
  if (Array.isArray(v.juridictions) && v.juridictions.length > 0) parties.push(`Juridictions : ${v.juridictions.join(", ")}`);
  if (Array.isArray(v.coursAppel) && v.coursAppel.length > 0) parties.push(`Cours d'appel : ${v.coursAppel.join(", ")}`);
  if (v.supportNational === true) parties.push("Support national");
  return parties.length === 0 ? "—" : parties.join(" · ");
};

const DroitsAgent = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const texte = texteDroits(property.path, record.params[property.path], property.props?.libelles);
  if (where === "show") return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{texte}</ValueGroup>;
  return <span>{texte}</span>;
};

export default DroitsAgent;
