/**
 * The outcome of a chain of steps that build on each other (deploy, change, apply, destroy), run once in `beforeAll`
 * and read by the tests, so that every test asserts on a recorded result and any one of them can run alone (`-t`).
 * A step that throws is recorded with its error, and the steps after it are not run: a test reading any of them fails
 * with the first failure's message.
 */
export class RecordedSteps<Steps extends Record<string, unknown>> {
  private readonly results = new Map<keyof Steps, { readonly value?: unknown; readonly error?: Error }>();
  private failed: keyof Steps | undefined;

  /** Runs `action` unless an earlier step failed, and records what it returned or threw. */
  async run<K extends keyof Steps>(name: K, action: () => Steps[K] | Promise<Steps[K]>): Promise<void> {
    if (this.results.has(name)) throw new Error(`Step "${String(name)}" is recorded twice`);
    if (this.failed !== undefined) {
      this.results.set(name, { error: new Error(`Step "${String(name)}" did not run: step "${String(this.failed)}" failed before it`) });
      return;
    }
    try {
      this.results.set(name, { value: await action() });
    } catch (error) {
      this.failed = name;
      this.results.set(name, { error: error as Error });
    }
  }

  /** What step `name` returned; throws its error when it failed or did not run. */
  result<K extends keyof Steps>(name: K): Steps[K] {
    const recorded = this.results.get(name);
    if (!recorded) throw new Error(`No step "${String(name)}" was recorded (recorded: ${[...this.results.keys()].map(String).join(", ") || "none"})`);
    if (recorded.error) throw recorded.error;
    return recorded.value as Steps[K];
  }
}
