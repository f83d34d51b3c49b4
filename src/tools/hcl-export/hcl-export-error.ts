/** A Terraform JSON configuration that cannot be written as HCL; the message names the place and the value. */
export class HclExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HclExportError";
  }
}
