/**
 * An answer-sentence-selection set asked over one pooled corpus: every item's candidate sentences
 * become one corpus article, and every question is asked over all of them. SelQA and TrecQA
 * load into this shape, and everything after loading (corpus, systems, scoring) is shared.
 */

/** One corpus article: a candidate list, each candidate its own paragraph. */
export interface PoolSection {
  /** A corpus id (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/), stable between runs. */
  id: string;
  title: string;
  /** A `## ` heading before the sentences (SelQA's section name), or null. */
  heading: string | null;
  source: string;
  candidates: string[];
}

export interface PoolQuestion {
  question: string;
  /** The section its candidates became: only a quote from there can be right. */
  sectionId: string;
  /** The gold answer sentences, whitespace-normalised; empty when none of its candidates answers it. */
  gold: string[];
}

export interface Pool {
  sections: PoolSection[];
  questions: PoolQuestion[];
}

export const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** At most `max` items spread evenly over the list (the same ones every run); all when max is null. */
export function evenSample<T>(items: T[], max: number | null): T[] {
  if (max === null || max >= items.length) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]!);
}
