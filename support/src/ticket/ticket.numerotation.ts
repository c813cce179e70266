import { Either } from "effect";
import { NumeroTicketInvalide } from "./ticket.errors.js";

/** Ticket numbers: `CPROCS` + 7 digits (seed 001: `CPROCS0048685`). */
export const FORMAT_NUMERO_TICKET = /^CPROCS\d{7}$/;

/**
 * The number of the `valeur`-th ticket, from a sequence the adapter keeps unique
 * (`formaterNumeroTicket(48685)` → `CPROCS0048685`).
 */
export const formaterNumeroTicket = (valeur: number): Either.Either<string, NumeroTicketInvalide> =>
  Number.isInteger(valeur) && valeur >= 1 && valeur <= 9_999_999
    ? Either.right(`CPROCS${String(valeur).padStart(7, "0")}`)
    : Either.left(new NumeroTicketInvalide({ valeur }));
