import { createTransport, type Transporter } from "nodemailer";

/**
 * A nodemailer transport that sends nothing (stream transport) and keeps each mail as sent, headers
 * included, in `mails`: give it to `ExpediteurSmtp` to test what leaves by SMTP without a network.
 */
export const transportEspion = (): { readonly transport: Transporter<{ readonly messageId: string }>; readonly mails: Array<string> } => {
  const flux = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const mails: Array<string> = [];
  const transport = {
    sendMail: async (options: Parameters<typeof flux.sendMail>[0]) => {
      const info = await flux.sendMail(options);
      mails.push(Buffer.from(info.message as Buffer).toString("utf8"));
      return info;
    },
    close: () => flux.close(),
  } as unknown as Transporter<{ readonly messageId: string }>;
  return { transport, mails };
};
