// Reading the message payloads citebot sends (as the fake Discord recorded them, or as an
// HTTP response carried them): the texts a person would see and the buttons.

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } };
type Rows = { components: { custom_id?: string; label?: string }[] }[];

/** Every visible text of a message payload in one string: content, embed titles, descriptions, fields, footers. */
export function allText(data: { content?: unknown; embeds?: unknown } | undefined): string {
  const embeds = (data?.embeds ?? []) as Embed[];
  return [
    typeof data?.content === 'string' ? data.content : '',
    ...embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? '',
    ]),
  ].join('\n');
}

/** What a reader sees of a text: the bold markers (`**`) taken out, an escaped character kept as it is. */
export function withoutBold(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') out += markdown.slice(i, ++i + 1);
    else if (markdown.startsWith('**', i)) i++;
    else out += markdown[i];
  }
  return out;
}

/** allText as a reader sees it: no bold markers, so a quote reads on ("4,200 beehives", whatever is bold in it). */
export const readText = (data: { content?: unknown; embeds?: unknown } | undefined): string => withoutBold(allText(data));

/** All custom ids of the buttons in a reply, row by row flattened. */
export function customIds(data: { components?: unknown } | undefined): string[] {
  const rows = (data?.components ?? []) as Rows;
  return rows.flatMap((r) => r.components.map((c) => c.custom_id)).filter((id): id is string => id !== undefined);
}

export function buttonLabels(data: { components?: unknown } | undefined): string[] {
  const rows = (data?.components ?? []) as Rows;
  return rows.flatMap((r) => r.components.map((c) => c.label ?? ''));
}
