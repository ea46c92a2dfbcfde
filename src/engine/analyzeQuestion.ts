import { loadEmbeddings } from '../lexicon/embeddings.js';
import type { Lexicon, RelatedLemma } from '../lexicon/wordnet.js';
import SearchableMap from 'minisearch/SearchableMap';
import { stemWord, tokenize, type Token } from '../text/tokenize.js';
import { detectAnswerType, type AnswerType } from './answerType.js';
import { CHAT_WORDS, normalizeQuestion } from './normalizeQuestion.js';
import { idf } from './retrieveCandidates.js';
import { documentFrequency, impliedTerms, type SentenceIndex } from './sentenceIndex.js';

/** One way a question concept may be written in the corpus: one term, or several for a phrase. */
export interface Variant {
  terms: string[];
  /** How much a match counts: 1 for the word itself, less the further the lexicon had to go. */
  weight: number;
  via: 'exact' | 'acronym' | 'synonym' | 'related' | 'typo';
  /** The terms' numbers in the index, or null when the corpus lacks one of them. */
  ids?: number[] | null;
}

/** Numbers the variants' terms once, when the concept is made, rather than for every question. */
function numbered(variants: Variant[], index: SentenceIndex): Variant[] {
  return variants.map((v) => {
    const ids = v.terms.map((t) => index.termIds.get(t));
    return { ...v, ids: ids.every((id): id is number => id !== undefined) ? ids : null };
  });
}

/** Something the question is about, with the ways the corpus may say it. */
export interface Concept {
  surface: string;
  /** How much the concept matters: the (damped) rarity of the words that express it in the corpus. */
  importance: number;
  /**
   * How much a sentence that does not express the concept at all misses. The same, except for a
   * word the corpus never uses: a stand-in may express it at a discount, but leaving it out
   * costs its full rarity ("how many people live in…" is not answered by "people employed").
   */
  missingImportance: number;
  variants: Variant[];
  /** A name the corpus never mentions, in any spelling: the sources cannot be about it. */
  unknownName: boolean;
  /**
   * Written in lower case in a question that uses capitals for names: a common word, not part of
   * a name. In a question typed all in lower case nothing is known either way.
   */
  commonWord: boolean;
}

export interface AnalyzedQuestion {
  answerType: AnswerType;
  concepts: Concept[];
  /** For "how many X": the concepts of X, the thing counted; a count answer puts its number before them. */
  counted: Concept[];
  /** The question's terms (stop words included) that the index has, by number: an answer must add something beyond them. */
  termIds: Set<number>;
  /** Years the question names ("in 2020"). */
  years: number[];
  /** Only greetings, thanks, requests for help or function words: talk, not a question about the sources. */
  isChat: boolean;
}

// How far a lexicon relation is trusted: synonyms nearly as the word itself, two hops much less.
const RELATION_WEIGHT = [0.8, 0.5, 0.3];
const TYPO_WEIGHT = [1, 0.7, 0.45];
const ABSENT_WORD_FACTOR = 0.6;
const FAMILY_WEIGHT = 0.9;
const CLOSE_STAND_IN = 0.45;
/** Senses per part of speech taken from the lexicon, most frequent first. */
const MAX_SENSES = 2;

export function analyzeQuestion(question: string, index: SentenceIndex, lexicon: Lexicon): AnalyzedQuestion {
  const normalized = normalizeQuestion(question);
  const tokens = tokenize(normalized);
  const concepts: Concept[] = [];
  const content = tokens.filter((t) => !t.isStopWord);
  const known = (term: string) => index.termIds.has(term);
  // Capitals past the first letter: the asker writes names with capitals, so lower case means a common word.
  const cased = /\p{Lu}/u.test(normalized.trim().slice(1));

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    // A two-word lexicon entry ("set up", "integrated circuit") is one concept.
    const phrase = next && !token.isNumber && !next.isNumber ? `${token.lower} ${next.lower}` : null;
    // Only when the corpus lacks a word of it, and with a particle rather than a preposition:
    // "set up" (for "established"), not "work in".
    const phraseHelps =
      phrase &&
      next &&
      (token.isStopWord || next.isStopWord ? PARTICLES.has(next.lower) && !known(token.term) : !(known(token.term) && known(next.term)));
    if (phrase && next && phraseHelps && lexicon.hasLemma(phrase)) {
      const terms = [token, next]
        .filter((t): t is Token => t !== undefined)
        .filter((t) => !t.isStopWord)
        .map((t) => t.term);
      concepts.push(makeConcept(phrase, terms, index, lexicon));
      i++;
      continue;
    }
    if (token.isStopWord) continue;
    // "How fast", "how large", "how long": the degree asked for is the answer's, not a topic.
    if (tokens[i - 1]?.lower === 'how') continue;
    const concept = makeConcept(token.lower, [token.term], index, lexicon, token);
    // A name: capitalised past the first word (every question starts with a capital); in a
    // question typed all in lower case, a place name ("france"). Other lower-case words may be
    // common ones the corpus lacks ("goalscorer"): the model weighs them.
    const nameLike = cased ? i > 0 && token.capitalized : isPlaceName(token.lower, lexicon);
    concept.commonWord = cased && !token.capitalized;
    concept.unknownName =
      nameLike && !token.isNumber && !known(token.term) && !concept.variants.some((v) => v.via === 'typo' || v.via === 'acronym');
    concepts.push(concept);
  }
  mergeLongForms(concepts, content, index);
  withoutBorrowedWords(concepts);
  const termIds = new Set<number>();
  for (const t of tokens) {
    const id = index.termIds.get(t.term);
    if (id !== undefined) termIds.add(id);
  }
  return {
    answerType: detectAnswerType(normalized),
    concepts,
    counted: countedConcepts(tokens, concepts),
    termIds,
    years: tokens.filter((t) => t.isNumber && /^(1[89]|20|21)\d{2}$/.test(t.lower)).map((t) => Number(t.lower)),
    // Chat as typed ("gm" = good morning) or once shorthand is written out.
    isChat: [tokenize(question), content].some((list) => list.every((t) => t.isStopWord || CHAT_WORDS.has(t.lower))),
  };
}

