/** Checks on the raw request shared by the Lambda handler and the local server, before GraphQL sees it. */
import { CostMeter } from '../store/client';
import { LIMITS } from './server';

export interface Rejection {
  status: number;
  body: string;
  headers: Record<string, string>;
}

function reject(status: number, code: string, message: string): Rejection {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    // Nothing reached DynamoDB; the cost is still reported, as on every response.
    body: JSON.stringify({
      errors: [{ message, extensions: { code } }],
      extensions: { cost: new CostMeter().snapshot() },
    }),
  };
}

/** A body over LIMITS.bodyBytes: 413, the same answer from the Lambda and the local server. */
export function tooLarge(): Rejection {
  return reject(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${LIMITS.bodyBytes} bytes.`);
}

/** Too large, or JSON that does not parse: a clear 4xx, never a fault. */
export function checkBody(body: string | undefined, contentType: string | undefined): Rejection | undefined {
  if (!body) return undefined;
  if (Buffer.byteLength(body) > LIMITS.bodyBytes) return tooLarge();
  if (contentType?.toLowerCase().startsWith('application/json')) {
    try {
      JSON.parse(body);
    } catch {
      return reject(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    }
  }
  return undefined;
}
