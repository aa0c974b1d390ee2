/** The price-against-context chart's caption, the same on the server and after each filter. */
export function chartCaption(plotted: number, left: number, filtered: boolean): string {
  const which = filtered ? 'matching the filters' : 'listed';
  const leftOut = left === 0 ? '' : ` ${left} free or variable-price model${left === 1 ? '' : 's'} cannot sit on a log scale and ${left === 1 ? 'is' : 'are'} left out.`;
  return `Cheapest input price per 1M tokens against context length, log scales: ${plotted} model${plotted === 1 ? '' : 's'} ${which}.${leftOut}`;
}
