// Keys a Copilot custom agent does not use.
import { unknownKey } from '../../../lint/sharedMetas';
import { copilotFields } from '../fields';
import type { CopilotContext, CopilotRule } from '../copilotContext';

const knownKeys = new Set(copilotFields.map((field) => field.key));

export const unknownKeyRule: CopilotRule = {
  metas: [unknownKey],
  check(ctx: CopilotContext): void {
    for (const entry of ctx.parsed.entries) {
      if (knownKeys.has(entry.key)) continue;
      // Past the cap only counted: a megabyte of keys made a message and a range each (100,000 of them, 40 ms).
      if (ctx.countedIfLeftOut(unknownKey, entry)) continue;
      ctx.report(unknownKey, `Copilot custom agents do not use \`${entry.key}\`.`, ctx.keyRange(entry));
    }
  },
};