/** A place name as WordNet knows it: first a location, and one with no kinds of its own (France, not city). */
function isPlaceName(word: string, lexicon: Lexicon): boolean {
  return (
    lexicon.nounClasses(word, 1)[0] === 'noun.location' && lexicon.related(word, { relations: ['hyponym'], maxDistance: 1 }).length === 0
  );
}

const PARTICLES = new Set(['up', 'out', 'off', 'down', 'over', 'back', 'away']);
const PLURALS_WITHOUT_S = new Set(['people', 'men', 'women', 'children', 'staff', 'personnel', 'data', 'media', 'criteria', 'police']);
const INSIDE_NOUN_PHRASE = new Set(['and', 'or', 'of', 'the', 'a', 'an']);

/**
 * What "how many" or "number of" counts: the plural noun that follows ("IoT firms" → firms,
 * "people work" → people, "national and international standards" → standards), else the next word.
 */
function countedConcepts(tokens: Token[], concepts: Concept[]): Concept[] {
  const at = tokens.findIndex(
    (t, i) => (t.lower === 'many' && tokens[i - 1]?.lower === 'how') || (t.lower === 'of' && tokens[i - 1]?.lower === 'number'),
  );
  if (at === -1) return [];
  let head: string | undefined;
  for (const t of tokens.slice(at + 1, at + 7)) {
    if (t.isStopWord && !INSIDE_NOUN_PHRASE.has(t.lower)) break;
    if (t.isStopWord) continue;
    head ??= t.lower;
    if (PLURALS_WITHOUT_S.has(t.lower) || (/s$/.test(t.lower) && !/ss$/.test(t.lower))) {
      head = t.lower;
      break;
    }
  }
  return concepts.filter((c) => head !== undefined && c.surface.split(' ').includes(head));
}

// A concept depends only on its word and the index: memoised per index, as questions reuse words.
const conceptCache = new WeakMap<SentenceIndex, Map<string, Concept>>();
const CONCEPT_CACHE_SIZE = 50_000;

function makeConcept(surface: string, terms: string[], index: SentenceIndex, lexicon: Lexicon, token?: Token): Concept {
  let cache = conceptCache.get(index);
  if (!cache) conceptCache.set(index, (cache = new Map()));
  const key = `${surface}\u0000${terms.join(' ')}\u0000${token?.isNumber ? 1 : 0}`;
  let concept = cache.get(key);
  if (!concept) {
    concept = buildConcept(surface, terms, index, lexicon, token);
    if (cache.size >= CONCEPT_CACHE_SIZE) cache.clear();
    cache.set(key, concept);
  }
  return { ...concept };
}

