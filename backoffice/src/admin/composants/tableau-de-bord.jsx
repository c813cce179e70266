import React, { useEffect, useState } from "react";
import { ApiClient } from "adminjs";
import "./textes-du-client.js";

const api = new ApiClient();
const carte = { background: "#fff", padding: 16, borderRadius: 4, boxShadow: "0 1px 3px rgba(0,0,0,.08)" };
const BLEU = "#3366cc";
/** Backlog by age: the older, the warmer. */
const COULEURS_ANCIENNETE = ["#109618", "#ff9900", "#dc3912", "#8b0000"];

/**
 * Horizontal bars: [{ libelle, valeur }], one colour each from `couleurs` (all blue by default);
 * with `lien(d)`, each bar opens that address (the list behind the figure).
 */
const Barres = ({ donnees, format, couleurs = [BLEU], lien }) => {
  const max = Math.max(1, ...donnees.map((d) => d.valeur));
  const h = 24;
  return (
    <svg width="100%" viewBox={`0 0 520 ${donnees.length * h + 4}`} role="img">
      {donnees.map((d, i) => {
        const barre = (
          <g transform={`translate(0, ${i * h})`}>
            <text x="170" y="16" textAnchor="end" fontSize="12">{d.libelle}</text>
            <rect x="178" y="4" height="16" width={Math.max(1, (d.valeur / max) * 260)} fill={couleurs[i % couleurs.length]} />
            <text x={184 + (d.valeur / max) * 260} y="16" fontSize="12">{format ? format(d.valeur) : d.valeur}</text>
          </g>
        );
        return lien ? <a key={d.libelle} href={lien(d)} data-testid={`lien-${d.libelle}`}>{barre}</a> : <React.Fragment key={d.libelle}>{barre}</React.Fragment>;
      })}
    </svg>
  );
};

/** Vertical columns over time: [{ libelle, valeur }]. */
const Colonnes = ({ donnees }) => {
  const max = Math.max(1, ...donnees.map((d) => d.valeur));
  const l = 520 / Math.max(1, donnees.length);
  return (
    <svg width="100%" viewBox="0 0 520 180" role="img">
      {donnees.map((d, i) => {
        const hauteur = (d.valeur / max) * 130;
        return (
          <g key={d.libelle}>
            <rect x={i * l + 4} y={150 - hauteur} width={l - 8} height={hauteur} fill={BLEU} />
            <text x={i * l + l / 2} y={145 - hauteur} fontSize="10" textAnchor="middle">{d.valeur}</text>
            <text x={i * l + l / 2} y="166" fontSize="9" textAnchor="middle">{d.libelle}</text>
          </g>
        );
      })}
    </svg>
  );
};

const euros = (c) => `${(c / 100).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

const nombre = { textAlign: "right", padding: "4px 8px", borderBottom: "1px solid #eee" };
const cellule = { padding: "4px 8px", borderBottom: "1px solid #eee" };

/** Support tickets of the agent's queues: open, waiting for the requester, overdue; each queue links to its list. */
const Support = ({ s }) => {
  const racine = window.location.pathname.replace(/\/$/, "");
  const liste = (cle) => `${racine}/resources/tickets?${new URLSearchParams({ "filters.file": cle }).toString()}`;
  return (
    <div style={{ ...carte, marginBottom: 16 }} data-testid="tableau-de-bord-support">
      <h3 style={{ marginTop: 0 }}>Tickets de support</h3>
      <div style={{ display: "flex", gap: 32, marginBottom: 12 }}>
        <div><div style={{ fontSize: 28, fontWeight: 700 }} data-testid="support-ouverts">{s.totaux.ouverts}</div><div>ouverts (nouveaux et en cours)</div></div>
        <div><div style={{ fontSize: 28, fontWeight: 700 }} data-testid="support-en-attente">{s.totaux.enAttente}</div><div>en attente du demandeur</div></div>
        <div><div style={{ fontSize: 28, fontWeight: 700, color: s.totaux.enRetard > 0 ? "#dc3912" : undefined }} data-testid="support-en-retard">{s.totaux.enRetard}</div><div>en retard (sans activité depuis {s.joursAvantRetard} jours)</div></div>
      </div>
      <table style={{ width: "100%", borderCollapse: "collapse", fontSize: 13 }}>
        <thead><tr><th style={{ ...cellule, textAlign: "left" }}>File</th><th style={nombre}>Ouverts</th><th style={nombre}>En attente</th><th style={nombre}>En retard</th></tr></thead>
        <tbody>
          {s.files.map((f) => (
            <tr key={f.cle}>
              <td style={cellule}><a href={liste(f.cle)}>{f.libelle}</a></td>
              <td style={nombre}>{f.ouverts}</td><td style={nombre}>{f.enAttente}</td><td style={nombre}>{f.enRetard}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** The mémoires list of one état (in the agent's juridictions, oldest dépôt first). */
const listeDeLEtat = (d) =>
  `${window.location.pathname.replace(/\/$/, "")}/resources/memoires?${new URLSearchParams({ "filters.etat": d.etat, sortBy: "envoyeLe", direction: "asc" }).toString()}`;

const TableauDeBord = () => {
  const [d, setD] = useState(null);
  useEffect(() => {
    api.getDashboard().then((r) => setD(r.data));
  }, []);
  if (!d) return <div style={{ padding: 24 }}>Chargement…</div>;
  return (
    <div style={{ padding: 24 }} data-testid="tableau-de-bord">
      <h1 style={{ fontSize: 24, lineHeight: "32px", margin: "0 0 4px" }}>Tableau de bord</h1>
      <p style={{ margin: "0 0 16px", color: "#555" }}>
        {d.agent} — {d.juridictions.length === 0 ? "aucune juridiction" : `juridictions : ${d.juridictions.join(", ")}`}
      </p>
      {d.support ? <Support s={d.support} /> : null}
      {d.juridictions.length === 0 ? (d.support ? null : <p>Votre rôle ne donne pas accès aux mémoires.</p>) : (
        <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(480px, 1fr))", gap: 16 }}>
          <div style={carte}><h3>Mémoires par état</h3><Barres donnees={d.parEtat} lien={listeDeLEtat} /></div>
          <div style={carte}><h3>En attente, par ancienneté (jours depuis la mise à disposition)</h3><Barres donnees={d.anciennete} couleurs={COULEURS_ANCIENNETE} /></div>
          <div style={carte}><h3>Mémoires traités par semaine</h3><Colonnes donnees={d.parSemaine} /></div>
          <div style={carte}><h3>Montants taxés et demandés (mémoires taxés)</h3><Barres donnees={d.montantsTaxation} format={euros} couleurs={[BLEU, "#ff9900"]} /></div>
        </div>
      )}
    </div>
  );
};

export default TableauDeBord;
