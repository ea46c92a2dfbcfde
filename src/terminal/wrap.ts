// Word-wrapping for terminal output, shared by the CLI's answers and the console's
// drawing of Discord replies.

/** Word-wraps text to a width, prefixing every line. */
export function wrap(text: string, width: number, prefix = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width - prefix.length) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(prefix + line);
  return lines.join('\n');
}
