// Interaction-to-reply latency through the fake Discord (a benchmark, not a test).
// The bot is started exactly as `citebot bot` starts it (startBot, through the test kit's
// startBotOnFake), pointed at the fake on 127.0.0.1; each sample is the time from the fake dispatching INTERACTION_CREATE over the
// gateway to the bot's interaction callback arriving at the fake's REST endpoint: gateway
// decode, discord.js, dispatcher, engine, renderer, REST encode and HTTP, on one machine.
//
//   npm run bench:discord                       # 300 interactions per kind
//   npm run bench:discord -- --count 1000 --json
import { parseArgs } from 'node:util';
import type { APIInteraction } from 'discord.js';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, type InteractionScope } from '../tests/fake-discord/index.js';
import { startBotOnFake } from '../tests/support/discordBot.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const warmup = Number(values.warmup);

const QUESTIONS = [
  'how many IoT firms in Wuxi',
  'Who is the vice-mayor of Wuxi?',
  'what is the capital of France',
  "How many people are employed in Wuxi's IoT sector?",
];

type Make = (scope: InteractionScope, i: number) => APIInteraction;
const kinds: Record<string, Make> = {
  '/ask (engine + citation embed)': (scope, i) =>
    chatInputInteraction(scope, { name: 'ask', options: { question: QUESTIONS[i % QUESTIONS.length]! } }),
  'autocomplete /ask': (scope, i) =>
    autocompleteInteraction(scope, { name: 'ask', focused: 'question', value: ['who is g', 'how many', 'iot', 'min'][i % 4]! }),
  'Share button': (scope) => buttonInteraction(scope, { customId: 'share:wuxi-beijing-seek-cooperation:5' }),
  '/help (no engine work)': (scope) => chatInputInteraction(scope, { name: 'help' }),
};

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function main(): Promise<void> {
  const { fake, stop } = await startBotOnFake({ env: { CITEBOT_RATE_LIMIT: '0' }, logLevel: 'silent' });
  const scope = fake.guildScope();
  const results: Record<string, unknown>[] = [];
  try {
    for (const [name, make] of Object.entries(kinds)) {
      const samples: number[] = [];
      for (let i = 0; i < warmup + count; i++) {
        const payload = make(scope, i);
        const started = performance.now();
        fake.sendInteraction(payload);
        await fake.awaitInteractionReply(payload.id, 10_000);
        if (i >= warmup) samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
      results.push({
        interaction: name,
        n: samples.length,
        p50: round(percentile(samples, 50)),
        p90: round(percentile(samples, 90)),
        p99: round(percentile(samples, 99)),
        max: round(samples.at(-1)!),
        mean: round(mean),
      });
    }
  } finally {
    await stop();
  }
  if (values.json) {
    console.log(JSON.stringify({ node: process.version, count, warmup, results }, null, 2));
    return;
  }
  console.log(
    `Interaction → callback latency through the fake Discord (ms), ${count} sequential interactions per kind after ${warmup} warm-up, Node ${process.version}`,
  );
  console.table(results);
}

await main();
