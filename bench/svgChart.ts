/**
 * Line charts as plain SVG, drawn by the benchmarks themselves (no dependency): a title, a legend
 * and a grid of panels, each with its own axes (linear or log), lines, marked points and an
 * optional dashed target line.
 */

export interface Axis {
  scale: 'linear' | 'log';
  min: number;
  max: number;
  /** Where grid lines and labels go. */
  ticks: number[];
  format: (value: number) => string;
  label?: string;
}

export interface Series {
  name: string;
  colour: string;
  points: [number, number][];
  /** A dot on every point (for a few points; a long curve is drawn as a line only). */
  dots?: boolean;
  /** x values where this series has no point because the run did not finish: drawn as ×. */
  missing?: number[];
}

/** A point called out on its own, e.g. where a system actually operates on a curve. */
export interface Mark {
  x: number;
  y: number;
  colour: string;
  label?: string;
  tooltip: string;
}

export interface Panel {
  title: string;
  x: Axis;
  y: Axis;
  series: Series[];
  target?: { value: number; label: string };
  marks?: Mark[];
}

export interface Chart {
  title: string;
  subtitle: string;
  legend: { name: string; colour: string }[];
  /** Text after the legend entries, explaining a symbol. */
  legendNote?: string;
  panels: Panel[];
  cols?: number;
  panelW?: number;
  panelH?: number;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Maps a value onto [0, 1] along the axis. */
function position(axis: Axis, v: number): number {
  return axis.scale === 'log' ? Math.log10(v / axis.min) / Math.log10(axis.max / axis.min) : (v - axis.min) / (axis.max - axis.min);
}

export function svgChart(chart: Chart): string {
  const cols = chart.cols ?? 2;
  const rows = Math.ceil(chart.panels.length / cols);
  const panelW = chart.panelW ?? 420;
  const panelH = chart.panelH ?? 250;
  const margin = { left: 78, top: 112, right: 24, bottom: 48 };
  const gapX = 90;
  const gapY = 84;
  const W = margin.left + cols * panelW + (cols - 1) * gapX + margin.right;
  const H = margin.top + rows * panelH + (rows - 1) * gapY + margin.bottom;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${W / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold">${escapeXml(chart.title)}</text>`);
  out.push(`<text x="${W / 2}" y="48" text-anchor="middle" fill="#555">${escapeXml(chart.subtitle)}</text>`);
  let lx = W / 2 - 60 * chart.legend.length - 30;
  for (const { name, colour } of chart.legend) {
    out.push(
      `<line x1="${lx}" y1="70" x2="${lx + 28}" y2="70" stroke="${colour}" stroke-width="2.5"/><circle cx="${lx + 14}" cy="70" r="3.5" fill="${colour}"/>`,
    );
    out.push(`<text x="${lx + 34}" y="74">${escapeXml(name)}</text>`);
    lx += 120;
  }
  if (chart.legendNote) out.push(`<text x="${lx}" y="74" fill="#444">${escapeXml(chart.legendNote)}</text>`);
  chart.panels.forEach((panel, i) => {
    const ox = margin.left + (i % cols) * (panelW + gapX);
    const oy = margin.top + Math.floor(i / cols) * (panelH + gapY);
    out.push(...drawPanel(panel, ox, oy, panelW, panelH));
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function drawPanel(panel: Panel, ox: number, oy: number, w: number, h: number): string[] {
  const { x: xa, y: ya } = panel;
  const x = (v: number) => ox + position(xa, v) * w;
  const y = (v: number) => oy + h - position(ya, v) * h;
  const xy = (px: number, py: number) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`;
  const out: string[] = [];
  out.push(`<text x="${ox}" y="${oy - 10}" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`);
  out.push(`<rect x="${ox}" y="${oy}" width="${w}" height="${h}" fill="none" stroke="#999"/>`);
  for (const t of ya.ticks) {
    out.push(`<line x1="${ox}" x2="${ox + w}" y1="${y(t)}" y2="${y(t)}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${ox - 6}" y="${y(t) + 4}" text-anchor="end" fill="#444">${escapeXml(ya.format(t))}</text>`);
  }
  for (const t of xa.ticks) {
    out.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${oy}" y2="${oy + h}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${x(t)}" y="${oy + h + 16}" text-anchor="middle" fill="#444">${escapeXml(xa.format(t))}</text>`);
  }
  if (xa.label) out.push(`<text x="${ox + w / 2}" y="${oy + h + 34}" text-anchor="middle" fill="#444">${escapeXml(xa.label)}</text>`);
  if (ya.label)
    out.push(
      `<text transform="translate(${ox - 48} ${oy + h / 2}) rotate(-90)" text-anchor="middle" fill="#444">${escapeXml(ya.label)}</text>`,
    );
  if (panel.target) {
    const ty = y(panel.target.value);
    out.push(`<line x1="${ox}" x2="${ox + w}" y1="${ty}" y2="${ty}" stroke="#c00" stroke-dasharray="6 4" stroke-width="1.2"/>`);
    out.push(`<text x="${ox + 6}" y="${ty - 5}" fill="#c00">${escapeXml(panel.target.label)}</text>`);
  }
  for (const [s, series] of panel.series.entries()) {
    const { colour, name } = series;
    if (series.points.length > 1)
      out.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${series.points.map(([px, py]) => xy(px, py)).join(' ')}"/>`,
      );
    if (series.dots ?? true) {
      for (const [px, py] of series.points) {
        out.push(
          `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="4" fill="${colour}"><title>${escapeXml(`${name} ${xa.format(px)}: ${ya.format(py)}`)}</title></circle>`,
        );
      }
    }
    for (const px of series.missing ?? []) {
      out.push(
        `<text x="${x(px).toFixed(1)}" y="${oy + 18 + 16 * s}" text-anchor="middle" fill="${colour}" font-size="16" font-weight="bold">×<title>${escapeXml(`${name} ${xa.format(px)}: did not finish`)}</title></text>`,
      );
    }
  }
  for (const mark of panel.marks ?? []) {
    out.push(
      `<circle cx="${x(mark.x).toFixed(1)}" cy="${y(mark.y).toFixed(1)}" r="7" fill="white" stroke="${mark.colour}" stroke-width="3"><title>${escapeXml(mark.tooltip)}</title></circle>`,
    );
    if (mark.label)
      out.push(
        `<text x="${(x(mark.x) - 10).toFixed(1)}" y="${(y(mark.y) + 22).toFixed(1)}" text-anchor="end" fill="${mark.colour}" font-weight="bold" stroke="white" stroke-width="4" paint-order="stroke">${escapeXml(mark.label)}</text>`,
      );
  }
  return out;
}
