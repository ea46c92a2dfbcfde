import { looksLikeHtml } from './looksLikeHtml.js';
import { ingestHtmlPage, type HtmlArticle } from './htmlArticle.js';
import { ingestRawArticle } from './ingestRawArticle.js';

export type PageArticle = Omit<HtmlArticle, 'metadata'> & { format: 'html' | 'text' };

/** A page, HTML or text scrape (told apart by what it holds, not its name), as a corpus article. */
export function ingestPage(raw: string, pageUrl?: string): PageArticle {
  if (looksLikeHtml(raw)) {
    const { metadata: _, ...article } = ingestHtmlPage(raw, pageUrl);
    return { ...article, format: 'html' };
  }
  return { ...ingestRawArticle(raw), url: pageUrl ?? null, format: 'text' };
}
