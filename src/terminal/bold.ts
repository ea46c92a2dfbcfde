// Bold in a terminal: ANSI when the output is one a person reads (a TTY, or FORCE_COLOR),
// never when NO_COLOR is set or the output is piped to a program (https://no-color.org).

export type Emphasis = (text: string) => string;

export const plainText: Emphasis = (text) => text;
export const ansiBold: Emphasis = (text) => `\u001b[1m${text}\u001b[22m`;

export function terminalBold(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Emphasis {
  if (env.NO_COLOR) return plainText;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? plainText : ansiBold;
  return stream.isTTY ? ansiBold : plainText;
}
