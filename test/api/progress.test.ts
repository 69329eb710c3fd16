/** Long work (npm run import, npm run bench) shows its progress on a terminal, and nothing in CI or in a log file. */
import { terminalProgress } from '../../functions/admin/progress';

const terminal = () => {
  const stream = { isTTY: true, written: '', write(s: string) { this.written += s; return true; } };
  return stream as unknown as NodeJS.WriteStream & { written: string };
};

describe('progress of long work', () => {
  it('on a terminal: one line, rewritten in place, ended once', () => {
    const stream = terminal();
    const progress = terminalProgress(stream, {})!;
    progress.show('1/200 行、問題 0 件');
    progress.show('200/200 行、問題 3 件');
    progress.done();
    progress.done();
    expect(stream.written).toBe('\r\x1b[2K1/200 行、問題 0 件\r\x1b[2K200/200 行、問題 3 件\n');
  });

  it('under CI, or into a file or a pipe: nothing', () => {
    expect(terminalProgress(terminal(), { CI: 'true' })).toBeUndefined();
    expect(terminalProgress({ isTTY: false } as NodeJS.WriteStream, {})).toBeUndefined();
    expect(terminalProgress(terminal(), { CI: 'false' })).toBeDefined();
  });
});
