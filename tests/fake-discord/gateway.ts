// Gateway side: HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats, and
// resumable sessions that buffer dispatches so RESUME replays what was missed.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GatewayCloseCodes,
  type ApplicationFlags,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import { randomToken } from './ids.js';
import { WaitableLog } from './log.js';

export interface GatewayWorld {
  botUser: APIUser;
  applicationId: string;
  /** Built per IDENTIFY (fresh `joined_at`); null → the bot is in no guild. */
  guildCreate(): GatewayGuildCreateDispatchData | null;
  token: string | null;
  heartbeatIntervalMs: number;
  resumeUrl(): string;
}

/** A payload some client sent us. */
export interface GatewayFrame {
  at: number;
  connection: number;
  op: number;
  d: unknown;
}

interface Dispatch {
  op: 0;
  t: string;
  s: number | null;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  history: Dispatch[];
  conn: Connection | null;
  resumable: boolean;
}

interface Connection {
  id: number;
  ws: WebSocket;
  session: Session | null;
  ackHeartbeats: boolean;
}

const HISTORY_LIMIT = 1000;
/** Ops a client may send before it has identified or resumed. */
const PRE_AUTH_OPS: readonly number[] = [GatewayOpcodes.Heartbeat, GatewayOpcodes.Identify, GatewayOpcodes.Resume];

export class FakeGateway {
  readonly received = new WaitableLog<GatewayFrame>('gateway frame', (f) => `conn#${f.connection} op ${f.op}`);
  /** Every URL a client connected with, in order (shows whether it used resume_gateway_url). */
  readonly connectionUrls: string[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly world: GatewayWorld) {}

  get identifyCount(): number {
    return this.countOp(GatewayOpcodes.Identify);
  }

  get resumeCount(): number {
    return this.countOp(GatewayOpcodes.Resume);
  }

  get heartbeatCount(): number {
    return this.countOp(GatewayOpcodes.Heartbeat);
  }

