/** The command that prints one key's value (the value itself is never an output). */
export function getApiKeyCommand(apiKeyId: string, region: string): string {
  return `aws apigateway get-api-key --api-key ${apiKeyId} --include-value --region ${region} --query value --output text`;
}
