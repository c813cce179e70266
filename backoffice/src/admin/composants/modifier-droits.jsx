import React, { useState } from "react";
import { ApiClient } from "adminjs";

const api = new ApiClient();
const ROLES = [
  ["GREFFIER", "Greffier"],
  ["MAGISTRAT_TAXATEUR", "Magistrat taxateur"],
  ["ORDONNATEUR", "Ordonnateur"],
  ["COMPTABLE", "Comptable"],
  ["SUPPORT", "Support"],
  ["ADMINISTRATEUR", "Administrateur"],
];
const champ = { display: "block", width: "100%", padding: 6, border: "1px solid #bbb", borderRadius: 3, boxSizing: "border-box", marginBottom: 10 };
const lire = (texte, defaut) => {
  try {
    return JSON.parse(texte);
  } catch (e) {
    return defaut;
  }
};

/** Roles and perimeter of an agent (core's modifierRolesAgent / modifierPerimetreAgent on the server). */
const ModifierDroits = ({ resource, record, action }) => {
  const perimetre = lire(record.params.perimetre, { juridictions: [], coursAppel: [] });
  const [roles, setRoles] = useState(lire(record.params.roles, []));
  const [juridictions, setJuridictions] = useState((perimetre.juridictions || []).join(", "));
  const [coursAppel, setCoursAppel] = useState((perimetre.coursAppel || []).join(", "));
  const [erreur, setErreur] = useState(null);
  const basculer = (r) => setRoles(roles.includes(r) ? roles.filter((x) => x !== r) : [...roles, r]);
  const envoyer = async (e) => {
    e.preventDefault();
    setErreur(null);
    try {
      const r = await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data: { saisie: JSON.stringify({ roles, juridictions, coursAppel }) } });
      window.location.href = (r.data && r.data.redirectUrl) || window.location.href;
    } catch (x) {
      const notice = x && x.response && x.response.data && x.response.data.notice;
      setErreur(notice ? notice.message : "Erreur : rien n'a été enregistré.");
    }
  };
  return (
    <form onSubmit={envoyer} style={{ background: "#fff", padding: 20, borderRadius: 4, maxWidth: 640 }}>
      <h2 style={{ marginTop: 0 }}>Droits de {record.params.email}</h2>
      <div style={{ marginBottom: 10 }}>
        Rôles :{" "}
        {ROLES.map(([v, l]) => (
          <label key={v} style={{ marginRight: 12 }}><input type="checkbox" checked={roles.includes(v)} onChange={() => basculer(v)} /> {l}</label>
        ))}
      </div>
      <label>Juridictions (codes séparés par des virgules)<input style={champ} value={juridictions} onChange={(e) => setJuridictions(e.target.value)} /></label>
      <label>Cours d'appel (codes)<input style={champ} value={coursAppel} onChange={(e) => setCoursAppel(e.target.value)} /></label>
      {erreur ? <div style={{ color: "#a00", marginBottom: 10 }}>{erreur}</div> : null}
      <button type="submit" style={{ background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4 }}>Enregistrer</button>
    </form>
  );
};

export default ModifierDroits;
