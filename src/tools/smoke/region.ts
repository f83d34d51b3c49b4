/** `<api-id>.execute-api.<region>.amazonaws.com`, and the `.com.cn` form of the China regions. */
const EXECUTE_API_HOST = /^[a-z0-9]+\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;

/** The region of an API Gateway default endpoint URL, or undefined for any other host (custom domain, local). */
export function regionFromEndpoint(endpoint: string): string | undefined {
  try {
    return EXECUTE_API_HOST.exec(new URL(endpoint).hostname)?.[1];
  } catch {
    return undefined;
  }
}
