import React, { useEffect, useState } from "react";
import { ApiClient, useTranslation } from "adminjs";

const api = new ApiClient();

/**
 * A list filter whose choices are the agent's own as they are now (the mémoires' juridictions, the
 * tickets' queues), asked of the server each time the filter is drawn: a juridiction created or
 * renamed since the start shows at once (AdminJS's `availableValues` would be fixed at start).
 * The property's `custom` names the resource action that answers `{ choix: [{ value, label }] }`
 * (`action`), the empty choice's label (`tous`) and the element's id (`id`).
 */
const FiltreChoix = ({ property, filter, onChange }) => {
  const { translateProperty } = useTranslation();
  const { action, tous, id } = property.custom || {};
  const [options, setOptions] = useState(null);
  useEffect(() => {
    let actif = true;
    api
      .resourceAction({ resourceId: property.resourceId, actionName: action })
      .then((r) => actif && setOptions((r.data && r.data.choix) || []))
      .catch(() => actif && setOptions([]));
    return () => {
      actif = false;
    };
  }, [property.resourceId, action]);
  const valeur = filter[property.path] || "";
  // A value of the URL that is none of the choices (an outdated link): shown as it is applied, marked,
  // rather than as the empty choice (the list's notice names it too).
  const horsChoix = options !== null && valeur !== "" && !options.some((o) => o.value === valeur);
  return (
    <div style={{ marginBottom: 24 }}>
      <label htmlFor={id} style={{ display: "block", fontSize: 12, marginBottom: 8, fontWeight: 300, lineHeight: "16px" }}>
        {translateProperty(property.label, property.resourceId)}
      </label>
      <select
        id={id}
        data-testid={id}
        value={valeur}
        onChange={(e) => onChange(property.path, e.target.value)}
        style={{ width: "100%", padding: "8px", border: "1px solid #c0c0ca", borderRadius: 2, background: "#fff", fontSize: 14 }}
      >
        <option value="">{options === null ? "Chargement…" : tous}</option>
        {horsChoix && <option value={valeur}>{`${valeur} (valeur inconnue)`}</option>}
        {(options || []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

export default FiltreChoix;
