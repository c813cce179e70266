import React from "react";

const s = {
  section: { background: "#fff", padding: "16px 20px", marginBottom: 16, borderRadius: 4, boxShadow: "0 1px 3px rgba(0,0,0,.08)" },
  h: { fontSize: 16, fontWeight: 700, margin: "0 0 12px" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: 13 },
  th: { textAlign: "left", borderBottom: "2px solid #ddd", padding: "6px 8px", fontWeight: 600 },
  td: { borderBottom: "1px solid #eee", padding: "6px 8px", verticalAlign: "top" },
  grille: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: "8px 24px", fontSize: 13 },
};

const Champ = ({ libelle, valeur, testid }) => (
  <div data-testid={testid}>
    <div style={{ color: "#666", fontSize: 12 }}>{libelle}</div>
    <div>{valeur === undefined || valeur === "" ? "—" : valeur}</div>
  </div>
);

/** Show page of a prestataire-side user: account state, rattachements and habilitations per structure and service. */
const OrganisationUtilisateur = ({ record }) => {
  let d;
  try {
    d = JSON.parse(record.params.detail);
  } catch (e) {
    return <div style={s.section}>Détail indisponible.</div>;
  }
  return (
    <div data-testid="detail-utilisateur">
      <section style={s.section}>
        <h2 style={s.h}>{d.nom}</h2>
        <div style={s.grille}>
          <Champ libelle="Adresse électronique" valeur={d.email} />
          <Champ libelle="État du compte" valeur={d.compte} testid="etat-compte" />
          <Champ libelle="Échecs de connexion consécutifs" valeur={String(d.echecsConnexion)} />
          <Champ libelle="Compte créé le" valeur={d.creeLe} />
          <Champ libelle="Mot de passe changé le" valeur={d.motDePasseModifieLe} />
        </div>
      </section>
      <section style={s.section}>
        <h3 style={s.h}>Rattachements et habilitations</h3>
        {d.rattachements.length === 0 ? (
          <p style={{ color: "#666" }}>Rattaché à aucune structure.</p>
        ) : (
          <table style={s.table} data-testid="rattachements">
            <thead>
              <tr>{["Structure", "Rôle", "Service", "Depuis", "Habilitations"].map((c) => <th key={c} style={s.th}>{c}</th>)}</tr>
            </thead>
            <tbody>
              {d.rattachements.map((r) => (
                <tr key={r.structureId}>
                  <td style={s.td}><a href={`/admin/resources/structures/records/${encodeURIComponent(r.structureId)}/show`}>{r.raisonSociale}</a></td>
                  <td style={s.td}>{r.role}</td>
                  <td style={s.td}>{r.service}</td>
                  <td style={s.td}>{r.depuis}</td>
                  <td style={s.td}>
                    {r.habilitations.length === 0
                      ? "—"
                      : r.habilitations.map((h) => <div key={h.id}>{h.profil} ({h.mode}) — {h.portee}, depuis le {h.depuis}</div>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
};

export default OrganisationUtilisateur;
