/**
 * The one flag reader of every command line: the product's (`npm run synth`, `npm run module`) and the tools'. It lives
 * with the product (src/infra/app/read-flags.ts) because the product never imports a tool; tools import it from here.
 */
export * from "../../infra/app/read-flags";
