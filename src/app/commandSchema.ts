// What a command definition must look like for Discord to accept it, checked at start-up
// so a malformed command file stops the bot with a clear message instead of failing at
// registration or, worse, at the first user's click.
import { z } from 'zod';

const description = z.string().min(1, 'a description is required').max(100, 'descriptions are at most 100 characters');
const optionName = z.string().regex(/^[-_\p{L}\p{N}]{1,32}$/u, 'option names are 1-32 lower-case letters, digits, "-" or "_"');

const choice = z.object({ name: z.string().min(1).max(100), value: z.union([z.string().max(100), z.number()]) });

interface Option {
  name: string;
  description: string;
  options?: Option[];
}
const option: z.ZodType<Option> = z.looseObject({
  name: optionName.refine((n) => n === n.toLowerCase(), 'option names must be lower case'),
  description,
  choices: z.array(choice).max(25, 'at most 25 choices').optional(),
  options: z
    .array(z.lazy(() => option))
    .max(25)
    .optional(),
});

export const chatInputCommandSchema = z.looseObject({
  type: z.literal(1).optional(),
  name: z.string().regex(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u, 'slash command names are 1-32 lower-case letters, digits, "-" or "_"'),
  description,
  options: z.array(option).max(25, 'at most 25 options').optional(),
});

export const messageCommandSchema = z.looseObject({
  type: z.literal(3),
  name: z.string().min(1).max(32, 'context-menu names are 1-32 characters'),
});

/** Button actions are the custom-id prefix: short, so the ids they carry fit in 100 characters. */
export const buttonActionSchema = z.string().regex(/^[a-z][a-z-]{0,15}$/, 'a button action is 1-16 lower-case letters or "-"');

/** Does any option (at any depth) ask Discord for autocomplete? */
export function usesAutocomplete(json: { options?: unknown }): boolean {
  const options = Array.isArray(json.options) ? (json.options as Record<string, unknown>[]) : [];
  return options.some((o) => o.autocomplete === true || usesAutocomplete(o));
}