function buildConcept(surface: string, terms: string[], index: SentenceIndex, lexicon: Lexicon, token?: Token): Concept {
  const variants: Variant[] = [{ terms, weight: 1, via: 'exact' }];
  const known = terms.every((t) => index.termIds.has(t));
  const acronymLongForm = terms.length === 1 ? index.acronyms.get(terms[0]!) : undefined;
  if (acronymLongForm) variants.push({ terms: acronymLongForm, weight: 1, via: 'acronym' });
  if (!token?.isNumber) {
    for (const related of lexicon.related(surface, { maxDistance: 2, maxSenses: MAX_SENSES }))
      addLexiconVariant(variants, related, index, terms);
  }
  // Only a word English does not have is a typo: "compnies", not "firms". It may be a misspelt
  // corpus word (a name, by its stem) or a misspelt English word ("investmnet", "chariman").
  if (!known && token && !token.isNumber && token.lower.length >= 5 && lexicon.lemmatize(token.lower).length === 0) {
    const maxDistance = token.term.length >= 10 ? 2 : 1;
    for (const [term, [, distance]] of index.vocabulary().fuzzyGet(token.term, maxDistance)) {
      if (distance > 0) variants.push({ terms: [term], weight: TYPO_WEIGHT[distance]!, via: 'typo' });
    }
    for (const [word, distance] of englishCorrections(token.lower, lexicon)) {
      const term = stemWord(word);
      if (index.termIds.has(term)) variants.push({ terms: [term], weight: TYPO_WEIGHT[distance]!, via: 'typo' });
    }
  }
  addWordFamilies(variants, index);
  const importance = importanceOf(variants, index);
  const missingImportance = known || token?.isNumber ? importance : Math.max(importance, Math.sqrt(idf(index, 0)));
  return { surface, importance, missingImportance, variants: numbered(dedupe(variants), index), unknownName: false, commonWord: false };
}

/**
 * The rarity of the concept's words, square-rooted so a rare word does not drown the rest. A word
 * the corpus lacks counts as rare as its best stand-in, or as the rarest word if it has none.
 */
function importanceOf(variants: Variant[], index: SentenceIndex): number {
  const rarity = (v: Variant) => Math.max(...v.terms.map((t) => idf(index, documentFrequency(index, t))));
  const present = variants.filter((v) => v.terms.every((t) => index.termIds.has(t)));
  const best = present.reduce<Variant | undefined>((a, b) => (!a || b.weight > a.weight ? b : a), undefined);
  if (best && (best.via === 'exact' || best.via === 'acronym')) return Math.sqrt(rarity(best));
  // A word the corpus never uses cannot be quoted as such: when a close stand-in exists, what it
  // stands for counts, but less; when none does, the question is about something the sources lack.
  if (best && best.weight >= CLOSE_STAND_IN) return Math.sqrt(rarity(best)) * ABSENT_WORD_FACTOR;
  return Math.sqrt(idf(index, 0));
}

/** English words (from the lexicon) within one edit of a typo, two for words of 7 letters or more. */
function englishCorrections(typo: string, lexicon: Lexicon): [string, number][] {
  const maxDistance = typo.length >= 7 ? 2 : 1;
  return [...englishVocabulary(lexicon).fuzzyGet(typo, maxDistance)].map(([word, [, distance]]) => [word, distance]);
}

// Built on the first typo only: most questions have none, and the tree costs ~100 ms.
const vocabularies = new WeakMap<Lexicon, SearchableMap<true>>();
function englishVocabulary(lexicon: Lexicon): SearchableMap<true> {
  let vocabulary = vocabularies.get(lexicon);
  if (!vocabulary) {
    vocabulary = new SearchableMap<true>();
    for (const word of lexicon.words()) vocabulary.set(word, true);
    vocabularies.set(lexicon, vocabulary);
  }
  return vocabulary;
}

/** The best word-vector similarity between two lists of terms, or null when no pair has vectors. */
function vectorSimilarity(own: string[], terms: string[]): number | null {
  const embeddings = loadEmbeddings();
  let best: number | null = null;
  for (const a of own) {
    for (const b of terms) {
      const similarity = embeddings.similarity(a, b);
      if (similarity !== null) best = Math.max(best ?? -1, similarity);
    }
  }
  return best;
}

/** Without vectors for either word there is nothing to object with. */
function plausiblyRelated(own: string[], terms: string[]): boolean {
  const similarity = vectorSimilarity(own, terms);
  return similarity === null || similarity >= MIN_RELATED_SIMILARITY;
}

/** Index terms of lexicon lemmas, memoised: the same few thousand lemmas come back question after question. */
const lemmaTermsCache = new Map<string, string[]>();
function lemmaTerms(lemma: string): string[] {
  let terms = lemmaTermsCache.get(lemma);
  if (!terms) {
    terms = tokenize(lemma)
      .filter((t) => !t.isStopWord)
      .map((t) => t.term);
    if (lemmaTermsCache.size > 100_000) lemmaTermsCache.clear();
    lemmaTermsCache.set(lemma, terms);
  }
  return terms;
}

/**
 * WordNet relations wander into other senses ("people" → "electron", "enterprise" → "task"): a
 * related word (not a synonym) is kept only when word vectors find it near the question's word.
 */
const MIN_RELATED_SIMILARITY = 0.4;

