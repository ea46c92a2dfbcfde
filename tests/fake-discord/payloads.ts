// Builders for the JSON Discord sends. Field choices follow what discord.js 14.28
// dereferences unconditionally (BaseInteraction, CommandInteraction, Message):
// a missing `entitlements` or `authorizing_integration_owners` makes it throw
// inside the gateway handler and the interaction is silently never emitted.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APITextChannel,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
} from 'discord.js';
import { randomToken, snowflake } from './ids.js';

/** Permissions an admin-ish member / the app has in the fake guild (all bits). */
const ALL_PERMISSIONS = ((1n << 53n) - 1n).toString();
const DEFAULT_ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export function userPayload(overrides: Partial<APIUser> = {}): APIUser {
  const id = overrides.id ?? snowflake();
  return {
    id,
    username: `user${id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...overrides,
  };
}

export function textChannelPayload(id: string, guildId: string, name = 'general'): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
  };
}

export interface GuildSpec {
  id: string;
  name: string;
  channelId: string;
  channelName: string;
}

/** Full GUILD_CREATE: one text channel, @everyone, and the bot as member. */
export function guildCreatePayload(spec: GuildSpec, botUser: APIUser): GatewayGuildCreateDispatchData {
  const now = new Date().toISOString();
  return {
    id: spec.id,
    name: spec.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: snowflake(),
    region: 'us-east',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: spec.id, // @everyone shares the guild id
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: '2248473465835073',
        managed: false,
        mentionable: false,
        flags: 0 as RoleFlags,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
    joined_at: now,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [
      {
        user: botUser,
        roles: [],
        joined_at: now,
        deaf: false,
        mute: false,
        flags: 0 as GuildMemberFlags,
        premium_since: null,
      },
    ],
    channels: [textChannelPayload(spec.channelId, spec.id, spec.channelName)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageInit extends Partial<APIMessage> {
  channel_id: string;
  author: APIUser;
}

export function messagePayload(init: MessageInit): APIMessage {
  return {
    id: snowflake(),
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: MessageType.Default,
    ...init,
  };
}

/**
 * Where an interaction happens and who triggers it. Get one from
 * `fake.guildScope()` / `fake.dmScope()` so ids match the fake's GUILD_CREATE.
 */
export interface InteractionScope {
  applicationId: string;
  botUser: APIUser;
  user: APIUser;
  channelId: string;
  /** Absent → the interaction comes from a DM with the bot. */
  guildId?: string;
  locale?: Locale;
  appPermissions?: string;
}

/** Fields every interaction shares; guild vs DM decides member/user/context. */
function base(scope: InteractionScope) {
  const common = {
    id: snowflake(),
    application_id: scope.applicationId,
    token: randomToken(48),
    version: 1 as const,
    app_permissions: scope.appPermissions ?? ALL_PERMISSIONS,
    locale: scope.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: DEFAULT_ATTACHMENT_SIZE_LIMIT,
    channel_id: scope.channelId,
  };
  if (scope.guildId !== undefined) {
    const member: APIInteractionGuildMember = {
      user: scope.user,
      roles: [],
      permissions: ALL_PERMISSIONS,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      premium_since: null,
      nick: null,
      avatar: null,
    };
    return {
      ...common,
      guild_id: scope.guildId,
      guild: { id: scope.guildId, locale: Locale.EnglishUS, features: [] },
      guild_locale: Locale.EnglishUS,
      channel: textChannelPayload(scope.channelId, scope.guildId),
      member,
      context: InteractionContextType.Guild,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: scope.guildId },
    };
  }
  return {
    ...common,
    user: scope.user,
    channel: { id: scope.channelId, type: ChannelType.DM as const, recipients: [scope.user] },
    context: InteractionContextType.BotDM,
    // Guild-installed app reached through a bot DM: Discord reports owner "0".
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
  };
}

export type OptionValue = string | number | boolean;
export type OptionsSpec = Record<string, OptionValue> | APIApplicationCommandInteractionDataBasicOption[];

/** `{ query: 'x', ephemeral: true, n: 3, f: 0.5 }` → typed options (integers become INTEGER). */
export function commandOptions(spec: OptionsSpec = {}): APIApplicationCommandInteractionDataBasicOption[] {
  if (Array.isArray(spec)) return spec;
  return Object.entries(spec).map(([name, value]) => {
    if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    return Number.isInteger(value)
      ? { name, type: ApplicationCommandOptionType.Integer, value }
      : { name, type: ApplicationCommandOptionType.Number, value };
  });
}

function nest(
  options: APIApplicationCommandInteractionDataBasicOption[],
  subcommand?: string,
  group?: string,
): APIApplicationCommandInteractionDataOption[] {
  if (subcommand === undefined) return options;
  const sub = { name: subcommand, type: ApplicationCommandOptionType.Subcommand as const, options };
  if (group === undefined) return [sub];
  return [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }];
}

export interface ChatInputSpec {
  name: string;
  options?: OptionsSpec;
  subcommand?: string;
  subcommandGroup?: string;
  commandId?: string;
}

export function chatInputInteraction(scope: InteractionScope, spec: ChatInputSpec): APIChatInputApplicationCommandInteraction {
  return {
    ...base(scope),
    type: InteractionType.ApplicationCommand,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: ApplicationCommandType.ChatInput,
      options: nest(commandOptions(spec.options), spec.subcommand, spec.subcommandGroup),
      ...(scope.guildId === undefined ? {} : { guild_id: scope.guildId }),
    },
  };
}

export interface AutocompleteSpec {
  name: string;
  /** Option the user is typing into, and what they have typed so far. */
  focused: string;
  value: string;
  /** Other, already-filled options. */
  options?: OptionsSpec;
  commandId?: string;
}

export function autocompleteInteraction(scope: InteractionScope, spec: AutocompleteSpec): APIApplicationCommandAutocompleteInteraction {
  const focused = {
    name: spec.focused,
    type: ApplicationCommandOptionType.String as const,
    value: spec.value,
    focused: true,
  };
  return {
    ...base(scope),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: ApplicationCommandType.ChatInput,
      options: [...commandOptions(spec.options), focused],
    },
  };
}

export interface ButtonSpec {
  customId: string;
  /** The bot message carrying the button; defaults to one with just that button. */
  message?: Partial<APIMessage>;
}

export function buttonInteraction(scope: InteractionScope, spec: ButtonSpec): APIMessageComponentButtonInteraction {
  const message = messagePayload({
    channel_id: scope.channelId,
    author: scope.botUser,
    application_id: scope.applicationId,
    content: 'message with a button',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: 1, custom_id: spec.customId, label: spec.customId }],
      },
    ],
    ...spec.message,
  });
  return {
    ...base(scope),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: spec.customId, component_type: ComponentType.Button },
  };
}

export interface MessageCommandSpec {
  name: string;
  /** The message that was right-clicked; defaults to a plain message by `scope.user`. */
  target?: Partial<APIMessage>;
  commandId?: string;
}

export function messageContextMenuInteraction(scope: InteractionScope, spec: MessageCommandSpec): APIMessageApplicationCommandInteraction {
  const target = messagePayload({ channel_id: scope.channelId, author: scope.user, content: 'target', ...spec.target });
  return {
    ...base(scope),
    type: InteractionType.ApplicationCommand,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}
