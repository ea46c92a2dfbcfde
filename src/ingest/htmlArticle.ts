// A web page's article: the body as a well-kept extractor (Mozilla's Readability, the reader
// view of Firefox, over linkedom's DOM) finds it, then one line per block, so that the same
// furniture rules and sentence splitter as for a text scrape decide what is prose.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ingestRawArticle, type IngestedArticle, type RemovedText } from './ingestRawArticle.js';
import { pageMetadata, type PageMetadata } from './pageMetadata.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type Node = Doc['body']['firstChild'] & {};

// Elements that start a line of their own; everything else is inline text within a line.
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);
// Never the article's words: scripts, forms and the page's own furniture when the extractor found nothing.
const NEVER_TEXT = 'script, style, noscript, template, iframe, svg, form, button, select, textarea';
// Ad slots by the names ad servers and templates give them ("ad-slot", "advert", "sponsored"); the
// extractor keeps an ad that sits between two paragraphs.
const AD_NAME = /(?:^|[\s_-])(?:ads?|adverts?|advertisements?|advertising|sponsored|dfp|gpt-ad|ad-?slot|ad-?unit)(?:$|[\s_-])/i;
const PAGE_FURNITURE = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

export interface HtmlArticle extends IngestedArticle {
  /** The page's own canonical URL (or the address it was fetched from); null when unknown. */
  url: string | null;
  metadata: PageMetadata;
}

/** The page's text, one block per line (walked without recursion: a page may nest thousands deep). */
export function blockLines(root: Node): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  // `null` marks the end of a block element, where its line ends.
  const stack: (Node | null)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === 3) line += node.textContent ?? '';
    if (node.nodeType !== 1) continue;
    if (BLOCKS.has((node as unknown as { tagName: string }).tagName.toUpperCase())) {
      flush();
      stack.push(null);
    }
    const children = [...node.childNodes] as Node[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return lines;
}

const MAX_READABLE_DEPTH = 150;

/** How deeply elements nest under `root`, counted without recursion. */
function depthOf(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.childNodes) if (child.nodeType === 1) stack.push([child as Node, depth + 1]);
  }
  return deepest;
}

/** linkedom parses whole documents only: a fragment (paragraphs saved from a page) goes into a body first. */
const asDocument = (page: string) =>
  /<(?:html|body)\b/i.test(page) ? page : `<!doctype html><html><head></head><body>${page.replace(/^\uFEFF/, '')}</body></html>`;

const textOf = (el: unknown) => blockLines(el as Node).join(' ');

/** The article body's HTML, as Readability extracts it; the whole page minus its furniture when it finds none. */
function articleBody(html: string, removed: RemovedText[]): Doc['body'] {
  const { document } = parseHTML(html);
  for (const el of [...document.querySelectorAll('[class], [id], [data-ad], [data-ad-slot]')]) {
    const named = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!AD_NAME.test(named) && !el.hasAttribute('data-ad') && !el.hasAttribute('data-ad-slot')) continue;
    // "story has-ads" names the article itself, not an ad: ads do not hold paragraphs of prose.
    if (el.querySelectorAll('p').length >= 3) continue;
    const text = textOf(el);
    if (text && el.isConnected) removed.push({ kind: 'advertisement', text });
    el.remove();
  }
  // Readability's time grows steeply with nesting (1,000 levels: 25 s); real pages nest a few dozen.
  const extracted =
    depthOf(document.body as unknown as Node) <= MAX_READABLE_DEPTH
      ? new Readability(document as never, { charThreshold: 200, keepClasses: false }).parse()
      : null;
  if (extracted?.byline) removed.push({ kind: 'byline', text: extracted.byline.replace(/\s+/g, ' ').trim() });
  const body = extracted?.content
    ? parseHTML(`<!doctype html><html><body>${extracted.content}</body></html>`).document.body
    : parseHTML(html).document.body;
  for (const el of [...body.querySelectorAll(NEVER_TEXT)]) el.remove();
  if (!extracted?.content) for (const el of [...body.querySelectorAll(PAGE_FURNITURE)]) el.remove();
  // A caption describes a picture; it is not a sentence of the story.
  for (const el of [...body.querySelectorAll('figcaption')]) {
    const text = textOf(el);
    if (text) removed.push({ kind: 'photo caption', text });
    el.remove();
  }
  return body;
}

/**
 * An HTML page as a corpus article. The page's own metadata (Open Graph, JSON-LD, canonical link)
 * outranks what the text rules find; what neither gives stays unknown. `pageUrl` is where it was
 * fetched from: the URL recorded when the page names no canonical one.
 */
export function ingestHtmlPage(page: string, pageUrl?: string): HtmlArticle {
  const html = asDocument(page);
  const metadata = pageMetadata(parseHTML(html).document as never, pageUrl);
  const removed: RemovedText[] = [];
  const lines = blockLines(articleBody(html, removed) as unknown as Node);
  const found = ingestRawArticle(lines.join('\n'));
  const url = metadata.url ?? pageUrl ?? null;
  const unknown = found.unknown.filter(
    (u) =>
      !(
        (u.startsWith('title') && metadata.title) ||
        (u.startsWith('date') && metadata.date) ||
        (u.startsWith('publisher') && metadata.source)
      ),
  );
  if (!url) unknown.push('url: the page names no canonical URL (<link rel="canonical"> or og:url)');
  return {
    ...found,
    title: metadata.title ?? found.title,
    date: metadata.date ?? found.date,
    // A note on how the text rules dated it has nothing to say about a date the markup gives.
    ...(metadata.date ? { dateNote: undefined } : {}),
    source: metadata.source ?? found.source,
    removed: [...removed, ...found.removed],
    unknown,
    url,
    metadata,
  };
}
