// REST side: route table, auth, fault injection, and a log of every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { RESTJSONErrorCodes, type APIUser } from 'discord.js';
import { BadBodyError, parseBody, readRaw, sendReply } from './body.js';
import type { CommandRegistry } from './commands.js';
import { FaultInjector } from './faults.js';
import type { InteractionStore } from './interactions.js';
import { WaitableLog } from './log.js';
import { errorReply, type IncomingRequest, type RecordedRequest, type Reply } from './types.js';

export interface RestWorld {
  botUser: APIUser;
  applicationId: string;
  application: Record<string, unknown>;
  guildId: string | null;
  /** When set, `Authorization: Bot <token>` must match it exactly. */
  token: string | null;
  gatewayUrl(): string;
}

type Params = Record<string, string>;

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  keys: string[];
  /** Bot-token routes; interaction callbacks and webhooks authenticate by URL token instead. */
  auth: boolean;
  handle(params: Params, req: IncomingRequest): Reply;
}

function route(method: string, template: string, auth: boolean, handle: Route['handle']): Route {
  const keys: string[] = [];
  const source = template.replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { method, template, pattern: new RegExp(`^${source}$`), keys, auth, handle };
}

export class RestApi {
  readonly log = new WaitableLog<RecordedRequest>(
    'REST request',
    (r) => `#${r.seq} ${r.method} ${r.path} → ${r.status}${r.fault ? ' (fault)' : ''}${r.route ? '' : ' (no route)'}`,
  );
  readonly faults = new FaultInjector();
  private readonly routes: Route[];
  private readonly stopping = new AbortController();
  private seq = 0;

  constructor(
    /** e.g. `/api/v10`: what @discordjs/rest puts before every route. */
    private readonly prefix: string,
    private readonly world: RestWorld,
    interactions: InteractionStore,
    commands: CommandRegistry,
  ) {
    const ownApp =
      (handle: Route['handle']): Route['handle'] =>
      (p, req) =>
        p.appId === world.applicationId ? handle(p, req) : errorReply(404, RESTJSONErrorCodes.UnknownApplication, 'Unknown Application');
    const ownGuild =
      (handle: Route['handle']): Route['handle'] =>
      (p, req) =>
        p.guildId === world.guildId ? handle(p, req) : errorReply(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');

    this.routes = [
      route('GET', '/gateway', false, () => ({ status: 200, body: { url: world.gatewayUrl() } })),
      route('GET', '/gateway/bot', true, () => ({
        status: 200,
        body: {
          url: world.gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        },
      })),
      route('GET', '/users/@me', true, () => ({ status: 200, body: world.botUser })),
      route('GET', '/applications/@me', true, () => ({ status: 200, body: world.application })),
      route(
        'GET',
        '/applications/:appId/commands',
        true,
        ownApp(() => commands.get()),
      ),
      route(
        'PUT',
        '/applications/:appId/commands',
        true,
        ownApp((_, req) => commands.overwrite(req.body)),
      ),
      route('GET', '/applications/:appId/guilds/:guildId/commands', true, ownApp(ownGuild((p) => commands.get(p.guildId)))),
      route(
        'PUT',
        '/applications/:appId/guilds/:guildId/commands',
        true,
        ownApp(ownGuild((p, req) => commands.overwrite(req.body, p.guildId))),
      ),
      route('POST', '/interactions/:id/:token/callback', false, (p, req) =>
        interactions.callback(p.id!, p.token!, req.query.with_response === 'true', req.body, req.files),
      ),
      route('GET', '/webhooks/:appId/:token/messages/:messageId', false, (p) => interactions.getMessage(p.appId!, p.token!, p.messageId!)),
      route('PATCH', '/webhooks/:appId/:token/messages/:messageId', false, (p, req) =>
        interactions.editMessage(p.appId!, p.token!, p.messageId!, req.body, req.files),
      ),
      route('DELETE', '/webhooks/:appId/:token/messages/:messageId', false, (p) =>
        interactions.deleteMessage(p.appId!, p.token!, p.messageId!),
      ),
      route('POST', '/webhooks/:appId/:token', false, (p, req) =>
        interactions.followUp(p.appId!, p.token!, req.query.wait === 'true', req.body, req.files),
      ),
    ];
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const parsed = new URL(url, 'http://fake.invalid');
    const versioned = parsed.pathname.startsWith(`${this.prefix}/`);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const incoming: IncomingRequest = {
      method: req.method ?? 'GET',
      path: decodePath(versioned ? parsed.pathname.slice(this.prefix.length) : parsed.pathname),
      url,
      query: Object.fromEntries(parsed.searchParams),
      headers,
      body: undefined,
      files: [],
    };
    let reply: Reply | undefined;
    try {
      Object.assign(incoming, await parseBody(await readRaw(req), headers['content-type']));
    } catch (error) {
      if (!(error instanceof BadBodyError)) throw error;
      reply = errorReply(400, RESTJSONErrorCodes.RequestBodyContainsInvalidJSON, error.message);
    }

    const matched = versioned ? this.match(incoming) : undefined;
    const fault = this.faults.take(incoming);
    if (fault && fault.delayMs > 0) {
      // Aborted on stop() so a long injected delay never outlives the fake.
      const aborted = await sleep(fault.delayMs, false, { signal: this.stopping.signal }).catch(() => true);
      if (aborted) return;
    }
    reply ??= fault?.reply ?? this.answer(incoming, matched);

    this.log.push({
      ...incoming,
      seq: ++this.seq,
      at: Date.now(),
      route: matched ? `${matched.route.method} ${matched.route.template}` : null,
      status: reply.status,
      response: reply.body,
      fault: fault?.reply !== undefined,
    });
    sendReply(res, reply);
  }

  stop(): void {
    this.stopping.abort();
    this.log.cancelAll('FakeDiscord was stopped');
  }

  private match(req: IncomingRequest): { route: Route; params: Params } | undefined {
    for (const r of this.routes) {
      const m = r.method === req.method ? r.pattern.exec(req.path) : null;
      if (m) return { route: r, params: Object.fromEntries(r.keys.map((k, i) => [k, m[i + 1] ?? ''])) };
    }
    return undefined;
  }

  private answer(req: IncomingRequest, matched: ReturnType<RestApi['match']>): Reply {
    if (!matched) return errorReply(404, RESTJSONErrorCodes.GeneralError, '404: Not Found');
    if (matched.route.auth && !this.authorized(req.headers.authorization)) {
      return errorReply(401, RESTJSONErrorCodes.GeneralError, '401: Unauthorized');
    }
    try {
      return matched.route.handle(matched.params, req);
    } catch (error) {
      // A bug in the fake must surface in the test, not hang the client.
      return errorReply(500, RESTJSONErrorCodes.GeneralError, `fake-discord handler crashed: ${String(error)}`);
    }
  }

  private authorized(header: string | undefined): boolean {
    if (!header?.startsWith('Bot ')) return false;
    return this.world.token === null || header === `Bot ${this.world.token}`;
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
