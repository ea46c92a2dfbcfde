import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { createEngine, engineFromIndex } from '../../src/engine/engine.js';
import { corpusDigest } from '../../src/engine/persist/corpusDigest.js';
import { readIndexFile, writeIndexFile } from '../../src/engine/persist/indexFile.js';
import { draftQuestions, QUESTION_LIMITS, verifiedQuestions } from '../../src/engine/suggestQuestions.js';
import { tinyEngine } from '../support/tinyCorpus.js';

const engine = createEngine(loadCorpus('corpus'));
const questions = engine.suggestedQuestions();
const tmp = mkdtempSync(join(tmpdir(), 'citebot-questions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('questions made from the corpus for /ask autocomplete', () => {
  it('turns sentences into whole questions: counts, roles, dates and amounts', () => {
    expect(questions).toEqual(
      expect.arrayContaining([
        'How many IoT enterprises are in Wuxi?',
        'How many national technological innovation carriers has Wuxi established?',
        'Who is the vice-mayor of Wuxi?',
        "Who is Wuxi's deputy mayor?",
        'When was the Wuxi National Sensing Innovation Demonstration Park approved?',
        'How much will China Electronics Technology Hik Group invest?',
      ]),
    );
    for (const q of questions) expect(q).toMatch(/^(How many|How much|Who|When) .+\?$/);
  });

  it('keeps only questions ask answers with the very sentence each was made from', () => {
    const drafts = draftQuestions(engine.index);
    expect(drafts.length).toBeGreaterThanOrEqual(questions.length);
    for (const q of questions) {
      const made = drafts.find((d) => d.question === q)!.sentences.map((id) => engine.index.sentence(id));
      const answer = engine.ask(q, { limit: 1 }).answers[0]!;
      expect(
        made.some((s) => s.documentId === answer.documentId && s.index === answer.sentenceIndex),
        q,
      ).toBe(true);
    }
    // A draft answered from another sentence is dropped: pretend ask always answers from sentence 0.
    const first = engine.index.sentence(0);
    const elsewhere = verifiedQuestions(engine.index, () => ({ documentId: first.documentId, sentenceIndex: 0, score: 1 }));
    expect(elsewhere.every((q) => drafts.find((d) => d.question === q)!.sentences.includes(0))).toBe(true);
  });

  it('asks what an opening subject counts, with the verb in its base form, on articles about other things', () => {
    const port = tinyEngine([
      {
        id: 'port-2022',
        title: 'Port cargo',
        date: '2023-01-19',
        text: 'The Port of Kestrel Bay handled a record 41.2 million tonnes of cargo last year. The port authority employs 1,850 people.',
      },
      {
        id: 'port-2023',
        title: 'Port cargo again',
        date: '2024-01-24',
        text: "The Port of Kestrel Bay handled 44.7 million tonnes of cargo in 2023. Councillor Peter Ashworth, the port board's chair, welcomed it.",
      },
    ]);
    // The same question drafted from both years' sentences is kept: ask answers it with the newer one.
    expect(port.suggestedQuestions()).toEqual(
      expect.arrayContaining([
        'How many tonnes of cargo did the Port of Kestrel Bay handle?',
        'How many people does the port authority employ?',
        "Who is the port board's chair?",
      ]),
    );
    expect(port.ask('How many tonnes of cargo did the Port of Kestrel Bay handle?').answers[0]?.documentId).toBe('port-2023');
  });

  it('stays within its bounds: sentences read, questions tried, questions kept', () => {
    const limits = { sentencesRead: 20, tried: 3, kept: 2, perSentence: 1 };
    const read: number[] = [];
    const index = { ...engine.index, sentence: (id: number) => (read.push(id), engine.index.sentence(id)) };
    expect(draftQuestions(index, limits).length).toBeLessThanOrEqual(3);
    expect(verifiedQuestions(engine.index, () => undefined, limits)).toEqual([]);
    expect(verifiedQuestions(engine.index, (q) => engine.ask(q, { limit: 1 }).answers[0], limits).length).toBeLessThanOrEqual(2);
    expect(Math.min(...read.slice(1).map((id, i) => id - read[i]!))).toBeGreaterThanOrEqual(Math.ceil(engine.index.sentenceCount / 20));
    expect(QUESTION_LIMITS.tried).toBeLessThanOrEqual(1000);
  });

  it('are kept in the index file, and made on first use from a file saved without them', () => {
    const withQuestions = join(tmp, 'with.idx');
    writeIndexFile(withQuestions, engine.index, corpusDigest('corpus'));
    expect(readIndexFile(withQuestions).index.questions).toEqual(questions);

    const fresh = createEngine(loadCorpus('corpus'));
    const without = join(tmp, 'without.idx');
    writeIndexFile(without, fresh.index, corpusDigest('corpus'));
    const loaded = readIndexFile(without).index;
    expect(loaded.questions).toBeUndefined();
    expect(engineFromIndex(loaded, 'corpus').suggestedQuestions()).toEqual(questions);
  });
});
