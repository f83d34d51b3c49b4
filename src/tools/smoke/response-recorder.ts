import * as diagnosticsChannel from "diagnostics_channel";
import * as http from "http";
import * as https from "https";

/** One HTTP answer an exporter received. */
export interface HttpAnswer {
  readonly status: number;
  /** The body as text, cut to {@link MAX_BODY_CHARS}. */
  readonly body: string;
}

/** How much of an answer's body is kept: enough for any proxy or CloudWatch error message. */
export const MAX_BODY_CHARS = 4_096;

/** Node publishes every HTTP client response on this channel (documented under "Built-in channels"). */
const RESPONSE_CHANNEL = "http.client.response.finish";

interface ResponseMessage {
  readonly request: http.ClientRequest & { readonly agent?: unknown };
  readonly response: http.IncomingMessage;
}

/**
 * Records every HTTP answer the exporters receive, by the agent each exporter was given.
 *
 * OTLP exporters report a non-retryable status in their error (`OTLPExporterError.code` and `.data`) but, after
 * retrying a 429, 502, 503 or 504, only "Export failed with retryable status": the status is lost. Node's
 * diagnostics channel sees every answer without changing what the exporters send.
 */
export class ResponseRecorder {
  private readonly answers = new Map<http.Agent, HttpAnswer[]>();
  private readonly listener = (message: unknown): void => this.onResponse(message as ResponseMessage);

  constructor() {
    diagnosticsChannel.subscribe(RESPONSE_CHANNEL, this.listener);
  }

  /**
   * A fresh agent whose answers are recorded. Keep-alive is off so that no idle socket keeps the process, or a
   * test server, open after the export.
   */
  agentFor(protocol: string): http.Agent {
    const agent = protocol === "https:" ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
    this.answers.set(agent, []);
    return agent;
  }

  /** Every answer received through the given agents, oldest first. */
  answersFor(agents: readonly http.Agent[]): HttpAnswer[] {
    return agents.flatMap((agent) => this.answers.get(agent) ?? []);
  }

  /** Stops recording and closes the agents' sockets. */
  close(): void {
    diagnosticsChannel.unsubscribe(RESPONSE_CHANNEL, this.listener);
    for (const agent of this.answers.keys()) agent.destroy();
  }

  private onResponse({ request, response }: ResponseMessage): void {
    const answers = this.answers.get(request.agent as http.Agent);
    if (!answers) return;
    const answer = { status: response.statusCode ?? 0, body: "" };
    answers.push(answer);
    // The exporter reads the same stream in the same tick, so listening here loses no chunk for either reader.
    response.on("data", (chunk: Buffer) => {
      if (answer.body.length < MAX_BODY_CHARS) answer.body = (answer.body + chunk.toString("utf8")).slice(0, MAX_BODY_CHARS);
    });
  }
}
