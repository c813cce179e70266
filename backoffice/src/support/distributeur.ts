import type { Courriel, Expediteur } from "@frais-justice/support";
import type { ConfigurationSmtp } from "@frais-justice/support/adapters";
import type { BoiteADistribuer } from "../base/boite-envoi.js";

/** What one delivery run did. */
export interface BilanDistribution {
  readonly envoyes: number;
  readonly echecs: number;
  /** Messages another instance had already taken. */
  readonly dejaPris: number;
}

/** Settings of the delivery. */
export interface OptionsDistributeur {
  /** The clock (default: the system's). */
  readonly horloge?: () => Date;
  /** Messages per run (default 100). */
  readonly lot?: number;
  /** Attempts before a failed message is left alone (default 5). */
  readonly tentativesMax?: number;
  /** Milliseconds between two runs (default: one minute). */
  readonly intervalleMs?: number;
  readonly surErreur?: (erreur: unknown) => void;
}

/**
 * Delivers an outbox (the tickets', the mémoires' notices) through an {@link Expediteur} (SMTP with nodemailer in production). Each
 * message is first taken (`prendre`: one attempt counted, only if nobody took it since it was read),
 * then sent, then marked `ENVOYE` with the transport's id, or `ECHEC` with the error (retried on the
 * next runs until `tentativesMax`). Without an expéditeur — the embedded default — nothing is sent and
 * the messages stay in the outbox, where the back-office shows them.
 */
export class DistributeurMessages<C extends Courriel> {
  #minuterie: ReturnType<typeof setInterval> | undefined;
  #enCours: Promise<BilanDistribution> | undefined;
  private readonly horloge: () => Date;

  constructor(
    private readonly boite: BoiteADistribuer<C>,
    private readonly expediteur: Expediteur<C> | undefined,
    private readonly options: OptionsDistributeur = {},
  ) {
    this.horloge = options.horloge ?? (() => new Date());
  }

  /** `true` when messages leave the outbox (an expéditeur is configured). */
  get actif(): boolean {
    return this.expediteur !== undefined;
  }

  /** One run (joins the run in progress). */
  distribuer(): Promise<BilanDistribution> {
    if (this.#enCours !== undefined) return this.#enCours;
    const run = this.passage().finally(() => {
      this.#enCours = undefined;
    });
    this.#enCours = run;
    return run;
  }

  private async passage(): Promise<BilanDistribution> {
    const expediteur = this.expediteur;
    if (expediteur === undefined) return { envoyes: 0, echecs: 0, dejaPris: 0 };
    let envoyes = 0;
    let echecs = 0;
    let dejaPris = 0;
    for (const m of await this.boite.aDistribuer(this.options.lot ?? 100, this.options.tentativesMax ?? 5)) {
      if (!(await this.boite.prendre(m.id, m.tentatives))) {
        dejaPris += 1;
        continue;
      }
      try {
        const accuse = await expediteur.envoyer(m.message);
        await this.boite.marquerEnvoye(m.id, accuse.identifiant, this.horloge());
        envoyes += 1;
      } catch (e) {
        await this.boite.marquerEchec(m.id, e instanceof Error ? e.message : String(e));
        echecs += 1;
      }
    }
    return { envoyes, echecs, dejaPris };
  }

  /** Starts the periodic runs (none without an expéditeur); the timer does not keep the process alive. */
  demarrer(): void {
    if (this.#minuterie !== undefined || this.expediteur === undefined) return;
    const tourner = () => void this.distribuer().catch((e: unknown) => this.options.surErreur?.(e));
    this.#minuterie = setInterval(tourner, this.options.intervalleMs ?? 60 * 1000);
    this.#minuterie.unref();
    tourner();
  }

  async arreter(): Promise<void> {
    if (this.#minuterie !== undefined) clearInterval(this.#minuterie);
    this.#minuterie = undefined;
    await this.#enCours?.catch(() => undefined);
  }
}

/**
 * SMTP settings from the environment, or `undefined` (the embedded default: messages stay in the
 * outbox) when `FJ_SMTP_HOTE` is unset. `FJ_SMTP_PORT` (default 587), `FJ_SMTP_SECURISE` (`oui`: TLS
 * from the start, port 465; otherwise STARTTLS when offered), `FJ_SMTP_UTILISATEUR`,
 * `FJ_SMTP_MOT_DE_PASSE`, `FJ_SMTP_EXPEDITEUR` (default `Support des frais de justice <FJ_SUPPORT_ADRESSE_NATIONALE>`).
 */
export const configurationSmtpDepuis = (env: NodeJS.ProcessEnv = process.env): ConfigurationSmtp | undefined => {
  const hote = env["FJ_SMTP_HOTE"];
  if (hote === undefined || hote.trim() === "") return undefined;
  const port = Number(env["FJ_SMTP_PORT"] ?? "587");
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`FJ_SMTP_PORT : port invalide « ${env["FJ_SMTP_PORT"] ?? ""} »`);
  const utilisateur = env["FJ_SMTP_UTILISATEUR"];
  const motDePasse = env["FJ_SMTP_MOT_DE_PASSE"];
  return {
    hote: hote.trim(),
    port,
    securise: env["FJ_SMTP_SECURISE"] === "oui",
    ...(utilisateur === undefined || utilisateur === "" ? {} : { utilisateur }),
    ...(motDePasse === undefined || motDePasse === "" ? {} : { motDePasse }),
    expediteur: env["FJ_SMTP_EXPEDITEUR"] ?? `Support des frais de justice <${env["FJ_SUPPORT_ADRESSE_NATIONALE"] ?? "support@frais-justice.example.fr"}>`,
  };
};
