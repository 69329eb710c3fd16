/** What the functions write for operations (functions/api/log.ts, telemetry.ts), as a test reads it. */

export type Line = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each JSON line `run` writes to stdout or stderr (the Logger and the metrics write there, not through `console`). */
export async function captured<T>(run: () => Promise<T>): Promise<{ result: T; lines: Line[] }> {
  const text: string[] = [];
  const keep = (chunk: unknown) => {
    text.push(String(chunk));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(keep);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(keep);
  try {
    const result = await run();
    const lines = text
      .join('')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Line);
    return { result, lines };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The EMF blobs among the lines: those CloudWatch turns into metrics. */
export const emf = (lines: Line[]) => lines.filter((l) => l._aws?.CloudWatchMetrics);

/** The blob that records `metric`, with its dimension sets, namespace and values. */
export function blobOf(lines: Line[], metric: string): Line | undefined {
  return emf(lines).find((l) => l._aws.CloudWatchMetrics[0].Metrics.some((m: { Name: string }) => m.Name === metric));
}

/** The dimension names of a blob's (only) dimension set. */
export const dimensionsOf = (blob: Line | undefined): string[] => blob?._aws.CloudWatchMetrics[0].Dimensions[0] ?? [];
