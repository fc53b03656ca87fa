// What a top-level key looks like to the engine's line-based readers (the tolerant cursor, fixes, the block explainer):
// one pattern, so they agree on where a key line starts. (Claude Code's repair pass keeps its own, narrower pattern.)

/** Regular-expression source of a key: a letter or `_`, then letters, digits, `_` and `-`. */
export const KEY_SOURCE = '[A-Za-z_][\\w-]*';
