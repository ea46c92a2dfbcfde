// Fetching a page or feed for ingest, bounded: a timeout over the whole exchange, a size cap read
// as the bytes arrive, a redirect limit, and only the content types asked for. Every failure is a
// FetchError whose message is one sentence a person can act on.
import { TextDecoder } from 'node:util';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface Fetched {
  /** The address the content came from, after redirects. */
  url: string;
  contentType: string;
  text: string;
}

/** What may be fetched: media types, and how to name them in an error ("an HTML page (text/html)"). */
export interface Wanted {
  types: readonly string[];
  what: string;
}

export const HTML_PAGE: Wanted = { types: ['text/html', 'application/xhtml+xml'], what: 'an HTML page (text/html)' };
export const FEED: Wanted = {
  types: ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'],
  what: 'an RSS or Atom feed (application/rss+xml, application/atom+xml or XML)',
};

export class FetchError extends Error {
  override name = 'FetchError';
}

const USER_AGENT = 'citebot-ingest/1 (+https://www.npmjs.com/package/citebot)';
const isHttp = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/** An http(s) URL from what a person typed, or null when it is not one. */
export function parseHttpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return isHttp(url) ? url : null;
  } catch {
    return null;
  }
}

export async function fetchUrl(address: string, wanted: Wanted, limits: FetchLimits): Promise<Fetched> {
  let url = parseHttpUrl(address);
  if (!url) throw new FetchError('not an http:// or https:// URL');
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': USER_AGENT, accept: `${wanted.types.join(', ')};q=1, */*;q=0.1` },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (redirects >= limits.maxRedirects)
          throw new FetchError(`more than ${limits.maxRedirects} redirects (the last to ${location}): give the final address instead`);
        const next = parseHttpUrl(new URL(location, url).href);
        if (!next) throw new FetchError(`it redirects to ${location}, which is not an http(s) address`);
        url = next;
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel();
        throw new FetchError(`the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const contentType = response.headers.get('content-type') ?? '';
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      if (!wanted.types.includes(mediaType)) {
        await response.body?.cancel();
        throw new FetchError(`it is ${mediaType ? `"${mediaType}"` : 'of no stated type'}, not ${wanted.what}`);
      }
      const bytes = await readCapped(response, limits.maxBytes);
      return { url: url.href, contentType, text: decode(bytes, contentType) };
    }
  } catch (error) {
    throw fetchFailure(error, url, limits);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const tooBig = () => new FetchError(`it is larger than the ${Math.round(maxBytes / 1024)} KB allowed (CITEBOT_FETCH_MAX_KB)`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The text in the character set the response or the page declares (UTF-8 when neither does); bytes that are not that text are refused. */
function decode(bytes: Buffer, contentType: string): string {
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1] ??
    /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1] ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    throw new FetchError(`it declares the character set "${declared}", which citebot cannot read`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FetchError(`it is not valid ${declared} text, as it declares`);
  }
}

/** Node's network errors as one sentence. */
export function fetchFailure(error: unknown, url: URL, limits: FetchLimits): FetchError {
  if (error instanceof FetchError) return error;
  const name = (error as Error | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new FetchError(`no complete answer within ${limits.timeoutMs / 1000} s (CITEBOT_FETCH_TIMEOUT_SECONDS)`);
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const host = url.host;
  switch (cause?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new FetchError(`the host name "${url.hostname}" could not be found (DNS): check the address`);
    case 'ECONNREFUSED':
      return new FetchError(`the connection to ${host} was refused (is the address right and the server up?)`);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new FetchError(`the connection to ${host} was closed before the answer was complete`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new FetchError(`${host} cannot be reached from this machine (no route)`);
    default:
      if (cause?.code && /CERT|SSL|TLS/i.test(cause.code))
        return new FetchError(`the HTTPS certificate of ${host} was not accepted (${cause.code})`);
      return new FetchError(`could not fetch it: ${cause?.message ?? (error as Error).message}`);
  }
}
