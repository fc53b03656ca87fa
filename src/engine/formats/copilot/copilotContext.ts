// What Copilot's rules share. Copilot custom agents have no versions the engine tells apart: one profile.
import type { FrontmatterContext } from '../../lint/frontmatterContext';
import type { Rule } from '../../lint/rule';
import type { FormatProfile } from '../agentFileFormat';

export type CopilotContext = FrontmatterContext<FormatProfile>;
export type CopilotRule = Rule<CopilotContext>;

export const copilotProfile: FormatProfile = { version: 'latest' };
