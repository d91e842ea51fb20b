/**
 * Illustrations per product category, drawn here (no copied images): shown where a product has
 * no photo yet and always labelled as illustrations. Plain SVG, a few hundred bytes each.
 */
const SHAPES: Record<string, { bg: string; fg: string; shape: string }> = {
  pertanian: { bg: '#e8f5e9', fg: '#2e7d32', shape: '<path d="M100 150 V70" stroke-width="6"/><path d="M100 110 q-30 -10 -40 -40 q30 5 40 40 M100 95 q30 -10 40 -40 q-30 5 -40 40" />' },
  perkebunan: { bg: '#f1f8e9', fg: '#558b2f', shape: '<circle cx="100" cy="85" r="38"/><path d="M100 123 V160" stroke-width="8"/>' },
  perikanan: { bg: '#e3f2fd', fg: '#1565c0', shape: '<path d="M55 100 q45 -45 90 0 q-45 45 -90 0 z"/><path d="M145 100 l25 -20 v40 z"/><circle cx="75" cy="95" r="5" fill="#fff"/>' },
  peternakan: { bg: '#fff8e1', fg: '#8d6e63', shape: '<ellipse cx="100" cy="105" rx="45" ry="30"/><circle cx="140" cy="80" r="16"/><path d="M75 130 v25 M125 130 v25" stroke-width="8"/>' },
  industri: { bg: '#eceff1', fg: '#455a64', shape: '<path d="M45 150 V95 l30 18 V95 l30 18 V95 l30 18 V60 h15 V150 z"/>' },
  kuliner: { bg: '#fff3e0', fg: '#e65100', shape: '<path d="M50 100 h100 a50 45 0 0 1 -100 0 z"/><path d="M80 80 q5 -15 0 -25 M100 80 q5 -15 0 -25 M120 80 q5 -15 0 -25" fill="none" stroke-width="5"/>' },
  kerajinan: { bg: '#fce4ec', fg: '#ad1457', shape: '<path d="M60 60 h80 v80 h-80 z" fill="none" stroke-width="8"/><path d="M60 100 h80 M100 60 v80 M60 60 l80 80 M140 60 l-80 80" fill="none" stroke-width="4"/>' },
  jasa: { bg: '#ede7f6', fg: '#4527a0', shape: '<circle cx="100" cy="100" r="40" fill="none" stroke-width="14" stroke-dasharray="18 10"/><circle cx="100" cy="100" r="14"/>' },
};

export const ILLUSTRATED_CATEGORIES = Object.keys(SHAPES);

export function illustrationSvg(category: string, label: string): string | undefined {
  const s = SHAPES[category];
  if (!s) return undefined;
  const text = label.replace(/[^A-Za-z ]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="400" height="400" role="img" aria-label="${text}">`
    + `<rect width="200" height="200" fill="${s.bg}"/><g fill="${s.fg}" stroke="${s.fg}" stroke-linecap="round">${s.shape}</g>`
    + `<text x="100" y="188" font-family="sans-serif" font-size="11" text-anchor="middle" fill="${s.fg}">${text}</text></svg>`;
}
