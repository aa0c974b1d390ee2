/**
 * chart.js with only the parts the compare charts use registered (not chart.js/auto), loaded on
 * demand by CompareCharts so the table appears before the chart code arrives.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export { Chart };
