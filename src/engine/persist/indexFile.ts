// A built index on disk: layout in indexLayout.ts, written by writeIndexFile.ts, read by readIndexFile.ts.
export { IndexFileError } from './indexLayout.js';
export { decodeIndexFile, readIndexFile } from './readIndexFile.js';
export { writeIndexFile } from './writeIndexFile.js';
