// Live reload at the console (`citebot console`, the real process, questions typed on its
// stdin): a reload is one short plain line on stderr, not JSON, and the next question is
// answered from the new corpus; a broken file says what is wrong and changes nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { startCitebot, tempFolders } from '../support/cli.js';
import { copyCorpus, pollUntil, writeArticle, writeBrokenArticle } from '../support/liveCorpus.js';

const folders = tempFolders('citebot-console-reload-');
afterAll(() => folders.removeAll());

describe('the console, watching its corpus folder', () => {
  it('says in one plain line that it reloaded (or why not), and answers from the new article', async () => {
    const dir = copyCorpus(folders.make());
    const run = startCitebot(['console', '--corpus', dir], { env: { CITEBOT_WATCH_DEBOUNCE_MS: '100' }, keepInputOpen: true });
    const askAndRead = async (question: string) => {
      const mark = run.stdout().length;
      run.child.stdin.write(`${question}\n`);
      return pollUntil('the console answers', async () => {
        const reply = run.stdout().slice(mark);
        // A reply ends with the blank line after it.
        return /\n\n$/.test(reply) && reply.includes(question) ? reply : undefined;
      });
    };
    try {
      expect(await askAndRead('How many beehives does the Lakeside Honey Cooperative keep?')).not.toContain('4,200');
      writeArticle(dir, {
        id: 'lakeside-honey-cooperative',
        title: 'Lakeside Honey Cooperative expands along Taihu',
        date: '2021-03-02',
        body: 'The Lakeside Honey Cooperative now keeps 4,200 beehives on the shores of Taihu Lake, its chairman said on Monday.',
      });
      await pollUntil('the reload line', async () => (/corpus reloaded/.test(run.stderr()) ? true : undefined));
      // (A notice about the copied prebuilt index may come first, when the build that made it is older than this code.)
      const reloadLines = () =>
        run
          .stderr()
          .split('\n')
          .filter((line) => line.startsWith('citebot: corpus '));
      expect(reloadLines()).toEqual([expect.stringMatching(/^citebot: corpus reloaded: 6 articles, \d+ sentences \(\d+\.\d s\)$/)]);
      expect(await askAndRead('How many beehives does the Lakeside Honey Cooperative keep?')).toContain('4,200 beehives');

      writeBrokenArticle(dir, 'half-written.md');
      await pollUntil('the failure line', async () => (/not reloaded/.test(run.stderr()) ? true : undefined));
      const lines = reloadLines();
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(
        /^citebot: corpus not reloaded: .*half-written\.md.*date.*\(still answering from the 6 articles loaded before\)$/,
      );
      expect(await askAndRead('How many beehives does the Lakeside Honey Cooperative keep?')).toContain('4,200 beehives');
    } finally {
      run.child.stdin.end();
    }
    expect(await run.exited).toEqual([0, null]);
  }, 40_000);
});
