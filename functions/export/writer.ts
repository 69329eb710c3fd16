/** What a format writes a register to: pages of rows (after a header row), then the end. */
export interface TableWriter {
  page(rows: (string | number)[][]): Promise<void>;
  /** Writes what remains and ends the stream; resolves once it is flushed. */
  end(): Promise<void>;
}
