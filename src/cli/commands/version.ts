// The version `agent-studio --version` prints: the package's, bundled in at build time.
import { version } from '../../../package.json';

export const CLI_VERSION: string = version;

export function runVersion(): number {
  process.stdout.write(`${CLI_VERSION}\n`);
  return 0;
}
