// Interaction lifecycle as Discord enforces it: one callback per interaction,
// webhook (token) routes to read/edit/delete the original response and follow-ups.
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  RESTJSONErrorCodes,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
  type APIUser,
} from 'discord.js';
import { snowflake } from './ids.js';
import { messagePayload } from './payloads.js';
import { errorReply, type RecordedFile, type Reply } from './types.js';
import { asObject, checkChoices, checkMessage } from './validation.js';

interface Tracked {
  payload: APIInteraction;
  sentAt: number;
  callbackType: number | null;
  original: APIMessage | null;
  followups: Map<string, APIMessage>;
}

export interface InteractionMessages {
  original: APIMessage | null;
  followups: APIMessage[];
}

/** Callback types Discord accepts per interaction type. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

const unknownInteraction = (): Reply => errorReply(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');
const unknownWebhook = (): Reply => errorReply(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
const unknownMessage = (): Reply => errorReply(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');

export interface InteractionWorld {
  botUser: APIUser;
  applicationId: string;
  /** Real Discord refuses the first callback after 3 s; null disables the check. */
  ackDeadlineMs: number | null;
}

export class InteractionStore {
  private readonly byId = new Map<string, Tracked>();
  private readonly byToken = new Map<string, Tracked>();

  constructor(private readonly world: InteractionWorld) {}

  track(payload: APIInteraction): void {
    const tracked: Tracked = { payload, sentAt: Date.now(), callbackType: null, original: null, followups: new Map() };
    this.byId.set(payload.id, tracked);
    this.byToken.set(payload.token, tracked);
  }

  messages(interactionId: string): InteractionMessages {
    const tracked = this.byId.get(interactionId);
    return { original: tracked?.original ?? null, followups: [...(tracked?.followups.values() ?? [])] };
  }

