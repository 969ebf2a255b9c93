// The fields of a Chrome trace event (from playwright-core's `browser.stopTracing()`) that the bench scripts read.

/** One event of a Chrome trace. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace has it: what the event cost its thread, without waiting for a CPU. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; elementCount?: number; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}
