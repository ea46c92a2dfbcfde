// Short private notices the dispatcher gives instead of a handler's answer.
import type { MessageBody } from '../reply.js';

export function renderRateLimited(retryAfterMs: number, max: number, windowMs: number): MessageBody {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    content:
      `You're asking faster than I can keep up: I answer up to ${max} requests every ${Math.round(windowMs / 1000)} seconds per person. ` +
      `Give me ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
  };
}

export function renderSomethingWentWrong(): MessageBody {
  return { content: 'Sorry, something went wrong on my side while answering that. It has been logged; please try again in a moment.' };
}

export function renderUnknownInteraction(): MessageBody {
  return { content: "I don't know that command or button (it may be from an older version of me). /help lists what I can do." };
}

export function renderUnreadableOptions(): MessageBody {
  return {
    content:
      "That command arrived with options I can't read (it may be from an older version of me). Please run it again from the command list.",
  };
}
