// Watching one folder (not its subfolders) for changes, and saying so once it has been quiet for
// a while: saving a file, an `ingest` or a copy is several writes, renames and links in a row,
// and one reload after the last of them is what is wanted.
import { watch, type FSWatcher } from 'node:fs';

export interface FolderWatchOptions {
  debounceMs: number;
  /** Whether a change to this entry matters (null: the platform did not say which entry changed). */
  relevant(name: string | null): boolean;
  /** After the last relevant change, once `debounceMs` has passed without another; with the names that changed. */
  onQuiet(names: string[]): void;
  /** The watch could not start, or stopped (the folder was removed, or the system's watch limit reached). */
  onError(error: Error): void;
}

export interface FolderWatch {
  close(): void;
}

export function watchFolder(dir: string, options: FolderWatchOptions): FolderWatch {
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  let watcher: FSWatcher;
  try {
    // persistent: false — a watch alone must not keep a process alive that has finished its work.
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      const entry = name === null ? null : String(name);
      if (!options.relevant(entry)) return;
      changed.add(entry ?? '(unknown)');
      clearTimeout(timer);
      timer = setTimeout(() => {
        const names = [...changed];
        changed.clear();
        options.onQuiet(names);
      }, options.debounceMs);
    });
  } catch (error) {
    options.onError(error as Error);
    return { close: () => {} };
  }
  watcher.on('error', (error) => {
    clearTimeout(timer);
    watcher.close();
    options.onError(error);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
