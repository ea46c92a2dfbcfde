// An HTML page must never go through the text rules: its markup would be written as prose (a
// `<p>` on its own line becomes a title, the paragraphs around it "menu lines"). So HTML is
// recognised by what the file holds, whatever its name.

const DOCUMENT_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body)\b/i;
const TAG =
  /<\/?(?:p|div|span|a|br|h[1-6]|article|section|main|header|footer|nav|ul|ol|li|img|figure|figcaption|table|tr|td|meta|link|script|style|title|blockquote|em|strong|b|i)\b[^<>]*>/gi;

/** Whether a page is HTML: it opens as an HTML document, or it carries several HTML tags. */
export function looksLikeHtml(text: string): boolean {
  if (DOCUMENT_START.test(text.replace(/^\uFEFF/, ''))) return true;
  let tags = 0;
  for (const _ of text.matchAll(TAG)) if (++tags >= 3) return true;
  return false;
}
