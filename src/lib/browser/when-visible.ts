/**
 * Runs `load` once, the first time `element` comes near the viewport. Heavy code (chart.js) is
 * imported inside `load`, so a page ships none of it until someone scrolls to it.
 */
export function whenVisible(element: Element, load: () => Promise<void> | void, rootMargin = '200px'): void {
  if (!('IntersectionObserver' in window)) {
    void load();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void load();
    },
    { rootMargin },
  );
  observer.observe(element);
}
