import React from "react";

const s = {
  section: { background: "#fff", padding: "16px 20px", marginBottom: 16, borderRadius: 4, boxShadow: "0 1px 3px rgba(0,0,0,.08)" },
  h: { fontSize: 16, fontWeight: 700, margin: "0 0 12px" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: 13 },
  th: { textAlign: "left", borderBottom: "2px solid #ddd", padding: "6px 8px", fontWeight: 600 },
  td: { borderBottom: "1px solid #eee", padding: "6px 8px", verticalAlign: "top" },
  grille: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: "8px 24px", fontSize: 13 },
  vide: { color: "#666", fontSize: 13 },
  ok: { color: "#0a6b2d", fontWeight: 600 },
  ko: { color: "#a00", fontWeight: 600 },
};

const Champ = ({ libelle, valeur }) => (
  <div>
    <div style={{ color: "#666", fontSize: 12 }}>{libelle}</div>
    <div>{valeur || "—"}</div>
  </div>
);

const Tableau = ({ id, colonnes, lignes, vide }) =>
  lignes.length === 0 ? (
    <p style={s.vide}>{vide}</p>
  ) : (
    <table style={s.table} data-testid={id}>
      <thead>
        <tr>{colonnes.map((c) => <th key={c} style={s.th}>{c}</th>)}</tr>
      </thead>
      <tbody>{lignes}</tbody>
    </table>
  );

