import { claudeCodeEnv, claudeCodeManagedSettings } from "./claude-code";
import { claudeCoworkFields } from "./claude-cowork";
import { codexConfig } from "./codex";
import { copilotCliEnv } from "./copilot-cli";
import { geminiCliEnv, geminiCliSettings, geminiCliSettingsCompanionEnv } from "./gemini-cli";
import { otelSdkEnv } from "./otel-sdk";
import { SnippetOptions } from "./snippet-options";

/** The snippets, by name; the names are a public contract (they become keys of the `client_config` output). */
export type SnippetName =
  | "claude-code-env"
  | "claude-code-managed-settings"
  | "claude-cowork"
  | "copilot-cli-env"
  | "gemini-cli-env"
  | "gemini-cli-settings"
  | "gemini-cli-settings-env"
  | "codex-config"
  | "otel-sdk-env";

/**
 * Every client's ready configuration for a deployed proxy.
 *
 * @param endpoint the proxy's base URL (the stage's invoke URL) without a trailing slash; it is only
 *   concatenated, never parsed, so a Terraform token string works at synth time
 */
export function clientSnippets(endpoint: string, options?: SnippetOptions): Readonly<Record<SnippetName, string>> {
  return {
    "claude-code-env": claudeCodeEnv(endpoint, options),
    "claude-code-managed-settings": claudeCodeManagedSettings(endpoint, options),
    "claude-cowork": claudeCoworkFields(endpoint, options),
    "copilot-cli-env": copilotCliEnv(endpoint, options),
    "gemini-cli-env": geminiCliEnv(endpoint, options),
    "gemini-cli-settings": geminiCliSettings(endpoint),
    "gemini-cli-settings-env": geminiCliSettingsCompanionEnv(options),
    "codex-config": codexConfig(endpoint, options),
    "otel-sdk-env": otelSdkEnv(endpoint, options),
  };
}
