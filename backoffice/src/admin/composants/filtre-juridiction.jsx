import React, { useEffect, useState } from "react";
import { ApiClient, useTranslation } from "adminjs";

const api = new ApiClient();

/**
 * The juridiction filter of the mémoire list: its choices are the agent's juridictions as they are
 * now, asked of the server each time the filter is drawn (a juridiction created or renamed since
 * the start shows at once; AdminJS's `availableValues` would be fixed at start).
 */
const FiltreJuridiction = ({ property, filter, onChange }) => {
  const { translateProperty } = useTranslation();
  const [options, setOptions] = useState(null);
  useEffect(() => {
    let actif = true;
    api
      .resourceAction({ resourceId: property.resourceId, actionName: "juridictions" })
      .then((r) => actif && setOptions((r.data && r.data.juridictions) || []))
      .catch(() => actif && setOptions([]));
    return () => {
      actif = false;
    };
  }, [property.resourceId]);
  const valeur = filter[property.path] || "";
  return (
    <div style={{ marginBottom: 24 }}>
      <label htmlFor="filtre-juridiction" style={{ display: "block", fontSize: 12, marginBottom: 8, fontWeight: 300, lineHeight: "16px" }}>
        {translateProperty(property.label, property.resourceId)}
      </label>
      <select
        id="filtre-juridiction"
        data-testid="filtre-juridiction"
        value={valeur}
        onChange={(e) => onChange(property.path, e.target.value)}
        style={{ width: "100%", padding: "8px", border: "1px solid #c0c0ca", borderRadius: 2, background: "#fff", fontSize: 14 }}
      >
        <option value="">{options === null ? "Chargement…" : "Toutes mes juridictions"}</option>
        {(options || []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

export default FiltreJuridiction;
