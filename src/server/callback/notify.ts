import nodemailer from "nodemailer";

/**
 * The notice of a new request to the service's mailbox, by SMTP (nodemailer). It carries NO personal data:
 * no first name, no phone number, no commune, no result, no request id, not even the time of the request;
 * only « une nouvelle demande vous attend » and the address of the inbox. E-mail is not a place for health
 * data (docs/rappel.md).
 */
export interface Notifier {
  notifyNewRequest(to: string): Promise<void>;
  close(): void;
}

export const NOTICE_SUBJECT = "Mille Jours : une nouvelle demande vous attend";

export function noticeText(publicUrl: URL | null): string {
  const inbox = publicUrl ? new URL("/pilotage/rappels", publicUrl).toString() : null;
  return [
    "Bonjour,",
    "",
    "Une nouvelle demande vous attend sur Mille Jours.",
    "",
    inbox ? `Consultez-la dans votre espace : ${inbox}` : "Consultez-la dans votre espace de pilotage, rubrique « Rappels ».",
    "",
    "Ce message ne contient volontairement aucune information sur la personne.",
    "",
    "— Mille Jours (message automatique, ne pas répondre)",
  ].join("\n");
}

/** A notifier sending through SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`). */
export function smtpNotifier(smtpUrl: string, from: string, publicUrl: URL | null): Notifier {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async notifyNewRequest(to) {
      await transport.sendMail({ from, to, subject: NOTICE_SUBJECT, text: noticeText(publicUrl) });
    },
    close() {
      transport.close();
    },
  };
}
