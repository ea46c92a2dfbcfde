/** Append-only log that tests can await entries from. Every wait is bounded. */
export class WaitableLog<T> {
  readonly entries: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(
    private readonly what: string,
    private readonly describe: (entry: T) => string,
  ) {}

  push(entry: T): void {
    this.entries.push(entry);
    for (const waiter of [...this.waiters]) waiter.offer(entry);
  }

  /**
   * Resolves with the first entry matching `predicate` that arrives after this call,
   * or — with `includePast` — one already logged (avoids racing a fast bot).
   */
  waitFor(predicate: (entry: T) => boolean, timeoutMs: number, includePast = false): Promise<T> {
    if (includePast) {
      const found = this.entries.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
    }
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter<T> = {
        offer: (entry) => {
          let matched: boolean;
          try {
            matched = predicate(entry);
          } catch (error) {
            done();
            reject(error);
            return;
          }
          if (matched) {
            done();
            resolve(entry);
          }
        },
        cancel: (reason) => {
          done();
          reject(new Error(reason));
        },
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs}ms waiting for a matching ${this.what}.\n${this.recent()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Rejects pending waits (used on shutdown so no test hangs on a dead fake). */
  cancelAll(reason: string): void {
    for (const waiter of [...this.waiters]) waiter.cancel(reason);
  }

  private recent(): string {
    const last = this.entries.slice(-10).map((entry) => `  ${this.describe(entry)}`);
    return last.length > 0 ? `Last ${this.what}s seen:\n${last.join('\n')}` : `No ${this.what} seen at all.`;
  }
}

interface Waiter<T> {
  offer(entry: T): void;
  cancel(reason: string): void;
}
