/** How a mail leaves: SMTP locally (smtp.ts, into the mail catcher of `npm start`), Amazon SES deployed (ses.ts). */
import { NoticeMail } from '../domain/mail';

/** A mail as sent: the notice's mail and who sends it. */
export interface OutgoingMail extends NoticeMail {
  from: { name: string; address: string };
}

export interface Transport {
  /** Sends the mail; resolves to the message id the mail service gave it, rejects when it was not accepted. */
  send(mail: OutgoingMail): Promise<string>;
  /** Closes its connections (a long-lived local server stops). */
  close?(): void;
}
