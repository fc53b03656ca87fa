// The plugin.json schema contributed through `jsonValidation` agrees with Claude Code: it accepts every manifest of a
// plugin fixture the real CLIs loaded and flags every one they rejected (expected.json, test/fixtures/plugin-loader).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { pluginFixtureCases, pluginLoaderFixtureDir } from '../../../../support/pluginLoaderFixtures';

const repositoryRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'schemas', 'claude-plugin.schema.json'), 'utf8'));
const expected: Record<string, Record<string, string[]>> = JSON.parse(fs.readFileSync(path.join(pluginLoaderFixtureDir, 'expected.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('schemas/claude-plugin.schema.json', () => {
  it('is the schema package.json contributes for .claude-plugin/plugin.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '**/.claude-plugin/plugin.json', url: './schemas/claude-plugin.schema.json' }]);
  });

  for (const name of pluginFixtureCases()) {
    const file = path.join(pluginLoaderFixtureDir, name, '.claude-plugin', 'plugin.json');
    if (!fs.existsSync(file) || name === 'manifest-invalid-json') continue;
    const loaded = expected['2.1.332'][name].length > 0;
    it(`${name}: ${loaded ? 'valid' : 'flagged'}, as Claude Code 2.1.332 ${loaded ? 'loads' : 'rejects'} it`, () => {
      const valid = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
      assert.equal(valid, loaded, JSON.stringify(validate.errors));
    });
  }
});
