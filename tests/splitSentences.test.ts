import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { splitSentences } from '../src/text/splitSentences.js';

const split = splitSentences;

describe('splitSentences keeps abbreviations inside their sentence', () => {
  it.each([
    ['Mr. Brown arrived in Wuxi. He met the mayor.', ['Mr. Brown arrived in Wuxi.', 'He met the mayor.']],
    ['Dr. Li spoke at the event. Applause followed.', ['Dr. Li spoke at the event.', 'Applause followed.']],
    ['The summit opened on Dec. 16 in Beijing. Over 300 firms came.', ['The summit opened on Dec. 16 in Beijing.', 'Over 300 firms came.']],
    ['The deal was signed on Feb. 28, 2017. It runs for five years.', ['The deal was signed on Feb. 28, 2017.', 'It runs for five years.']],
    ['The plant is No. 3 in the country. It employs 2,000 people.', ['The plant is No. 3 in the country.', 'It employs 2,000 people.']],
    ['Trade with the U.S. rose sharply. Exports led.', ['Trade with the U.S. rose sharply.', 'Exports led.']],
    ['He visited St. Petersburg in May. It rained.', ['He visited St. Petersburg in May.', 'It rained.']],
    [
      'Prof. Zhang and Gov. Wu met in Nanjing. They talked for an hour.',
      ['Prof. Zhang and Gov. Wu met in Nanjing.', 'They talked for an hour.'],
    ],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('ends a sentence at "Co., Ltd." when a new sentence follows', () => {
    expect(split('It signed agreements with Upgrading Fund Co., Ltd. It is reported that this is the latest move.')).toEqual([
      'It signed agreements with Upgrading Fund Co., Ltd.',
      'It is reported that this is the latest move.',
    ]);
  });

  it('keeps "Co., Ltd." inside the sentence when the sentence goes on', () => {
    expect(split('Sentai Microsystems Co., Ltd. will spend 1.6 billion yuan. Work starts soon.')).toEqual([
      'Sentai Microsystems Co., Ltd. will spend 1.6 billion yuan.',
      'Work starts soon.',
    ]);
  });

  it('ends a sentence at "U.S." when a new sentence follows', () => {
    expect(split('Exports went to Europe and the U.S. The rest stayed in China.')).toEqual([
      'Exports went to Europe and the U.S.',
      'The rest stayed in China.',
    ]);
  });

  it('ends a sentence at a street "St." but not at a saint', () => {
    expect(split('The office is on Wall St. The rent is high.')).toEqual(['The office is on Wall St.', 'The rent is high.']);
    expect(split('He flew to St. Louis on Monday.')).toEqual(['He flew to St. Louis on Monday.']);
  });

  it('keeps initials with the name they belong to', () => {
    expect(split('George W. Bush visited Beijing. J. R. R. Tolkien wrote books.')).toEqual([
      'George W. Bush visited Beijing.',
      'J. R. R. Tolkien wrote books.',
    ]);
  });

  it('ends a sentence at "p.m." when a new sentence follows', () => {
    expect(split('The meeting ended at 5 p.m. The next day it resumed.')).toEqual([
      'The meeting ended at 5 p.m.',
      'The next day it resumed.',
    ]);
  });
});

describe('splitSentences on numbers, quotes and punctuation', () => {
  it('does not split decimals or money', () => {
    expect(split("The city's IoT operating income rose by 19.5 percent year-on-year to reach 247 billion yuan. It grew.")).toEqual([
      "The city's IoT operating income rose by 19.5 percent year-on-year to reach 247 billion yuan.",
      'It grew.',
    ]);
    expect(split('Investment exceeded 12 billion yuan ($1.8 billion). Output reached 113.8 billion yuan.')).toEqual([
      'Investment exceeded 12 billion yuan ($1.8 billion).',
      'Output reached 113.8 billion yuan.',
    ]);
  });

  it('ends the sentence after a quote that closes after the full stop', () => {
    expect(
      split('"We are becoming this light with increasing perseverance and determination." Du Xiaogang introduced that Wuxi is connected.'),
    ).toEqual([
      '"We are becoming this light with increasing perseverance and determination."',
      'Du Xiaogang introduced that Wuxi is connected.',
    ]);
  });

  it('keeps a quote that ends in a comma with its attribution', () => {
    expect(split('"We must grow," he said. "We will." Then he left.')).toEqual(['"We must grow," he said.', '"We will."', 'Then he left.']);
  });

  it('splits at question and exclamation marks', () => {
    expect(split('Is the market ready? Analysts say yes! Sales rose.')).toEqual([
      'Is the market ready?',
      'Analysts say yes!',
      'Sales rose.',
    ]);
  });

  it('does not split at a question mark followed by lowercase', () => {
    expect(split('"Why not?" he asked.')).toEqual(['"Why not?" he asked.']);
  });

  it('handles parentheses around and after a full stop', () => {
    expect(split('The center opened (in 2009). It grew. (The figures are provisional.) Demand rose.')).toEqual([
      'The center opened (in 2009).',
      'It grew.',
      '(The figures are provisional.)',
      'Demand rose.',
    ]);
    expect(split('Prices rose (see Fig. 3 for details). Demand fell.')).toEqual(['Prices rose (see Fig. 3 for details).', 'Demand fell.']);
  });

  it('ends a sentence at an ellipsis before a capital', () => {
    expect(split('Pay attention to attracting factor resources... As a grand event, the Expo grew.')).toEqual([
      'Pay attention to attracting factor resources...',
      'As a grand event, the Expo grew.',
    ]);
    expect(split('He paused… Then he spoke.')).toEqual(['He paused…', 'Then he spoke.']);
  });

  it('does not split inside domain names', () => {
    expect(split('Read more at wuxinews.com.cn today. It is free.')).toEqual(['Read more at wuxinews.com.cn today.', 'It is free.']);
  });
});

describe('abbreviations that end a word but not the sentence', () => {
  // Where a general-purpose sentence segmenter (Intl.Segmenter) breaks news prose.
  it.each(['Mr. Brown arrived in Wuxi on Monday.', 'On Dec. 16 Wuxi signed 32 projects in Beijing.', 'The vote is set for Feb. 28, 2021.'])(
    'keeps "%s" whole',
    (text) => {
      expect(split(text)).toEqual([text]);
    },
  );
});

describe('sentences are verbatim', () => {
  it('every sentence is a slice of its paragraph, and they rejoin to it', () => {
    const word = fc.constantFrom(
      'Mr.',
      'Dr.',
      'Dec.',
      '16',
      'No.',
      '3',
      'Co.,',
      'Ltd.',
      'U.S.',
      'St.',
      '19.5',
      '$1.8',
      'the',
      'It',
      'He',
      'said.',
      'grew!',
      'why?',
      '"Yes."',
      '(end).',
      '...',
      'Wuxi',
      'billion.',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), (words) => {
        const paragraph = words.join(' ');
        const sentences = split(paragraph);
        let from = 0;
        for (const sentence of sentences) {
          const at = paragraph.indexOf(sentence, from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + sentence.length;
        }
        expect(sentences.join(' ')).toBe(paragraph);
      }),
    );
  });

  it('on the real corpus, the sentences of each paragraph rejoin with single spaces to the paragraph', () => {
    const corpus = loadCorpus('corpus');
    for (const article of corpus.articles) {
      const paragraphs = article.sections.flatMap((s) => s.paragraphs);
      const rejoined = paragraphs.map((_, i) =>
        article.sentences
          .filter((s) => s.paragraph === i)
          .map((s) => s.text)
          .join(' '),
      );
      expect(rejoined, article.id).toEqual(paragraphs);
    }
  });

  it('on the real corpus, every sentence ends as a sentence ends and starts as one starts', () => {
    for (const article of loadCorpus('corpus').articles) {
      for (const s of article.sentences) {
        expect(s.text, s.id).toMatch(/[.!?…]["'”’)\]]*$/);
        expect(s.text, s.id).toMatch(/^["'“‘(]?[\p{Lu}\p{N}]/u);
      }
    }
  });
});
