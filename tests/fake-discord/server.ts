// FakeDiscord: one HTTP server on 127.0.0.1 serving REST under /api and the
// gateway WebSocket under /gateway, wired to shared state.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APICommandAutocompleteInteractionResponseCallbackData,
  APIInteraction,
  APIInteractionResponseCallbackData,
  APIUser,
} from 'discord.js';
import { CommandRegistry } from './commands.js';
import { rateLimitReply, type FaultHandle, type FaultRule, type RateLimitOptions } from './faults.js';
import { FakeGateway } from './gateway.js';
import { snowflake } from './ids.js';
import { InteractionStore, type InteractionMessages } from './interactions.js';
import { guildCreatePayload, userPayload, type GuildSpec, type InteractionScope } from './payloads.js';
import { RestApi } from './rest.js';
import type { RecordedRequest, RequestPredicate } from './types.js';

export interface FakeDiscordOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** HELLO heartbeat_interval; discord.js sends its first beat after a random fraction of it. Default 1000. */
  heartbeatIntervalMs?: number;
  /** Demand this exact bot token on REST and IDENTIFY/RESUME. Default: accept any token. */
  token?: string;
  botUser?: Partial<APIUser>;
  /** The guild the bot is in (sent as GUILD_CREATE); null → no guilds. */
  guild?: Partial<GuildSpec> | null;
  /** Refuse callbacks later than this after the INTERACTION_CREATE (Discord: 3000). Default: no deadline. */
  ackDeadlineMs?: number | null;
}

/** The accepted interaction callback, with the response body unpacked. */
export interface InteractionReply extends RecordedRequest {
  /** Callback type: 4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: APIInteractionResponseCallbackData & Partial<APICommandAutocompleteInteractionResponseCallbackData>;
  ephemeral: boolean;
}

const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';
const DEFAULT_WAIT_MS = 5_000;

export class FakeDiscord {
  /** Pass as `new Client({ rest: { api: fake.apiUrl } })`; @discordjs/rest appends `/v10/...`. */
  readonly apiUrl: string;
  /** What GET /gateway/bot returns; discord.js connects here by itself. */
  readonly gatewayUrl: string;
  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly guild: GuildSpec | null;
  /** The invoking user of scopes unless overridden. */
  readonly defaultUser: APIUser = userPayload({ username: 'tester' });
  readonly rest: RestApi;
  readonly gateway: FakeGateway;
  readonly commands: CommandRegistry;
  private readonly interactions: InteractionStore;
  private stopped: Promise<void> | null = null;

  private constructor(
    private readonly server: Server,
    port: number,
    options: FakeDiscordOptions,
  ) {
    const origin = `127.0.0.1:${port}`;
    this.apiUrl = `http://${origin}/api`;
    this.gatewayUrl = `ws://${origin}/gateway`;
    const resumeUrl = `ws://${origin}/gateway/resume`;
    this.botUser = userPayload({ username: 'citebot', bot: true, ...options.botUser });
    this.applicationId = this.botUser.id; // true for every bot created since 2016
    const token = options.token ?? null;
    this.guild =
      options.guild === null
        ? null
        : { id: snowflake(), name: 'Fake Guild', channelId: snowflake(), channelName: 'general', ...options.guild };

    this.commands = new CommandRegistry(this.applicationId);
    this.interactions = new InteractionStore({
      botUser: this.botUser,
      applicationId: this.applicationId,
      ackDeadlineMs: options.ackDeadlineMs ?? null,
    });
    this.rest = new RestApi(
      '/api/v10',
      {
        botUser: this.botUser,
        applicationId: this.applicationId,
        application: {
          id: this.applicationId,
          name: this.botUser.username,
          description: '',
          icon: null,
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          flags: 0,
          bot: this.botUser,
        },
        guildId: this.guild?.id ?? null,
        token,
        gatewayUrl: () => this.gatewayUrl,
      },
      this.interactions,
      this.commands,
    );
    this.gateway = new FakeGateway({
      botUser: this.botUser,
      applicationId: this.applicationId,
      guildCreate: () => (this.guild ? guildCreatePayload(this.guild, this.botUser) : null),
      token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
      resumeUrl: () => resumeUrl,
    });

    server.on('request', (req, res) => {
      this.rest.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/gateway')) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return new FakeDiscord(server, (server.address() as AddressInfo).port, options);
  }

  // ── REST ────────────────────────────────────────────────────────────────

  get requests(): readonly RecordedRequest[] {
    return this.rest.log.entries;
  }

  /** Requests no route knew; a healthy bot run should leave this empty. */
  get unknownRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.route === null);
  }

