// Types for the vendored convex-test transaction metrics tracker (transactionMetrics.js).
export type TransactionMetricName =
  | "bytesRead"
  | "bytesWritten"
  | "documentsRead"
  | "documentsWritten"
  | "databaseQueries"
  | "functionsScheduled"
  | "scheduledFunctionArgsBytes";
export type TransactionLimitsConfig = boolean | Partial<Record<TransactionMetricName, number>>;
export class TransactionMetricsTracker {
  constructor(config?: TransactionLimitsConfig);
  startTransaction(transactionLimits?: Partial<Record<TransactionMetricName, number>>): void;
  commit(): void;
  rollback(): void;
  trackRead(docSizeBytes: number): void;
  trackWrite(docSizeBytes: number): void;
  trackIndexRange(): void;
  trackScheduledFunction(argsSizeBytes: number): void;
  getTransactionMetrics(): Record<TransactionMetricName, { used: number; remaining: number }>;
}
