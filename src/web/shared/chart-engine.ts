/**
 * The chart library, loaded only when a chart is drawn (src/web/shared/chart.tsx imports this file dynamically): only
 * the parts the app uses are registered (tree-shaken `echarts/core`, never the whole of `echarts`), drawn as SVG.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** A chart drawn as SVG into `element`. */
export function createChart(element: HTMLElement): ECharts {
  return init(element, undefined, { renderer: 'svg' });
}
