// Every command's name, summary and flags, apart from the code that runs it: `citebot --help`
// lists them all, and main.ts loads a command's modules (discord.js for bot) only when it runs.
import { CORPUS_FLAG, INDEX_FLAG, JSON_FLAG, type CommandSpec } from './parseCliArgs.js';

/** ask and search: only some articles (engine/articleFilter.ts). */
const FILTER_FLAGS = {
  since: {
    type: 'string',
    value: 'DATE',
    help: 'only articles dated then or later: a year (2020), a month (2020-06) or a day (2020-12-01); undated articles are left out',
    defaultText: 'any date',
  },
  source: { type: 'string', value: 'PUBLISHER', help: 'only articles from this publisher (e.g. wuxinews.com.cn)', defaultText: 'any' },
} as const;

export const askSpec = {
  name: 'ask',
  summary: 'answer a question with one quoted, dated sentence (or one question per stdin line)',
  operands: '[QUESTION]',
  flags: {
    corpus: CORPUS_FLAG,
    index: INDEX_FLAG,
    json: JSON_FLAG,
    limit: { type: 'string', value: 'N', default: '3', help: "answers at most: the answer, then other sources' dated answers" },
    ...FILTER_FLAGS,
  },
} satisfies CommandSpec;

export const searchSpec = {
  name: 'search',
  summary: 'ranked sentence search, for browsing the sources',
  operands: 'QUERY',
  flags: {
    corpus: CORPUS_FLAG,
    index: INDEX_FLAG,
    json: JSON_FLAG,
    limit: { type: 'string', value: 'N', default: '10', help: 'sentences at most, best first' },
    ...FILTER_FLAGS,
  },
} satisfies CommandSpec;

export const sourcesSpec = {
  name: 'sources',
  summary: 'list the articles of the corpus',
  flags: { corpus: CORPUS_FLAG, json: JSON_FLAG },
} satisfies CommandSpec;

export const showSpec = {
  name: 'show',
  summary: 'print one article: its metadata and its sentences',
  operands: 'ID',
  flags: { corpus: CORPUS_FLAG, json: JSON_FLAG },
} satisfies CommandSpec;

export const ingestSpec = {
  name: 'ingest',
  summary:
    'turn news pages (HTML or scraped text, files or http(s) URLs) or the items of an RSS/Atom feed into corpus articles (furniture removed, metadata found)',
  operands: 'FILE|URL...',
  flags: {
    corpus: CORPUS_FLAG,
    feed: {
      type: 'string',
      value: 'URL|FILE',
      help: "ingest each item's page of an RSS or Atom feed; items already in the corpus (same URL) are skipped",
    },
    'max-items': {
      type: 'string',
      value: 'N',
      default: '50',
      help: 'with --feed: read at most N new items per run (added or unreadable); the rest wait for the next run',
    },
    create: {
      type: 'boolean',
      help: 'create the corpus folder if it does not exist (without it, a folder that does not exist is refused)',
    },
    date: {
      type: 'string',
      value: 'YYYY[-MM[-DD]]',
      help: 'the publication date, when the page prints none; recorded with a note that you gave it',
      defaultText: 'found in the page',
    },
    undated: { type: 'boolean', help: 'store the article without a date when the page prints none' },
    title: { type: 'string', value: 'T', help: 'the headline', defaultText: 'found in the page' },
    source: { type: 'string', value: 'S', help: 'the publisher', defaultText: 'found in the page' },
    id: {
      type: 'string',
      value: 'ID',
      help: 'the article id and file name: 1-64 letters, digits, _ - . (one page only)',
      defaultText: 'made from the title',
    },
  },
} satisfies CommandSpec;

export const consoleSpec = {
  name: 'console',
  summary:
    'try the bot without Discord: type /ask question: how many IoT firms in Wuxi and see the reply as Discord would show it (stdin can be piped)',
  flags: { corpus: CORPUS_FLAG, index: INDEX_FLAG },
} satisfies CommandSpec;

export const botSpec = {
  name: 'bot',
  summary: 'run the Discord bot on the gateway (DISCORD_TOKEN etc. from the environment or .env; see .env.example)',
  flags: {
    corpus: CORPUS_FLAG,
    index: INDEX_FLAG,
    shards: {
      type: 'string',
      value: 'N|auto',
      help: "run discord.js's ShardingManager: N processes, one gateway shard each (auto: as many as Discord recommends)",
      defaultText: 'one process, no sharding',
    },
  },
} satisfies CommandSpec;

export const serveSpec = {
  name: 'serve',
  summary:
    "answer Discord interactions over HTTP at POST /interactions (DISCORD_PUBLIC_KEY from the environment or .env; set the application's Interactions Endpoint URL to it), GET /healthz for load balancers",
  flags: {
    corpus: CORPUS_FLAG,
    index: INDEX_FLAG,
    port: { type: 'string', value: 'P', help: 'the port to listen on (0 picks a free one)', defaultText: 'CITEBOT_HTTP_PORT, else 8080' },
    host: { type: 'string', value: 'H', help: 'the address to listen on', defaultText: 'CITEBOT_HTTP_HOST, else 127.0.0.1' },
  },
} satisfies CommandSpec;

export const deployCommandsSpec = {
  name: 'deploy-commands',
  summary: 'register the slash and context-menu commands with Discord: in one server for development, else globally',
  flags: {
    guild: { type: 'string', value: 'ID', help: 'register in this server only (instant)', defaultText: 'DISCORD_GUILD_ID, else globally' },
    global: { type: 'boolean', help: 'register globally, even when DISCORD_GUILD_ID is set (may take minutes to appear)' },
  },
} satisfies CommandSpec;

export const buildIndexSpec = {
  name: 'build-index',
  summary: 'index the corpus once and save it, so ask, bot and serve start fast',
  flags: {
    corpus: CORPUS_FLAG,
    out: {
      type: 'string',
      value: 'FILE',
      help: 'where to write the index (read it with --index FILE)',
      defaultText: '.citebot-index in the corpus folder',
    },
  },
} satisfies CommandSpec;

export const feedbackSpec = {
  name: 'feedback',
  summary:
    'list what people said with "Not it?" (the question, the quotes shown, what they chose instead), for the corpus\'s curators; read from CITEBOT_FEEDBACK_FILE',
  flags: {
    json: { type: 'boolean', help: 'print the records as JSON lines, as stored' },
    limit: { type: 'string', value: 'N', default: '50', help: 'the latest N records' },
  },
} satisfies CommandSpec;
