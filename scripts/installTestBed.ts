// `npm test` runs this first: installs every VS Code of scripts/vscode-versions.json (and Chromium), so the unit tests
// that read VS Code's own grammars find them and the integration run starts at once. Seconds when all is there.
// AGENT_STUDIO_NO_INSTALL=1 skips it outside CI (the integration runner then reports what is missing).
import { ensureCodeServer, selectedVersions } from './codeServer';

const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (inCi || process.env.AGENT_STUDIO_NO_INSTALL !== '1') {
  for (const version of selectedVersions()) ensureCodeServer({ install: true, version });
}
