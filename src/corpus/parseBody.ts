import { splitSentences } from '../text/splitSentences.js';
import type { Section, Sentence } from './schema.js';

const HEADING = /^#{1,6}[ \t]+(.+?)[ \t#]*$/;

/** Body text to sections (`##` headings) of paragraphs (blank-line separated). */
export function parseSections(body: string): Section[] {
  const sections: Section[] = [{ heading: null, paragraphs: [] }];
  let lines: string[] = [];
  const flush = () => {
    const paragraph = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (paragraph) sections.at(-1)!.paragraphs.push(paragraph);
    lines = [];
  };
  for (const line of body.split(/\r?\n/)) {
    const heading = HEADING.exec(line.trim());
    if (heading) {
      flush();
      sections.push({ heading: heading[1]!, paragraphs: [] });
    } else if (line.trim() === '') {
      flush();
    } else {
      lines.push(line.trim());
    }
  }
  flush();
  return sections.filter((s) => s.paragraphs.length > 0 || s.heading !== null);
}

/** Numbers every sentence of the article in reading order. */
export function sentencesOf(documentId: string, sections: Section[]): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraphNumber = 0;
  for (const section of sections) {
    for (const paragraph of section.paragraphs) {
      for (const text of splitSentences(paragraph)) {
        const index = sentences.length;
        sentences.push({ id: `${documentId}:${index}`, documentId, index, text, section: section.heading, paragraph: paragraphNumber });
      }
      paragraphNumber++;
    }
  }
  return sentences;
}
