/**
 * Recommended export intervals: metrics every 60 s, logs and spans every 30 s. Longer intervals cut requests;
 * request size stays under CloudWatch's limits (logs about 1 MiB, traces 5 MB uncompressed and 10,000 spans per
 * request) because the batch processors also export whenever a batch reaches its maximum size, which the client
 * snippets cap (`OTEL_BLRP_MAX_EXPORT_BATCH_SIZE`, `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`) where the tool honours it.
 * Applied only to signals whose interval the tool lets you set.
 */
export const RECOMMENDED: { readonly metricsSeconds: number; readonly logsSeconds: number; readonly tracesSeconds: number } = { metricsSeconds: 60, logsSeconds: 30, tracesSeconds: 30 };
