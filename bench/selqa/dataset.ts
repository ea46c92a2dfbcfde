import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { normalizeSpace, type Pool, type PoolQuestion, type PoolSection } from './pool.js';

export { normalizeSpace };

export type Split = 'dev' | 'test';

/** One SelQA answer-sentence-selection item, as the JSON files store it. */
interface SelqaItem {
  article: string;
  section: string;
  question: string;
  answers: number[];
  candidates: string[];
}

/** A Wikipedia section: becomes one corpus article (title: the Wikipedia article, heading: the section). */
export type SelqaSection = PoolSection;
export type SelqaQuestion = PoolQuestion;
export type SelqaSplit = Pool;

const SOURCE = 'Wikipedia (SelQA)';

/** The copy kept in the repository (bench/selqa/data), so a fresh clone runs without ../shared. */
export function dataFile(split: Split): string {
  return join(packageRoot(), 'bench', 'selqa', 'data', `selqa-ass-${split}.json`);
}

/**
 * Loads a split, folding the questions that share a section into one section each:
 * several questions are asked of the same text, and a pooled corpus must hold it once.
 */
export function loadSplit(split: Split): SelqaSplit {
  const items = JSON.parse(readFileSync(dataFile(split), 'utf8')) as SelqaItem[];
  const byKey = new Map<string, SelqaSection>();
  const usedIds = new Set<string>();
  const questions: SelqaQuestion[] = [];
  for (const item of items) {
    const key = JSON.stringify([item.article, item.section, item.candidates]);
    let section = byKey.get(key);
    if (!section) {
      section = {
        id: uniqueId(sectionId(item.article, item.section), usedIds),
        title: item.article,
        heading: item.section,
        source: SOURCE,
        candidates: item.candidates,
      };
      byKey.set(key, section);
    }
    questions.push({
      question: item.question,
      sectionId: section.id,
      gold: item.answers.map((i) => normalizeSpace(item.candidates[i] ?? '')),
    });
  }
  return { sections: [...byKey.values()], questions };
}

/**
 * A corpus id (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/) that stays the same from run to run:
 * a readable slug of the article and section, made unique by a short hash of both.
 */
export function sectionId(article: string, section: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const hash = createHash('sha1').update(`${article}\n${section}`).digest('hex').slice(0, 8);
  const readable = `${slug(article)}.${slug(section)}`.slice(0, 64 - hash.length - 1).replace(/[^A-Za-z0-9]+$/, '');
  return `${/^[A-Za-z0-9]/.test(readable) ? readable : 's'}_${hash}`;
}

// The same article and section with different sentences does not occur in SelQA, but must not collide if it did.
function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id.slice(0, 60)}-${n}`;
  used.add(candidate);
  return candidate;
}
