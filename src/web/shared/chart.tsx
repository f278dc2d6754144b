/**
 * One ECharts chart drawn as SVG, for the pages' figures. Registers, once, only the parts the app uses (tree-shaken
 * `echarts/core`, never the whole of `echarts`), so the chart code stays in the lazily loaded pages' chunks.
 * The chart is an image to assistive technology (role="img" with a label); each page puts a table beside it.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = EChartsCoreOption;

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

export function EChart({ option, label, className = 'chart', describedBy }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  // Replace, not merge: a new option draws exactly what it says, as a freshly created chart would.
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={ref} className={className} role="img" aria-label={label} aria-describedby={describedBy} />;
}
