import { create, derivativeDependencies, parseDependencies } from 'mathjs/number';

/**
 * The only mathjs this project loads: parse and derivative of the number-only build, nothing that
 * evaluates. `predictable` keeps every result a real number. Importing this module loads mathjs,
 * so only the compiler imports it, and only the compile worker and the command line load that.
 */
export const math = create(
  { parseDependencies: parseDependencies!, derivativeDependencies: derivativeDependencies! },
  { predictable: true },
);
