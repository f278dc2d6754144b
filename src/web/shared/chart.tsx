/**
 * One ECharts chart drawn as SVG, for the pages' figures. The chart library itself (src/web/shared/chart-engine.ts,
 * ~180 KB gzip) is imported dynamically when the first chart is drawn, so no page carries it in its own chunk: a page
 * that shows no chart (a case without measured effect, an empty overview) never loads it. The element keeps its size
 * (class "chart") while the library loads, so nothing moves when the chart appears.
 * The chart is an image to assistive technology (role="img" with a label); each page puts a table beside it.
 */
import { useEffect, useRef, useState } from 'react';
import type { ECharts, EChartsCoreOption } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

let engine: Promise<typeof import('./chart-engine.ts')> | undefined;

/** The chart library, loaded once. A failed load (offline) is not cached: the next chart tries again. */
function loadEngine(): Promise<typeof import('./chart-engine.ts')> {
  engine ??= import('./chart-engine.ts').catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

interface Props {
  /** Memoise it (useMemo): the chart is redrawn whenever the object changes. */
  option: ChartOption;
  /** The accessible name of the figure. */
  label: string;
  /** Defaults to "chart", the class that gives the figure its size. */
  className?: string;
  /** Id of an element that describes the figure further (a caveat). */
  describedBy?: string;
}

/** A chart of `option` as an SVG image labelled `label`; drawn once the chart library has loaded. */
export function EChart({ option, label, className = 'chart', describedBy }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  useEffect(() => {
    let instance: ECharts | undefined;
    let unmounted = false;
    // The chart follows its element, not only the window: a menu that opens or a phone turned sideways resizes it too.
    const resizes = new ResizeObserver(() => instance?.resize());
    loadEngine()
      .then(({ createChart }) => {
        if (unmounted || !ref.current) return;
        instance = createChart(ref.current);
        resizes.observe(ref.current);
        setChart(instance);
      })
      // Without the library the figure stays empty; the table beside it carries the same figures.
      .catch(() => undefined);
    return () => {
      unmounted = true;
      resizes.disconnect();
      instance?.dispose();
      setChart(null);
    };
  }, []);
  // Replace, not merge: a new option draws exactly what it says, as a freshly created chart would.
  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);
  return <div ref={ref} className={className} role="img" aria-label={label} aria-describedby={describedBy} />;
}
