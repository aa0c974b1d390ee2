import type { CartesianScaleTypeRegistry, ScaleOptions } from 'chart.js';

/** Chart colours from the site's design tokens, read at draw time so dark mode is respected. */
export interface ChartColors {
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  accentTranslucent: string;
  second: string;
}

export function chartColors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const accent = token('--accent', '#0b5cad');
  return {
    fg: token('--fg', '#16202b'),
    muted: token('--fg-muted', '#4a5866'),
    grid: token('--border', '#d5dbe1'),
    accent,
    // chart.js parses colours itself for hover shades, so a hex alpha suffix, not color-mix().
    accentTranslucent: /^#[0-9a-f]{6}$/i.test(accent) ? `${accent}73` : accent,
    second: token('--warn', '#8a4b00'),
  };
}

/** Every chart fills the box its figure's CSS sizes, and is drawn at once rather than animated. */
export const FIXED_CHART_OPTIONS = { maintainAspectRatio: false, animation: false } as const;

export type CartesianAxis = ScaleOptions<keyof CartesianScaleTypeRegistry>;

/**
 * An x or y axis in the site's colours: muted tick labels, grid lines in the border colour and, when
 * `title` is given, a title in `titleColor`. `extra` adds the axis's own settings; its ticks are merged.
 */
export function themedAxis(colors: ChartColors, title: string | null, extra: CartesianAxis = {}, titleColor = colors.fg): CartesianAxis {
  return {
    ...extra,
    ...(title === null ? {} : { title: { display: true, text: title, color: titleColor } }),
    ticks: { color: colors.muted, ...extra.ticks },
    grid: { color: colors.grid },
  };
}
