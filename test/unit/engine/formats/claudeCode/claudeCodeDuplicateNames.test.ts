// Which of several same-named files in one agents folder wins, per recorded Claude Code version. The init event lists
// names only, so the winner is read from the agent listing the CLI sends the model; each fixture's description names its path.
import * as assert from 'node:assert/strict';
import { claudeAgentListing } from '../../../../support/claudeCli';
import { claudeBinaryOrSkip, compareVersions, recordedVersions } from '../../../../support/claudeCodeVersions';
import { loaderFixtureCases } from '../../../../support/loaderFixtures';

/** From this release on, each agents folder's file list is sorted (UTF-16 code units of the whole path) and the last same-named file wins. */
const sortedFileListSince = '2.1.328';

const duplicateCases = loaderFixtureCases().filter((fixture) => fixture.id.startsWith('duplicate-name-'));

for (const version of recordedVersions().filter((recorded) => compareVersions(recorded, sortedFileListSince) >= 0)) {
  describe(`Claude Code ${version} (real CLI): of same-named files in one folder, the path that sorts last wins`, function () {
    this.timeout(120_000);
    let listing: string | undefined;

    before(async function () {
      const binary = claudeBinaryOrSkip(this, version);
      // Every case in one project, each under its own folder: the order inside a case does not change.
      const files = duplicateCases.flatMap((fixture) => fixture.files.map((file) => ({ ...file, relativePath: fixture.id + file.relativePath })));
      listing = await claudeAgentListing(files, { binary, timeoutMs: 60_000 });
    });

    for (const fixture of duplicateCases) {
      const paths = fixture.files.map((file) => file.relativePath);
      const sortsLast = [...paths].sort().at(-1)!;
      it(`${fixture.id}: ${sortsLast} of ${paths.join(', ')}`, () => {
        const name = fixture.id.slice(0, -1);
        const winner = new RegExp(`^- ${name}: From (.+?)\\.(?: \\(|$)`, 'm').exec(listing ?? '')?.[1];
        assert.equal(winner, describedAs(fixture.files.find((file) => file.relativePath === sortsLast)!.content));
      });
    }
  });
}

/** The `From ...` text of a fixture's description, which names the file. */
function describedAs(content: string | Buffer): string | undefined {
  return /^description: From (.+)\.$/m.exec(content.toString())?.[1];
}
