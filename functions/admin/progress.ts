/**
 * Progress of long work (an import's rows, the bench's loading and rounds) as one line that rewrites itself on a
 * terminal. Nothing at all when the output is not a terminal or under CI (`CI=true`): logs and CI stay quiet.
 */
export interface Progress {
  /** The line as it is now (replaces the last one). */
  show(text: string): void;
  /** Ends the line, so what is printed next starts on its own. */
  done(): void;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress | undefined {
  if (!stream.isTTY || (env.CI && env.CI !== 'false')) return undefined;
  let shown = false;
  return {
    show(text) {
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\n');
      shown = false;
    },
  };
}
