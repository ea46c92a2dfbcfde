// Preloaded with `node --import`: writes every module file the process loads to the file named by
// CITEBOT_MODULES_OUT, one URL or path a line: ES modules through a loader hook, CommonJS ones
// (discord.js and its dependencies are CommonJS) from require's cache when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.CITEBOT_MODULES_OUT;
if (out) {
  const hook = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(out)}, url + '\\n');
  return next(url, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  process.on('exit', () => appendFileSync(out, Object.keys(createRequire(import.meta.url).cache).join('\n') + '\n'));
}
