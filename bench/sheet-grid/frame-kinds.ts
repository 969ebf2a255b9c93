import type { TraceEvent } from '../chrome-trace.js';

/** The trace category that carries the compositor's frame events (`DrawFrame`, `ActivateLayerTree`). */
export const FRAME_CATEGORY = 'disabled-by-default-devtools.timeline.frame';

/** How the renderer's compositor produced its frames. */
export interface FrameKinds {
  /** Frames the compositor drew (`DrawFrame`). */
  drawn: number;
  /**
   * Main-thread updates the compositor took on (`ActivateLayerTree`: a commit of changed content, after its raster).
   * A frame drawn without one was scrolled by the compositor alone.
   */
  activations: number;
  /** Raster tasks: tiles drawn again because content changed or came into view. */
  rasterTasks: number;
}

/**
 * Counts the renderer's compositor frames in a Chrome trace recorded with {@link FRAME_CATEGORY}: how many it drew
 * and how many main-thread updates it took on. Content moved from the `scroll` event needs one update (and its
 * raster) per scrolled frame; content the compositor scrolls needs none, only when new rows are drawn in. Counts,
 * not times: a loaded machine shifts them far less than frame times. (A plain page scrolled natively: drawn 40,
 * activations 0; a sticky layer moved from the scroll event: drawn 76, activations 91.)
 */
export function frameKinds(trace: Buffer): FrameKinds {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const renderers = new Set<number>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') renderers.add(e.pid);
  const kinds: FrameKinds = { drawn: 0, activations: 0, rasterTasks: 0 };
  for (const e of events) {
    if (!renderers.has(e.pid)) continue;
    if (e.name === 'DrawFrame') kinds.drawn++;
    else if (e.name === 'ActivateLayerTree') kinds.activations++;
    else if (e.name === 'RasterTask' && e.ph === 'X') kinds.rasterTasks++;
  }
  return kinds;
}

/** One line: frames drawn, main-thread updates taken on, raster tasks. */
export function frameKindsLine(k: FrameKinds): string {
  return `compositor: ${k.drawn} frames drawn, ${k.activations} main-thread updates taken on (${k.drawn > 0 ? Math.round((100 * k.activations) / k.drawn) : 0} per 100 frames), ${k.rasterTasks} raster tasks`;
}
