/** A corpus file that cannot be loaded: says which file, where, and what was expected. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly problem: string,
  ) {
    const where = line === null ? file : `${file}:${line}`;
    super(`${where}: ${field ? `field "${field}": ` : ''}${problem}`);
    this.name = 'CorpusError';
  }
}
