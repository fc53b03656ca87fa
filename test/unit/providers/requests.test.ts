import * as assert from 'node:assert/strict';
import { buildAnthropicRequest, defaultModelAliases, resolveAnthropicModel } from '../../../src/providers/anthropic/anthropic';
import { buildClaudeAgentJson, buildClaudeCodeArgs } from '../../../src/providers/claudeCode/claudeCode';
import { buildLanguageModelMessages } from '../../../src/providers/languageModelMessages';
import { newestClaudeCodeProfile } from '../../../src/engine/formats/claudeCode/profiles';
import { valuesOf } from '../../../src/engine/formats/fieldSchema';
import { buildOpenAIRequest } from '../../../src/providers/openaiCompatible/openaiCompatible';
import { ProviderError } from '../../../src/providers/types';
import { agent } from './providerTestKit';

describe('providers: request building', () => {
  describe('Claude Code arguments', () => {
    it('passes the agent as --agents JSON and selects it with --agent, prompt after --', () => {
      const args = buildClaudeCodeArgs(agent(), '-v looks like an option');
      assert.deepEqual(args.slice(0, 2), ['-p', '--agents']);
      assert.deepEqual(args.slice(3), ['--agent', 'code-reviewer', '--output-format', 'stream-json', '--verbose', '--include-partial-messages', '--', '-v looks like an option']);
      assert.deepEqual(JSON.parse(args[2]), {
        'code-reviewer': {
          description: 'Reviews code for bugs',
          prompt: 'You are a meticulous code reviewer.\nAnswer in one line.',
          model: 'sonnet',
          tools: ['Read', 'Grep'],
        },
      });
    });

    it('leaves tools out when the agent lists none (all tools) and keeps an empty list (no tools)', () => {
      assert.equal('tools' in buildClaudeAgentJson(agent({ tools: undefined })), false);
      assert.deepEqual(buildClaudeAgentJson(agent({ tools: [] })).tools, []);
    });

    it('sends disallowedTools, the model override, and frontmatter keys the CLI schema accepts', () => {
      const entry = buildClaudeAgentJson(
        agent({
          disallowedTools: ['Bash'],
          frontmatter: { permissionMode: 'plan', maxTurns: 3, background: 'true', memory: 'project', color: 'blue', hooks: { Stop: [] }, mcpServers: ['github'] },
        }),
        'opus',
      );
      assert.deepEqual(entry, {
        description: 'Reviews code for bugs',
        prompt: 'You are a meticulous code reviewer.\nAnswer in one line.',
        model: 'opus',
        tools: ['Read', 'Grep'],
        disallowedTools: ['Bash'],
        permissionMode: 'plan',
        maxTurns: 3,
        background: true,
        memory: 'project',
        hooks: { Stop: [] },
        mcpServers: ['github'],
      });
    });

    it('drops optional values the CLI would reject, since one bad value makes it drop the whole agent', () => {
      const entry = buildClaudeAgentJson(agent({ frontmatter: { permissionMode: 'yolo', maxTurns: 0, effort: 'extreme', skills: 'one', isolation: 'docker' } }));
      for (const key of ['permissionMode', 'maxTurns', 'effort', 'skills', 'isolation']) assert.equal(key in entry, false, key);
    });

    for (const [what, overrides] of [
      ['an empty body', { body: '  \n' }],
      ['an empty description', { description: '' }],
      ['a name starting with -', { name: '-x' }],
    ] as const) {
      it(`refuses ${what} with an invalid-agent error`, () => {
        assert.throws(() => buildClaudeCodeArgs(agent(overrides), 'hi'), (error: unknown) => error instanceof ProviderError && error.kind === 'invalid-agent' && error.action === 'openAgent');
      });
    }
  });

  describe('Anthropic Messages request', () => {
    it('uses the body as system prompt, the prompt as the one user message, and maps the alias', () => {
      assert.deepEqual(buildAnthropicRequest(agent(), 'Review this'), {
        model: newestClaudeCodeProfile.modelAliasIds.sonnet, // the newest profile's alias table, as measured
        max_tokens: 8192,
        system: 'You are a meticulous code reviewer.\nAnswer in one line.',
        messages: [{ role: 'user', content: 'Review this' }],
        stream: true,
      });
    });

    it('sends no tools: this back end has no tool runner', () => {
      assert.equal('tools' in buildAnthropicRequest(agent(), 'x'), false);
    });

    it('maps aliases through the table passed in, case-insensitively, and keeps full ids', () => {
      const modelAliases = { sonnet: 'claude-sonnet-4-5', opus: 'claude-opus-4-1', haiku: 'claude-haiku-4-5' };
      assert.equal(buildAnthropicRequest(agent({ model: 'Opus' }), 'x', { modelAliases }).model, 'claude-opus-4-1');
      assert.equal(buildAnthropicRequest(agent({ model: 'claude-3-7-sonnet-latest' }), 'x', { modelAliases }).model, 'claude-3-7-sonnet-latest');
      assert.equal(buildAnthropicRequest(agent(), 'x', { modelAliases, modelOverride: 'haiku' }).model, 'claude-haiku-4-5');
    });

    it('uses the default model for no model and inherit', () => {
      assert.equal(resolveAnthropicModel(undefined), defaultModelAliases.sonnet);
      assert.equal(resolveAnthropicModel('inherit', { defaultModel: 'claude-opus-4-8' }), 'claude-opus-4-8');
    });

    it('omits an empty system prompt and honours maxTokens', () => {
      const request = buildAnthropicRequest(agent({ body: '' }), 'x', { maxTokens: 100 });
      assert.equal('system' in request, false);
      assert.equal(request.max_tokens, 100);
    });
  });

  describe('OpenAI chat-completions request', () => {
    it('puts the body in a system message and asks for usage in the stream', () => {
      assert.deepEqual(buildOpenAIRequest(agent(), 'Review this', { model: 'llama3.2' }), {
        model: 'llama3.2',
        messages: [
          { role: 'system', content: 'You are a meticulous code reviewer.\nAnswer in one line.' },
          { role: 'user', content: 'Review this' },
        ],
        stream: true,
        stream_options: { include_usage: true },
      });
    });

    it('prefers the override, then the setting, then a non-Claude agent model', () => {
      assert.equal(buildOpenAIRequest(agent(), 'x', { model: 'qwen3', modelOverride: 'mistral' }).model, 'mistral');
      assert.equal(buildOpenAIRequest(agent({ model: 'gpt-oss:20b' }), 'x', { model: 'qwen3' }).model, 'qwen3');
      assert.equal(buildOpenAIRequest(agent({ model: 'gpt-oss:20b' }), 'x').model, 'gpt-oss:20b');
    });

    it('refuses to guess a model for a Claude alias', () => {
      assert.throws(() => buildOpenAIRequest(agent({ model: 'sonnet' }), 'x'), (error: unknown) => error instanceof ProviderError && error.kind === 'unknown-model' && error.action === 'openSettings');
    });

    it('never sends a Claude Code model alias of the field data to another server', () => {
      for (const alias of valuesOf(newestClaudeCodeProfile.fields, 'model')) {
        assert.equal(buildOpenAIRequest(agent({ model: alias }), 'x', { model: 'qwen3' }).model, 'qwen3', alias);
        assert.equal(buildOpenAIRequest(agent({ model: alias.toUpperCase() }), 'x', { model: 'qwen3' }).model, 'qwen3', alias);
      }
    });
  });

  describe('VS Code language model messages', () => {
    it('sends the body first as a user message, since there is no system role', () => {
      assert.deepEqual(buildLanguageModelMessages(agent(), 'Review this'), [
        { role: 'user', content: 'You are a meticulous code reviewer.\nAnswer in one line.' },
        { role: 'user', content: 'Review this' },
      ]);
    });

    it('leaves out an empty body', () => {
      assert.deepEqual(buildLanguageModelMessages(agent({ body: '' }), 'hi'), [{ role: 'user', content: 'hi' }]);
    });
  });
});
