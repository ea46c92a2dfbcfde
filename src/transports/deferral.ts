// Discord drops an interaction that is not acknowledged within 3 seconds. Transports
// call this with the handler's work and a way to acknowledge ("thinking…"): the
// acknowledgement goes out if the work is not done in time (or at once when the
// command asks for it), and the caller then fills the deferred reply instead of replying.
// Note: a timer cannot interrupt synchronous work; handlers that may compute for long
// declare `defer: true` so the acknowledgement is sent before they start.

export interface Outcome<T> {
  value: T;
  /** True when `defer` ran: the answer must now edit the deferred reply. */
  deferred: boolean;
}

export async function answerInTime<T>(
  work: () => Promise<T>,
  options: { deferFirst: boolean; deferAfterMs: number; defer: () => Promise<void> },
): Promise<Outcome<T>> {
  if (options.deferFirst) {
    await options.defer();
    return { value: await work(), deferred: true };
  }
  const state: { deferring: Promise<void> | null } = { deferring: null };
  const timer = setTimeout(() => {
    state.deferring = options.defer();
    // Awaited below; this keeps a failed deferral from counting as unhandled meanwhile.
    state.deferring.catch(() => undefined);
  }, options.deferAfterMs);
  try {
    const value = await work();
    return { value, deferred: state.deferring !== null };
  } finally {
    clearTimeout(timer);
    if (state.deferring) await state.deferring;
  }
}
