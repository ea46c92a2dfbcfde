import { CorpusError } from '../../corpus/corpusError.js';
import { readText } from '../../corpus/loadCorpus.js';
import { fetchUrl, FetchError, parseHttpUrl, type FetchLimits, type Wanted } from '../../ingest/fetchUrl.js';
import { CliError } from '../cliError.js';

export interface SourceText {
  text: string;
  /** Where it was fetched from (after redirects), or undefined for a file. */
  url?: string;
}

/**
 * A page or feed, from a file or an http(s) URL: a file as the corpus loader reads text (a file it
 * would refuse, not UTF-8 or with a NUL byte, is refused here), a URL within the fetch limits.
 */
export async function readSource(source: string, wanted: Wanted, limits: FetchLimits): Promise<SourceText> {
  if (parseHttpUrl(source)) {
    try {
      const fetched = await fetchUrl(source, wanted, limits);
      return { text: fetched.text, url: fetched.url };
    } catch (error) {
      if (error instanceof FetchError) throw new CliError(`${error.message}: nothing was written`, 1);
      throw error;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source))
    throw new CliError('only http:// and https:// addresses can be fetched; give a file path or an http(s) URL', 1);
  try {
    return { text: readText(source, source) };
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    throw new CliError(`${error.line ? `line ${error.line}: ` : ''}${error.problem}: nothing was written`, 1);
  }
}
