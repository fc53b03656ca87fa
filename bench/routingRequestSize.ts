// What one routing case sends to the model: the real `claude` of each recorded version runs one case against the
// loopback Messages API in a copy of examples/, and the main turn's request is measured (system prompt, tool
// definitions, messages). A case is this one request plus a short tool call back, so its size is the cost per case.
//   npx tsx bench/routingRequestSize.ts [project]   (default: examples/)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { routeOnce } from '../src/node/routing/routingRunner';
import { claudeBinaryFor, recordedVersions } from '../test/support/claudeCodeVersions';
import { delegateTo, isMainTurn, OfflineProject, type MessagesBody } from '../test/support/routingLoopback';

const repositoryRoot = path.resolve(__dirname, '..');
/** Anthropic's rule of thumb for English text; the listing is prose, the tool schemas JSON (denser in tokens). */
const CHARACTERS_PER_TOKEN = 3.5;

function characters(value: unknown): number {
  return value === undefined ? 0 : typeof value === 'string' ? value.length : JSON.stringify(value).length;
}

async function measure(version: string, source: string): Promise<string> {
  const offline = await OfflineProject.start({ script: (request) => (isMainTurn(request) ? delegateTo('code-reviewer') : { text: 'ok' }) });
  try {
    fs.cpSync(source, offline.project, { recursive: true });
    await routeOnce('Review the changes in src/add.ts before I merge.', { executable: claudeBinaryFor(version), cwd: offline.project, env: offline.env(), timeoutMs: 120_000 });
    const main = offline.loopback.requests.find(isMainTurn);
    if (!main) return `| ${version} | no main-turn request reached the loopback | | | | |`;
    const body = main.body as MessagesBody;
    const parts = { system: characters(body.system), tools: characters(body.tools), messages: characters(body.messages) };
    const total = parts.system + parts.tools + parts.messages;
    const agents = fs.existsSync(path.join(source, '.claude', 'agents')) ? fs.readdirSync(path.join(source, '.claude', 'agents')).length : 0;
    return `| ${version} | ${agents} files | ${parts.system.toLocaleString('en-US')} | ${parts.tools.toLocaleString('en-US')} | ${parts.messages.toLocaleString('en-US')} | ${total.toLocaleString('en-US')} chars, about ${Math.round(total / CHARACTERS_PER_TOKEN).toLocaleString('en-US')} input tokens |`;
  } finally {
    await offline.dispose();
  }
}

async function main(): Promise<void> {
  const source = path.resolve(process.argv[2] ?? path.join(repositoryRoot, 'examples'));
  console.log('| Claude Code | agents | system prompt (chars) | tool definitions (chars) | messages, agent listing included (chars) | one case |');
  console.log('|---|---|---|---|---|---|');
  for (const version of recordedVersions()) console.log(await measure(version, source));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
