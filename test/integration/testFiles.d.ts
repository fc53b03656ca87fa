// Made at bundle time by test/integration/bundle.ts: every test/integration/**/*.test.ts, as [file, load] pairs.
declare module 'agent-studio:integration-test-files' {
  const files: ReadonlyArray<readonly [file: string, load: () => unknown]>;
  export default files;
}
