import React, { useState } from "react";
import { useTranslation } from "adminjs";
import { posterAction } from "./poster-action.js";

const champ = { display: "block", width: "100%", padding: 6, border: "1px solid #bbb", borderRadius: 3, boxSizing: "border-box", marginBottom: 10 };

/** New juridiction (no record) or new libellé (record): core's creerJuridiction / renommerJuridiction on the server. */
const JuridictionFormulaire = ({ resource, record, action }) => {
  const { translateLabel } = useTranslation();
  // The kinds of the resource's `type` property (core's list), by their French labels.
  const types = (resource.properties.type?.availableValues ?? []).map((v) => v.value);
  const [s, setS] = useState({ code: "", libelle: record ? record.params.libelle : "", type: "TRIBUNAL_JUDICIAIRE", courAppel: "" });
  const [erreur, setErreur] = useState(null);
  const maj = (k) => (e) => setS({ ...s, [k]: e.target.value });
  const envoyer = async (e) => {
    e.preventDefault();
    setErreur(null);
    setErreur(await posterAction({ resource, record, action, data: { saisie: JSON.stringify(s) } }));
  };
  return (
    <form onSubmit={envoyer} style={{ background: "#fff", padding: 20, borderRadius: 4, maxWidth: 640 }}>
      <h2 style={{ marginTop: 0 }}>{record ? `Renommer ${record.params.code}` : "Nouvelle juridiction"}</h2>
      {record ? null : <label>Code<input style={champ} value={s.code} onChange={maj("code")} /></label>}
      <label>Libellé<input style={champ} value={s.libelle} onChange={maj("libelle")} /></label>
      {record ? null : (
        <div>
          <label>Type<select style={champ} value={s.type} onChange={maj("type")}>{types.map((t) => <option key={t} value={t}>{translateLabel(`type.${t}`, resource.id, { defaultValue: t })}</option>)}</select></label>
          <label>Cour d'appel (code)<input style={champ} value={s.courAppel} onChange={maj("courAppel")} /></label>
        </div>
      )}
      {erreur ? <div style={{ color: "#a00", marginBottom: 10 }}>{erreur}</div> : null}
      <button type="submit" style={{ background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4 }}>Enregistrer</button>
    </form>
  );
};

export default JuridictionFormulaire;
