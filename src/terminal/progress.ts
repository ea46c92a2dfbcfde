// One status line for long work, redrawn in place on the terminal (stderr), so that what a
// command prints on stdout stays clean. Quiet unless stderr is a terminal: a piped or logged
// run, or one asked for --json, gets no progress at all.

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** Replaces the status line. */
  update(text: string): void;
  /** Prints a line of output (stdout) without the status line running through it. */
  print(line: string): void;
  /** Clears the status line for good. */
  done(): void;
}

export interface ProgressOptions {
  /** Default: process.stderr. */
  stream?: ProgressStream;
  /** --json or any other reason to stay quiet. */
  quiet?: boolean;
  /** Where print() writes; default console.log. */
  out?: (line: string) => void;
}

/** Whether progress would show on this stream: a terminal that can redraw a line. */
export const showsProgress = (stream: ProgressStream = process.stderr) => stream.isTTY === true && process.env.TERM !== 'dumb';

export function progress({ stream = process.stderr, quiet = false, out = (line) => console.log(line) }: ProgressOptions = {}): Progress {
  const live = !quiet && showsProgress(stream);
  let shown = '';
  const clear = () => {
    if (shown) stream.write('\r\x1b[K');
  };
  const draw = (text: string) => {
    // Longer than the terminal, a line wraps and \r can no longer take it back.
    const width = Math.max(20, (stream.columns || 80) - 1);
    shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    stream.write(`\r\x1b[K${shown}`);
  };
  return {
    update(text) {
      if (live) draw(text);
    },
    print(line) {
      if (!live || !shown) return out(line);
      const current = shown;
      clear();
      out(line);
      draw(current);
    },
    done() {
      if (live) clear();
      shown = '';
    },
  };
}