/** Show page of a structure: identity, address, informations mémoire, services, bank details, mandats, members, prérequis, audit. */
const OrganisationStructure = ({ record }) => {
  let d;
  try {
    d = JSON.parse(record.params.detail);
  } catch (e) {
    return <div style={s.section}>Détail indisponible.</div>;
  }
  const gestion = ["desactiver-coordonnee", "reactiver-coordonnee", "revoquer-mandat", "revoquer-habilitation"];
  const gerable = (record.recordActions || []).some((a) => gestion.includes(a.name));
  return (
    <div data-testid="detail-structure">
      {gerable ? null : (
        <p style={{ ...s.section, color: "#555", fontSize: 13 }} data-testid="lecture-seule">
          Consultation seule : les coordonnées bancaires, les mandats, les rattachements et les habilitations sont gérés par les
          gestionnaires de la structure (matrice des rôles).
        </p>
      )}
      <section style={s.section}>
        <h2 style={s.h}>{d.raisonSociale}</h2>
        <div style={s.grille}>
          <Champ libelle="Type d'identifiant" valeur={d.identifiant.type} />
          <Champ libelle="Identifiant" valeur={d.identifiant.valeur} />
          <Champ libelle="État" valeur={d.statut} />
          <Champ libelle="Adresse" valeur={d.adresse} />
          <Champ libelle="Créée le" valeur={d.creeLe} />
          <Champ libelle="Espaces ouverts" valeur={d.espacesOuverts.join(", ")} />
        </div>
      </section>
      <section style={s.section}>
        <h3 style={s.h}>Informations mémoire</h3>
        <div style={s.grille}>
          <Champ libelle="Catégorie de prestataire" valeur={d.informationsMemoire.categorie} />
          <Champ libelle="Régime" valeur={d.informationsMemoire.regime} />
          <Champ libelle="Droit d'option" valeur={d.informationsMemoire.droitOption} />
        </div>
        <h4 style={{ margin: "12px 0 6px", fontSize: 14 }}>Prérequis à l'émission de mémoires</h4>
        {d.prerequisManquants.length === 0 ? (
          <p style={s.ok} data-testid="prerequis">Tous les prérequis sont remplis.</p>
        ) : (
          <ul style={s.ko} data-testid="prerequis">{d.prerequisManquants.map((p) => <li key={p}>{p}</li>)}</ul>
        )}
      </section>
      <section style={s.section}>
        <h3 style={s.h}>Services</h3>
        <Tableau
          id="services"
          colonnes={["Code", "Libellé", "État"]}
          vide="Aucun service."
          lignes={d.services.map((x) => (
            <tr key={x.code}><td style={s.td}>{x.code}</td><td style={s.td}>{x.libelle}</td><td style={s.td}>{x.etat}</td></tr>
          ))}
        />
      </section>
      <section style={s.section}>
        <h3 style={s.h}>Coordonnées bancaires</h3>
        <Tableau
          id="coordonnees-bancaires"
          colonnes={["Libellé", "Compte", "BIC", "Affactureur", "Justificatif", "Créée le", "État"]}
          vide="Aucune coordonnée bancaire."
          lignes={d.coordonnees.map((c) => (
            <tr key={c.id} data-testid={`coordonnee-${c.id}`}>
              <td style={s.td}>{c.libelle}</td>
              <td style={{ ...s.td, fontFamily: "monospace" }}>{c.compte}</td>
              <td style={s.td}>{c.bic || "—"}</td>
              <td style={s.td}>{c.affactureur ? "Oui" : "Non"}</td>
              <td style={s.td}>{c.fichier}</td>
              <td style={s.td}>{c.creeLe}</td>
              <td style={{ ...s.td, ...(c.active ? s.ok : {}) }}>{c.etat}</td>
            </tr>
          ))}
        />
      </section>
      <section style={s.section}>
        <h3 style={s.h}>Mandats de facturation</h3>
        <Tableau
          id="mandats"
          colonnes={["Libellé", "Mandant", "Mandataire", "Signataire", "Créé le", "Signé le", "Révoqué le", "État"]}
          vide="Aucun mandat de facturation."
          lignes={d.mandats.map((m) => (
            <tr key={m.id} data-testid={`mandat-${m.id}`}>
              <td style={s.td}>{m.libelle}</td>
              <td style={s.td}>{m.mandant}</td>
              <td style={s.td}>{m.mandataire}</td>
              <td style={s.td}>{m.signataire}</td>
              <td style={s.td}>{m.creeLe}</td>
              <td style={s.td}>{m.signeLe || "—"}</td>
              <td style={s.td}>{m.revoqueLe || "—"}</td>
              <td style={s.td}>{m.statut}</td>
            </tr>
          ))}
        />
      </section>
      <section style={s.section}>
        <h3 style={s.h}>Utilisateurs rattachés</h3>
        <Tableau
          id="membres"
          colonnes={["Utilisateur", "Rôle", "Service", "Depuis", "Compte", "Habilitations"]}
          vide="Aucun utilisateur rattaché."
          lignes={d.membres.map((m) => (
            <tr key={m.utilisateurId} data-testid={`membre-${m.utilisateurId}`}>
              <td style={s.td}>
                <a href={`/admin/resources/utilisateurs/records/${encodeURIComponent(m.utilisateurId)}/show`}>{m.nom}</a>
                <div style={{ color: "#666" }}>{m.email}</div>
              </td>
              <td style={s.td}>{m.role}</td>
              <td style={s.td}>{m.service}</td>
              <td style={s.td}>{m.depuis}</td>
              <td style={s.td}>{m.compte}</td>
              <td style={s.td}>
                {m.habilitations.length === 0
                  ? m.codeRole === "UTILISATEUR" ? "Aucune" : "Tous les droits (gestionnaire)"
                  : m.habilitations.map((h) => <div key={h.id}>{h.profil} — {h.portee}</div>)}
              </td>
            </tr>
          ))}
        />
      </section>
      <section style={s.section}>
        <h3 style={s.h}>Historique des actions du back-office</h3>
        <Tableau
          id="historique-organisation"
          colonnes={["Le", "Action", "Par", "Élément"]}
          vide="Aucune action enregistrée."
          lignes={d.historique.map((e, i) => (
            <tr key={i}><td style={s.td}>{e.le}</td><td style={s.td}>{e.type}</td><td style={s.td}>{e.auteur}</td><td style={s.td}>{e.cibleId}</td></tr>
          ))}
        />
      </section>
    </div>
  );
};

export default OrganisationStructure;
