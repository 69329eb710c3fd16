/**
 * The S3 client and its presigner are a file apart in the API's bundle (s3.js beside api.js; functions/api/bundle.js):
 * a cold start neither loads nor parses them, and functions/store/files.ts requires them on first use. Here the file
 * apart, loaded on its own in a fresh process as Lambda would load it, presigns an upload that the local S3 accepts,
 * and the bundle itself holds none of the S3 client.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningS3, startS3Local } from '../../functions/local/s3Local';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'bundle-files-'));
const outdir = join(work, 'bundle');
let s3: RunningS3;

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'functions', 'api', 'bundle.js'), join(root, 'dist', 'functions', 'api', 'handler.js'), outdir], { cwd: root, stdio: 'pipe' });
  s3 = await startS3Local({ directory: join(work, 's3'), bucket: 'bundle-files', origins: ['http://localhost:4000'] });
}, 180_000);
afterAll(async () => {
  await s3?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the S3 client, a file apart in the bundle', () => {
  it('is not in api.js, which requires s3.js where files.ts asks for it', () => {
    const api = readFileSync(join(outdir, 'api.js'), 'utf8');
    expect(api).toContain('require("./s3.js")');
    // The S3 client's endpoint rules name its access points for Object Lambda; nothing else in the bundle does.
    expect(api).not.toContain('s3-object-lambda');
    expect(readFileSync(join(outdir, 's3.js'), 'utf8')).toContain('s3-object-lambda');
  });

  it('loaded on its own, presigns an upload the local S3 accepts, and reads it back', async () => {
    const script = `
      const { S3Client, PutObjectCommand, HeadObjectCommand, getSignedUrl } = require(${JSON.stringify(join(outdir, 's3.js'))});
      const client = new S3Client({ region: 'ap-northeast-1', endpoint: ${JSON.stringify(s3.endpoint)}, forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
      (async () => {
        const body = Buffer.from('様式第8号の添付');
        const size = body.length;
        const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: 'bundle-files', Key: 'attachments/a1', ContentType: 'text/plain', ContentLength: size }),
          { expiresIn: 300, signableHeaders: new Set(['content-type', 'content-length']) });
        const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body });
        const head = await client.send(new HeadObjectCommand({ Bucket: 'bundle-files', Key: 'attachments/a1' }));
        process.stdout.write(JSON.stringify({ put: put.status, size: head.ContentLength, expected: size }));
      })().catch((e) => { console.error(e); process.exit(1); });
    `;
    // Not execFileSync: the local S3 answers from this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: '/', env: { PATH: process.env.PATH }, encoding: 'utf8' });
    const out = JSON.parse(stdout);
    expect(out.put).toBe(200);
    expect(out.size).toBe(out.expected);
  }, 60_000);
});