function addLexiconVariant(variants: Variant[], related: RelatedLemma, index: SentenceIndex, own: string[]): void {
  const terms = lemmaTerms(related.lemma);
  if (terms.length === 0) return;
  const inCorpus = terms.every((t) => index.termIds.has(t));
  // A one-word stand-in the corpus has only in another form of its family ("employee" → "employs").
  const family = inCorpus || terms.length !== 1 || terms[0]!.length < 6 ? [] : familyOf(terms[0]!, index);
  if (!inCorpus && family.length === 0) return; // most relations: nothing of them in the corpus, nothing to weigh
  const similarity = vectorSimilarity(own, terms);
  if (related.relation !== 'synonym' && similarity !== null && similarity < MIN_RELATED_SIMILARITY) return;
  // How near a stand-in is: as near as word vectors measure it, or as the lexicon's path says when they cannot.
  const byPath = related.relation === 'synonym' ? RELATION_WEIGHT[0]! : RELATION_WEIGHT[Math.min(related.distance, 2)]!;
  const weight = similarity === null ? byPath : Math.max(Math.min(similarity, 1), related.relation === 'synonym' ? byPath : 0);
  const via = related.relation === 'synonym' ? 'synonym' : 'related';
  if (inCorpus) variants.push({ terms, weight, via });
  for (const other of family) if (plausiblyRelated(terms, [other])) variants.push({ terms: [other], weight: weight * FAMILY_WEIGHT, via });
}

/**
 * Porter stemming leaves some families apart ("employee" → employe, "employed" → employ): a
 * one-word variant also matches corpus terms that share all but its last two letters (5 or more).
 */
function addWordFamilies(variants: Variant[], index: SentenceIndex): void {
  for (const v of [...variants]) {
    const [term] = v.terms;
    if (v.terms.length !== 1 || !term || term.length < 6 || /^\d/.test(term)) continue;
    for (const other of familyOf(term, index)) {
      // Porter-stem neighbours may be strangers ("concern", "concept"): word vectors must not object.
      if (plausiblyRelated([term], [other]))
        variants.push({ terms: [other], weight: v.weight * FAMILY_WEIGHT, via: v.via === 'exact' ? 'synonym' : v.via });
    }
  }
}

// Families depend only on the vocabulary: remembered per index, as the same words recur.
const families = new WeakMap<SentenceIndex, Map<string, string[]>>();

function familyOf(term: string, index: SentenceIndex): string[] {
  let cache = families.get(index);
  if (!cache) families.set(index, (cache = new Map()));
  let family = cache.get(term);
  if (!family) {
    family = [];
    for (const [other] of index.vocabulary().atPrefix(term.slice(0, Math.max(5, term.length - 2)))) {
      if (other !== term && Math.abs(other.length - term.length) <= 2) family.push(other);
    }
    if (cache.size > CONCEPT_CACHE_SIZE) cache.clear();
    cache.set(term, family);
  }
  return family;
}

/**
 * A stand-in may not be another concept's own word: in "how many people live in Wuxi", "people"
 * must not also count as "live".
 */
function withoutBorrowedWords(concepts: Concept[]): void {
  const literal = (v: Variant) => v.via === 'exact' || v.via === 'acronym';
  const owner = new Map<string, Concept>();
  for (const c of concepts) for (const v of c.variants) if (literal(v)) for (const t of v.terms) owner.set(t, c);
  for (const concept of concepts) {
    const borrowed = (v: Variant) => !literal(v) && v.terms.some((t) => owner.has(t) && owner.get(t) !== concept);
    // Copy the (cached) list only in the rare case that it has to change.
    if (concept.variants.some(borrowed)) concept.variants = concept.variants.filter((v) => !borrowed(v));
  }
}

/** "internet of things" in a question is the corpus's "IoT": fold the words into one concept. */
function mergeLongForms(concepts: Concept[], content: Token[], index: SentenceIndex): void {
  const terms = content.map((t) => t.term);
  for (const acronym of new Set(impliedTerms(terms, new Map(), index.longForms))) {
    const longForm = index.acronyms.get(acronym)!;
    const first = concepts.findIndex((c) => c.variants[0]!.terms.length === 1 && c.variants[0]!.terms[0] === longForm[0]);
    if (first === -1) continue;
    const merged = concepts.splice(first, longForm.length);
    concepts.splice(first, 0, {
      surface: merged.map((c) => c.surface).join(' '),
      importance: Math.max(...merged.map((c) => c.importance)),
      missingImportance: Math.max(...merged.map((c) => c.importance)),
      variants: numbered(
        [
          { terms: longForm, weight: 1, via: 'exact' },
          { terms: [acronym], weight: 1, via: 'acronym' },
        ],
        index,
      ),
      unknownName: false,
      commonWord: false,
    });
  }
}

function dedupe(variants: Variant[]): Variant[] {
  const best = new Map<string, Variant>();
  for (const v of variants) {
    const key = v.terms.join(' ');
    if ((best.get(key)?.weight ?? -1) < v.weight) best.set(key, v);
  }
  return [...best.values()];
}
