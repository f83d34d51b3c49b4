/**
 * An error the CLI prints as one line and exits 1 on (missing stack, synth failure, port in use, unusable stack):
 * something the user can act on, never a stack trace.
 */
export class LocalGatewayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LocalGatewayError";
  }
}
