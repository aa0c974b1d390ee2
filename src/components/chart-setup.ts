/**
 * chart.js with the parts the site's charts use registered once (not chart.js/auto, which would ship
 * every controller, scale and plugin). Only the chart modules import it, and they are themselves
 * imported on demand, so a page carries no chart.js until one of its charts is about to be drawn.
 * The build puts chart.js in one chunk shared by every chart, so registering the union costs no bytes.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, LineController, ScatterController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip);

export { Chart };
