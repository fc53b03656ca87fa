// The one place routing reads an agent file's `<example>` blocks: each one's user turn and where it is written. Routing
// cases and overlap hints both come through here, so the example parser behind it can change in one line: once the one
// example model of src/engine/agents/agent.ts is in, the body is its `exampleUserTurns(text)`.
import { agentExamples } from '../agents/examples';
import type { Range } from '../types';

export interface ExampleTurn {
  /** Zero-based position among the description's examples (examples without a user turn count too). */
  index: number;
  /** The first `user:` turn, without surrounding quotes. */
  user: string;
  /** From `<example>` to `</example>` in the file. */
  range: Range;
}

export function exampleTurns(text: string): ExampleTurn[] {
  return agentExamples(text).map((example) => ({ index: example.index, user: example.user, range: example.range }));
}