  /** Next request matching `predicate` (or an earlier one too, with `includePast`). */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
    options: { includePast?: boolean } = {},
  ): Promise<RecordedRequest> {
    return this.rest.log.waitFor(predicate, timeoutMs, options.includePast ?? false);
  }

  injectFault(rule: FaultRule): FaultHandle {
    return this.rest.faults.add(rule);
  }

  /** Next `times` (default 1) matching requests get `status` (default 500). discord.js retries 5xx 3 times. */
  failNext(match: RequestPredicate, status = 500, options: { times?: number; body?: unknown } = {}): FaultHandle {
    const body = options.body ?? { message: `${status}: fake-discord injected failure`, code: 0 };
    return this.injectFault({ match, status, body, times: options.times });
  }

  /** Next `times` (default 1) matching requests get a 429 with real rate-limit headers. */
  rateLimitNext(match: RequestPredicate, options: RateLimitOptions & { times?: number } = {}): FaultHandle {
    return this.injectFault({ match, times: options.times, ...rateLimitReply(options) });
  }

  // ── Gateway ─────────────────────────────────────────────────────────────

  /** Raw dispatch (op 0) to every gateway session; returns how many sessions got it. */
  sendDispatch(t: string, d: unknown): number {
    return this.gateway.dispatch(t, d);
  }

  /** INTERACTION_CREATE; the fake then accepts exactly one callback for it. */
  sendInteraction<T extends APIInteraction>(payload: T): T {
    this.interactions.track(payload);
    if (this.sendDispatch('INTERACTION_CREATE', payload) === 0) {
      throw new Error('sendInteraction: no gateway session — is the client logged in and ready?');
    }
    return payload;
  }

  closeAll(code?: number | 'abrupt'): Promise<void> {
    return this.gateway.closeAll(code);
  }

  stopHeartbeatAcks(): void {
    this.gateway.stopHeartbeatAcks();
  }

  get identifyCount(): number {
    return this.gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.gateway.resumeCount;
  }

  // ── Interactions ────────────────────────────────────────────────────────

  /** Scope for interactions in the configured guild's text channel. */
  guildScope(overrides: Partial<InteractionScope> = {}): InteractionScope {
    if (!this.guild) throw new Error('guildScope: this FakeDiscord was started with guild: null');
    return { ...this.baseScope(), guildId: this.guild.id, channelId: this.guild.channelId, ...overrides };
  }

  /** Scope for interactions from a DM with the bot. */
  dmScope(overrides: Partial<InteractionScope> = {}): InteractionScope {
    return { ...this.baseScope(), channelId: snowflake(), ...overrides };
  }

  /** First accepted (2xx) callback for the interaction, including one that already arrived. */
  async awaitInteractionReply(interactionId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<InteractionReply> {
    const request = await this.waitForRequest(
      (r) => r.route === CALLBACK_ROUTE && r.path.startsWith(`/interactions/${interactionId}/`) && r.status < 300 && !r.fault,
      timeoutMs,
      { includePast: true },
    );
    const body = (request.body ?? {}) as { type?: number; data?: InteractionReply['data'] };
    const data = body.data ?? {};
    return { ...request, type: body.type ?? -1, data, ephemeral: ((data.flags ?? 0) & 64) !== 0 };
  }

  /** What users would now see for this interaction: its original response and follow-ups. */
  interactionMessages(interactionId: string): InteractionMessages {
    return this.interactions.messages(interactionId);
  }

  /** Closes sockets, server and pending waits; safe to call twice. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.rest.stop();
      await this.gateway.close();
      this.server.closeAllConnections(); // undici keeps REST sockets alive otherwise
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
    })();
    return this.stopped;
  }

  private baseScope() {
    return { applicationId: this.applicationId, botUser: this.botUser, user: this.defaultUser };
  }
}
