/**
 * The floor under the load test: a bare node:http server on 127.0.0.1 that reads each POST
 * body and answers with a fixed inline reply of the same size as citebot's, doing nothing
 * else (no signature check, no JSON, no engine). What it sustains on this machine, with the
 * same load generator beside it, is the most any Node HTTP server could here.
 *
 *   node dist/bench/load/baselineServer.js   (prints "listening on http://127.0.0.1:PORT")
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real /ask reply (the Wuxi IoT question), so response bytes match the citebot runs. */
const REPLY = Buffer.from(
  JSON.stringify({
    type: 4,
    data: {
      content: '**Asked:** how many IoT firms in Wuxi',
      embeds: [
        {
          color: 2849400,
          title: 'Wuxi, Beijing seek cooperation on emerging industries',
          description:
            "> Statistic show that Wuxi is now home to 3,657 IoT enterprises, covering the entire industry chain including related chips, sensing devices, network communications, intelligent hardware and application services, according to Chen Wenbin, director of Wuxi's industry and information technology bureau.\n— wuxinews.com.cn · 18 Dec 2020",
          fields: [
            {
              name: 'Also reported · 2018',
              value:
                '> The 2,000-plus IoT companies generated combined income of more than 243 billion yuan ($35.5 billion) for the city last year, equal to 50 percent of the income made by IoT companies in the province, and 25 percent of the national total.\n— *In Jiangsu province, Wuxi becomes a global leader in IoT development* · publisher unknown · 2018',
            },
          ],
          footer: { text: 'Quoted word for word from the source · confidence 0.69' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 1, label: 'Share in channel', custom_id: 'share:wuxi-beijing-seek-cooperation:5' },
            { type: 2, style: 2, label: 'Show context', custom_id: 'context:wuxi-beijing-seek-cooperation:5' },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
      flags: 64,
    },
  }),
);
const HEALTHY = Buffer.from('{"status":"ready"}');

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = req.url === '/healthz' ? HEALTHY : REPLY;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
// close() waits for keep-alive connections to go idle; the load generator has closed them by now.
process.on('SIGTERM', () => server.closeAllConnections());
