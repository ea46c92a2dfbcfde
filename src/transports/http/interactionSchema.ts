// What `citebot serve` accepts as an interaction: every field citebot reads, with its
// type. Signed JSON is Discord's, but a signature proves who sent it, not that it has the
// shape citebot expects (a number where a custom id should be, a user id that is 10,000
// nested arrays); anything else is a 400 here, before any handler or log line sees it.
// Fields citebot does not read pass through unchecked: Discord adds fields over time.
import type { APIInteraction } from 'discord.js';
import { z } from 'zod';

const id = z.string().min(1).max(64);
const name = z.string().min(1).max(100);

const user = z.looseObject({ id, username: z.string().max(100), global_name: z.string().max(100).nullish() });

// Command options nest at most twice: a subcommand group holds subcommands, which hold values.
const valueOption = z.looseObject({
  name,
  type: z.number().int().min(3),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});
const subcommand = z.looseObject({ name, type: z.literal(1), options: z.array(valueOption).max(25).optional() });
const subcommandGroup = z.looseObject({ name, type: z.literal(2), options: z.array(subcommand).max(25).optional() });
const options = z
  .array(z.union([subcommand, subcommandGroup, valueOption]))
  .max(25)
  .optional();

const message = z.looseObject({ id, content: z.string(), author: z.looseObject({ id }) });

const commandData = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal(1), name, options }), // chat input
  z.looseObject({ type: z.literal(2), name, target_id: id }), // user command (not offered: answered 400)
  z.looseObject({ type: z.literal(3), name, target_id: id, resolved: z.looseObject({ messages: z.record(z.string(), message) }) }),
]);

const base = {
  id,
  application_id: id,
  token: z.string().min(1).max(500),
  guild_id: id.optional(),
  // Guild, bot DM, private channel.
  context: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  user: user.optional(),
  member: z.looseObject({ user }).optional(),
};

export const interactionSchema = z.discriminatedUnion('type', [
  z.looseObject({ ...base, type: z.literal(1) }), // PING
  z.looseObject({ ...base, type: z.literal(2), data: commandData }),
  z.looseObject({
    ...base,
    type: z.literal(3),
    data: z.looseObject({ component_type: z.number().int(), custom_id: z.string().max(100) }),
    // The message the button is on: buttons read state from its text (at most 2,000 characters at Discord).
    message: z.looseObject({ content: z.string().max(4000).optional() }).optional(),
  }),
  z.looseObject({ ...base, type: z.literal(4), data: z.looseObject({ type: z.literal(1), name, options }) }), // autocomplete
]);

export type ParsedInteraction = { ok: true; interaction: APIInteraction } | { ok: false; reason: string };

export function parseInteraction(value: unknown): ParsedInteraction {
  const parsed = interactionSchema.safeParse(value);
  if (parsed.success) {
    // The schema checks what citebot reads; the rest is Discord's shape, passed through as sent.
    return { ok: true, interaction: parsed.data as unknown as APIInteraction };
  }
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    reason: `not an interaction citebot answers: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`.slice(
      0,
      300,
    ),
  };
}