  callback(id: string, token: string, withResponse: boolean, rawBody: unknown, files: RecordedFile[]): Reply {
    const tracked = this.byId.get(id);
    if (!tracked || tracked.payload.token !== token) return unknownInteraction();
    const { ackDeadlineMs } = this.world;
    if (tracked.callbackType === null && ackDeadlineMs !== null && Date.now() - tracked.sentAt > ackDeadlineMs) {
      return unknownInteraction();
    }
    if (tracked.callbackType !== null) {
      return errorReply(400, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.');
    }
    const body = asObject(rawBody);
    const type = body.type;
    const data = asObject(body.data);
    if (typeof type !== 'number' || !ALLOWED_CALLBACKS[tracked.payload.type]?.includes(type)) {
      return errorReply(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Interaction callback type invalid');
    }
    const problem = this.applyCallback(tracked, type, data, files);
    if (problem) return problem;
    tracked.callbackType = type;
    if (!withResponse) return { status: 204 };
    return { status: 200, body: this.callbackResponse(tracked, type) };
  }

  private applyCallback(tracked: Tracked, type: number, data: Record<string, unknown>, files: RecordedFile[]) {
    const source = 'message' in tracked.payload ? tracked.payload.message : undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return checkMessage(data, files, true) ?? void (tracked.original = this.newMessage(tracked, data, files));
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = (Number(data.flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading;
        tracked.original = this.newMessage(tracked, { flags }, []);
        return null;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        tracked.original = source ?? null;
        return null;
      case InteractionResponseType.UpdateMessage:
        if (!source) return unknownMessage();
        return checkMessage(data, files, false) ?? void (tracked.original = edited(source, data, files));
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        return checkChoices(data);
      default:
        return null; // modal: nothing visible to track
    }
  }

  private callbackResponse(tracked: Tracked, type: number) {
    const message = tracked.original ?? undefined;
    const hasMessage = message !== undefined && type !== InteractionResponseType.ApplicationCommandAutocompleteResult;
    const flags = Number(message?.flags ?? 0);
    return {
      interaction: {
        id: tracked.payload.id,
        type: tracked.payload.type,
        ...(hasMessage && {
          response_message_id: message.id,
          response_message_loading: (flags & MessageFlags.Loading) !== 0,
          response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
        }),
      },
      resource: hasMessage ? { type, message } : { type },
    };
  }

  getMessage(appId: string, token: string, messageId: string): Reply {
    const found = this.lookup(appId, token, messageId);
    return 'status' in found ? found : { status: 200, body: found.message };
  }

  editMessage(appId: string, token: string, messageId: string, rawBody: unknown, files: RecordedFile[]): Reply {
    const found = this.lookup(appId, token, messageId);
    if ('status' in found) return found;
    const data = asObject(rawBody);
    const problem = checkMessage(data, files, false);
    if (problem) return problem;
    const message = edited(found.message, data, files);
    found.save(message);
    return { status: 200, body: message };
  }

  deleteMessage(appId: string, token: string, messageId: string): Reply {
    const found = this.lookup(appId, token, messageId);
    if ('status' in found) return found;
    found.save(null);
    return { status: 204 };
  }

  followUp(appId: string, token: string, wait: boolean, rawBody: unknown, files: RecordedFile[]): Reply {
    const tracked = this.webhookOwner(appId, token);
    if (!tracked) return unknownWebhook();
    const data = asObject(rawBody);
    const problem = checkMessage(data, files, true);
    if (problem) return problem;
    const message = this.newMessage(tracked, data, files);
    tracked.followups.set(message.id, message);
    return wait ? { status: 200, body: message } : { status: 204 };
  }

  private webhookOwner(appId: string, token: string): Tracked | undefined {
    return appId === this.world.applicationId ? this.byToken.get(token) : undefined;
  }

  /** Resolves `@original` or a follow-up id to the stored message and a way to replace it. */
  private lookup(appId: string, token: string, messageId: string) {
    const tracked = this.webhookOwner(appId, token);
    if (!tracked) return unknownWebhook();
    const isOriginal = messageId === '@original' || messageId === tracked.original?.id;
    const message = isOriginal ? tracked.original : tracked.followups.get(messageId);
    if (!message) return unknownMessage();
    const save = (next: APIMessage | null): void => {
      if (isOriginal) tracked.original = next;
      else if (next) tracked.followups.set(messageId, next);
      else tracked.followups.delete(messageId);
    };
    return { message, save };
  }

  private newMessage(tracked: Tracked, data: Record<string, unknown>, files: RecordedFile[]): APIMessage {
    const { payload } = tracked;
    const user = payload.member?.user ?? payload.user;
    return messagePayload({
      ...messageFields(data, files),
      channel_id: payload.channel?.id ?? payload.channel_id ?? snowflake(),
      author: this.world.botUser,
      application_id: this.world.applicationId,
      webhook_id: this.world.applicationId,
      type: responseMessageType(payload),
      ...(user && {
        interaction_metadata: {
          id: payload.id,
          type: payload.type,
          user,
          authorizing_integration_owners: payload.authorizing_integration_owners,
        } as APIMessage['interaction_metadata'],
      }),
    });
  }
}

function responseMessageType(payload: APIInteraction): MessageType {
  if (payload.type !== InteractionType.ApplicationCommand) return MessageType.Default;
  return payload.data.type === ApplicationCommandType.ChatInput ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
}

/** Visible message fields from a create/edit body (allowed_mentions etc. are request-only). */
function messageFields(data: Record<string, unknown>, files: RecordedFile[]): Partial<APIMessage> {
  const fields: Partial<APIMessage> = {};
  if (typeof data.content === 'string') fields.content = data.content;
  if (Array.isArray(data.embeds)) fields.embeds = data.embeds as APIMessage['embeds'];
  if (Array.isArray(data.components)) fields.components = data.components as APIMessage['components'];
  if (typeof data.flags === 'number') fields.flags = data.flags;
  if (Array.isArray(data.attachments) || files.length > 0) fields.attachments = attachments(data, files);
  return fields;
}

/**
 * discord.js lists uploads in `attachments: [{ id: n, filename }]` and sends the
 * bytes as `files[n]`; kept attachments arrive with their real snowflake id.
 */
function attachments(data: Record<string, unknown>, files: RecordedFile[]): APIAttachment[] {
  const listed = Array.isArray(data.attachments) ? data.attachments.map(asObject) : [];
  return listed.map((entry) => {
    const file = files.find((f) => f.field === `files[${String(entry.id)}]`);
    const id = file ? snowflake() : String(entry.id);
    const filename = String(entry.filename ?? file?.name ?? 'file');
    return {
      id,
      filename,
      size: file?.size ?? 0,
      url: `https://cdn.fake.invalid/attachments/${id}/${filename}`,
      proxy_url: `https://media.fake.invalid/attachments/${id}/${filename}`,
      ...(file && { content_type: file.contentType }),
    };
  });
}

function edited(message: APIMessage, data: Record<string, unknown>, files: RecordedFile[]): APIMessage {
  const before = Number(message.flags ?? 0);
  const wasLoading = (before & MessageFlags.Loading) !== 0;
  const next = { ...message, ...messageFields(data, files) };
  // Edits never change ephemerality, and they end the "thinking…" state; filling
  // a deferred reply is not an edit from the user's point of view.
  next.flags = (Number(next.flags ?? 0) & ~(MessageFlags.Loading | MessageFlags.Ephemeral)) | (before & MessageFlags.Ephemeral);
  next.edited_timestamp = wasLoading ? null : new Date().toISOString();
  return next;
}
