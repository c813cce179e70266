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

/** Form of core's creerAgent, plus the initial password (checked by core's policy on the server). */
const NouvelAgent = ({ resource, action }) => {
  const [s, setS] = useState({ email: "", nom: "", prenom: "", roles: [], juridictions: "", coursAppel: "", motDePasse: "" });
  const [erreur, setErreur] = useState(null);
  const maj = (k) => (e) => setS({ ...s, [k]: e.target.value });
  const basculer = (r) => setS({ ...s, roles: s.roles.includes(r) ? s.roles.filter((x) => x !== r) : [...s.roles, r] });
  const envoyer = async (e) => {
    e.preventDefault();
    setErreur(null);
    try {
      const r = await api.resourceAction({ resourceId: resource.id, actionName: action.name, data: { saisie: JSON.stringify(s) }, method: "post" });
      window.location.href = (r.data && r.data.redirectUrl) || window.location.href;
    } catch (x) {
      const notice = x && x.response && x.response.data && x.response.data.notice;
      setErreur(notice ? notice.message : "Erreur : rien n'a été enregistré.");
    }
  };
  return (
    <form onSubmit={envoyer} style={{ background: "#fff", padding: 20, borderRadius: 4, maxWidth: 640 }}>
      <h2 style={{ marginTop: 0 }}>Nouvel agent</h2>
      <label>Adresse électronique<input style={champ} value={s.email} onChange={maj("email")} /></label>
      <label>Prénom<input style={champ} value={s.prenom} onChange={maj("prenom")} /></label>
      <label>Nom<input style={champ} value={s.nom} onChange={maj("nom")} /></label>
      <div style={{ marginBottom: 10 }}>
        Rôles :{" "}
        {ROLES.map(([v, l]) => (
          <label key={v} style={{ marginRight: 12 }}><input type="checkbox" checked={s.roles.includes(v)} onChange={() => basculer(v)} /> {l}</label>
        ))}
      </div>
      <label>Juridictions (codes séparés par des virgules)<input style={champ} value={s.juridictions} onChange={maj("juridictions")} /></label>
      <label>Cours d'appel (codes)<input style={champ} value={s.coursAppel} onChange={maj("coursAppel")} /></label>
      <label>Mot de passe initial (12 caractères, 3 types)<input type="password" style={champ} value={s.motDePasse} onChange={maj("motDePasse")} /></label>
      {erreur ? <div style={{ color: "#a00", marginBottom: 10 }}>{erreur}</div> : null}
      <button type="submit" style={{ background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4 }}>Créer l'agent</button>
    </form>
  );
};

export default NouvelAgent;