  get openConnections(): number {
    return this.connections.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req.url ?? '/'));
  }

  /** Sends (or buffers for RESUME) a dispatch to every session; returns how many got it. */
  dispatch(t: string, d: unknown): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      this.dispatchTo(session, t, d);
      delivered += 1;
    }
    return delivered;
  }

  /**
   * Server-side disconnect of every client. A 4xxx code (default 4000) is a
   * resumable error for discord.js; 'abrupt' kills the TCP socket (client sees 1006).
   */
  async closeAll(code: number | 'abrupt' = GatewayCloseCodes.UnknownError, reason = 'fake-discord closeAll'): Promise<void> {
    const closing = [...this.connections].map(
      (conn) =>
        new Promise<void>((resolve) => {
          if (conn.ws.readyState === WebSocket.CLOSED) return resolve();
          // Don't wait forever for a client that never answers the close frame.
          const timer = setTimeout(() => conn.ws.terminate(), 1000);
          conn.ws.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          if (code === 'abrupt') conn.ws.terminate();
          else conn.ws.close(code, reason);
        }),
    );
    await Promise.all(closing);
  }

  /** Stop acking heartbeats on the connections open now (new ones ack normally again). */
  stopHeartbeatAcks(): void {
    for (const conn of this.connections) conn.ackHeartbeats = false;
  }

  /** The next RESUME of any existing session is refused with INVALID_SESSION (d: false). */
  invalidateSessions(): void {
    for (const session of this.sessions.values()) session.resumable = false;
  }

  /** Op 7: Discord asking clients to reconnect and resume. */
  requestReconnect(): void {
    for (const conn of this.connections) send(conn, { op: GatewayOpcodes.Reconnect, d: null });
  }

  async close(): Promise<void> {
    for (const conn of this.connections) conn.ws.terminate();
    this.connections.clear();
    this.sessions.clear();
    this.received.cancelAll('FakeDiscord was stopped');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private countOp(op: number): number {
    return this.received.entries.filter((f) => f.op === op).length;
  }

  private accept(ws: WebSocket, url: string): void {
    const conn: Connection = { id: this.connectionUrls.length + 1, ws, session: null, ackHeartbeats: true };
    this.connectionUrls.push(url);
    this.connections.add(conn);
    ws.on('message', (data, isBinary) => this.onMessage(conn, data.toString(), isBinary));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => ws.terminate());

    const query = new URL(url, 'ws://fake.invalid').searchParams;
    if (query.get('v') !== '10') return ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
    if ((query.get('encoding') ?? 'json') !== 'json') return ws.close(GatewayCloseCodes.DecodeError, 'Only json');
    send(conn, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.world.heartbeatIntervalMs } });
  }

  private onMessage(conn: Connection, text: string, isBinary: boolean): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = isBinary ? {} : (JSON.parse(text) as typeof frame);
    } catch {
      frame = {};
    }
    if (typeof frame.op !== 'number') return conn.ws.close(GatewayCloseCodes.DecodeError, 'Decode error');
    this.received.push({ at: Date.now(), connection: conn.id, op: frame.op, d: frame.d });

    if (!conn.session && !PRE_AUTH_OPS.includes(frame.op)) {
      return conn.ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated');
    }
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        if (conn.ackHeartbeats) send(conn, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        return this.identify(conn, asRecord(frame.d));
      case GatewayOpcodes.Resume:
        return this.resume(conn, asRecord(frame.d));
      default:
        return; // presence/voice/member requests: recorded, otherwise ignored
    }
  }

  private identify(conn: Connection, d: Record<string, unknown>): void {
    if (conn.session) return conn.ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
    if (!this.tokenOk(d.token)) return conn.ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
    const session: Session = { id: randomToken(16), seq: 0, history: [], conn, resumable: true };
    this.sessions.set(session.id, session);
    conn.session = session;

    const guild = this.world.guildCreate();
    const [shardId = 0, shardCount = 1] = Array.isArray(d.shard) ? (d.shard as number[]) : [];
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.world.botUser,
      guilds: guild ? [{ id: guild.id, unavailable: true }] : [],
      session_id: session.id,
      resume_gateway_url: this.world.resumeUrl(),
      shard: [shardId, shardCount],
      application: { id: this.world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    // discord.js only emits `ready` once every guild listed unavailable in READY has arrived.
    if (guild) this.dispatchTo(session, GatewayDispatchEvents.GuildCreate, guild);
  }

  private resume(conn: Connection, d: Record<string, unknown>): void {
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : -1;
    if (!session || !session.resumable || !this.tokenOk(d.token) || seq > session.seq || seq < 0) {
      send(conn, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (session.conn && session.conn !== conn) session.conn.session = null;
    session.conn = conn;
    conn.session = session;
    for (const missed of session.history) if (missed.s !== null && missed.s > seq) send(conn, missed);
    // s: null so discord.js's `shardResume` replayed count equals the events replayed.
    send(conn, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: null, d: {} });
  }

  private onClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    const session = conn.session;
    if (!session || session.conn !== conn) return;
    session.conn = null;
    // A normal close (1000/1001) ends the session for good, as on Discord;
    // anything else leaves it resumable.
    if (code === 1000 || code === 1001 || !session.resumable) this.sessions.delete(session.id);
  }

  private dispatchTo(session: Session, t: string, d: unknown): void {
    const payload: Dispatch = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d };
    session.history.push(payload);
    if (session.history.length > HISTORY_LIMIT) session.history.shift();
    if (session.conn) send(session.conn, payload);
  }

  private tokenOk(token: unknown): boolean {
    return typeof token === 'string' && (this.world.token === null || token === this.world.token);
  }
}

function send(conn: Connection, payload: { op: number; d?: unknown; t?: string; s?: number | null }): void {
  if (conn.ws.readyState !== WebSocket.OPEN) return;
  conn.ws.send(JSON.stringify({ t: null, s: null, d: null, ...payload }));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
