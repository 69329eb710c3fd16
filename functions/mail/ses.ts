/** Amazon SES (API v2, SendEmail): how the deployed sender sends. The sender's address is a verified SES identity. */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { traced } from '../api/telemetry';
import { OutgoingMail, Transport } from './transport';

/**
 * `"name" <address>` for a header: a name outside ASCII (the city's, in Japanese) as an RFC 2047 encoded word,
 * as SES requires of FromEmailAddress.
 */
export function headerAddress(from: OutgoingMail['from']): string {
  // eslint-disable-next-line no-control-regex
  const name = /^[\x20-\x7e]*$/.test(from.name) ? `"${from.name.replace(/["\\]/g, '\\$&')}"` : `=?UTF-8?B?${Buffer.from(from.name, 'utf8').toString('base64')}?=`;
  return `${name} <${from.address}>`;
}

export class SesTransport implements Transport {
  /** Its calls are X-Ray subsegments where tracing is on (functions/api/telemetry.ts). */
  constructor(private readonly client = traced(new SESv2Client({ maxAttempts: 3 }))) {}

  async send(mail: OutgoingMail): Promise<string> {
    const out = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: headerAddress(mail.from),
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    if (!out.MessageId) throw new Error('SES accepted the mail but gave no MessageId');
    return out.MessageId;
  }
}
