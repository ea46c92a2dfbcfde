// Ctrl-C at the console's prompt, as shells and node's own REPL take it: with text typed it
// abandons the line and gives a fresh prompt; on an empty line it says how to leave, and a
// second Ctrl-C right after quits (Ctrl-D, the end of input, always quits).
import type { Interface } from 'node:readline';

export type InterruptAction = 'clear-line' | 'warn' | 'quit';

export const QUIT_HINT = '(To quit, press Ctrl-C again, Ctrl-D, or type quit)';

/** `armed`: the previous key was a Ctrl-C on an empty line. */
export function interruptAction(line: string, armed: boolean): InterruptAction {
  if (line.length > 0) return 'clear-line';
  return armed ? 'quit' : 'warn';
}

/** Wires Ctrl-C on a terminal readline: clears the line, warns, or closes the interface (which ends its input). */
export function handleInterrupts(lines: Interface, write: (text: string) => void): void {
  let armed = false;
  lines.on('SIGINT', () => {
    const action = interruptAction(lines.line, armed);
    armed = action === 'warn';
    if (action === 'quit') return lines.close();
    if (action === 'warn') {
      write(`\n${QUIT_HINT}\n`);
      return lines.prompt();
    }
    // To the end of the line (Ctrl-E), a new line, then empty it (Ctrl-U): the abandoned text stays
    // on screen above a fresh prompt, and is never sent.
    lines.write('', { ctrl: true, name: 'e' });
    write('\n');
    lines.write('', { ctrl: true, name: 'u' });
  });
  // Anything typed in between disarms the second Ctrl-C.
  lines.on('line', () => (armed = false));
}
