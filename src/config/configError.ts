/** Configuration the user must fix: one line per problem, no stack trace. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `the configuration is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSet these in the environment or in .env (every variable is described in .env.example).`,
    );
    this.name = 'ConfigError';
  }
}
