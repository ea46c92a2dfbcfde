// The log levels a LOG_LEVEL setting may name, least to most severe; `silent` logs nothing.
// Settings own the list (config is validated before any logger exists); the logger reads it.
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
