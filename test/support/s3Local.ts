/** The local S3 of the tests: s3rver (functions/local/s3Local.ts) on a free port, its objects in a folder of its own. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningS3, startS3Local } from '../../functions/local/s3Local';
import { LOCAL_BUCKET } from '../../functions/store/files';

export async function startTestS3(): Promise<RunningS3> {
  const directory = mkdtempSync(join(tmpdir(), 'regulation-s3-'));
  const s3 = await startS3Local({ directory, bucket: LOCAL_BUCKET, origins: ['http://localhost:4000'] });
  return {
    ...s3,
    stop: async () => {
      await s3.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
