/** SMTP through nodemailer: what `npm start` sends its mail with, into the local mail catcher (maildev). */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { OutgoingMail, Transport } from './transport';

export class SmtpTransport implements Transport {
  private readonly transporter: nodemailer.Transporter<SMTPTransport.SentMessageInfo>;

  /** A plain SMTP server on this machine: no TLS, no sign-in (the catcher takes any mail). */
  constructor(options: { host: string; port: number }) {
    this.transporter = nodemailer.createTransport({ host: options.host, port: options.port, secure: false, ignoreTLS: true, connectionTimeout: 10_000 });
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transporter.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
    return info.messageId;
  }

  close(): void {
    this.transporter.close();
  }
}
