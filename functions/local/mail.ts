/**
 * Mail under `npm start`: the mail catcher (maildev) on free ports, and the stream reader feeding the table's new
 * notices to the same sender as the deployed Lambda, sending by SMTP into the catcher. Every notice mailed locally
 * shows on the catcher's page; nothing leaves the machine.
 */
import { join } from 'node:path';
import { StoreConfig } from '../store/client';
import { Store } from '../store/store';
import { Log, sendNoticeMails } from '../mail/sender';
import { SmtpTransport } from '../mail/smtp';
import { startMailCatcher } from './mailCatcher';
import { LocalStreamReader } from './streamReader';

/** The sender's address locally (MAIL_FROM to change it). */
export const LOCAL_MAIL_FROM = 'noreply@city.shiroishi.example';

export interface LocalMail {
  /** The catcher's page: every mail sent. */
  webUrl: string;
  stop(): Promise<void>;
  /** Stops the catcher at once (the process is exiting). */
  kill(): void;
}

export async function startLocalMail(options: { config: StoreConfig; dataDir: string; linkBaseUrl: string; log: Log }): Promise<LocalMail> {
  const catcher = await startMailCatcher({ mailDirectory: join(options.dataDir, 'mail') });
  const transport = new SmtpTransport(catcher.smtp);
  const reader = new LocalStreamReader({
    config: options.config,
    log: options.log,
    onRecords: (records) =>
      sendNoticeMails({ store: new Store(options.config), transport, from: process.env.MAIL_FROM || LOCAL_MAIL_FROM, linkBaseUrl: options.linkBaseUrl, log: options.log }, records),
  });
  try {
    await reader.start();
  } catch (e) {
    await catcher.stop();
    throw e;
  }
  return {
    webUrl: `${catcher.webUrl}/`,
    async stop() {
      await reader.stop();
      transport.close();
      await catcher.stop();
    },
    kill() {
      catcher.process.kill('SIGKILL');
    },
  };
}
