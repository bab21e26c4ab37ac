/**
 * Server-rendered inline SVG charts: no script, no style attribute (the CSP allows neither; SVG presentation
 * attributes are not styles). Each is an image with an accessible name, and each is drawn beside a data
 * table holding the same figures, which is what a screen reader or a text browser reads.
 */

export interface Series {
  label: string;
  /** A fill with at least 3:1 contrast against white (WCAG 1.4.11). */
  fill: string;
  values: number[];
}

const INK = '#1f2933';
const GRID = '#9aa5b1';
const W = 600;

/** One stacked horizontal bar per row (a county, an age): for few rows with long names. */
export function HBarChart({ id, name, rows, series }: { id: string; name: string; rows: string[]; series: Series[] }) {
  const labelW = 120;
  const valueW = 60;
  const rowH = 26;
  const h = rows.length * rowH + 8;
  const totals = rows.map((_, i) => series.reduce((t, s) => t + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const scale = (W - labelW - valueW) / max;
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={`${id}-name`} focusable="false">
      <title id={`${id}-name`} safe>
        {name}
      </title>
      <line x1={String(labelW)} y1="0" x2={String(labelW)} y2={String(h)} stroke={GRID} />
      {rows.map((label, i) => {
        let x = labelW;
        const y = 4 + i * rowH;
        return (
          <g>
            <text x={String(labelW - 6)} y={String(y + 16)} text-anchor="end" font-size="13" fill={INK} safe>
              {label}
            </text>
            {series.map((s) => {
              const w = (s.values[i] ?? 0) * scale;
              const rect = <rect x={String(x)} y={String(y + 2)} width={String(w.toFixed(1))} height={String(rowH - 8)} fill={s.fill} />;
              x += w;
              return rect;
            })}
            <text x={String(x + 6)} y={String(y + 16)} font-size="13" fill={INK} safe>
              {String(totals[i])}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Stacked columns over time (24 hours): a tick label every `every` columns. */
export function ColumnChart({ id, name, columns, series, every = 3, max, format = String }: { id: string; name: string; columns: string[]; series: Series[]; every?: number; max?: number; format?: (n: number) => string }) {
  const left = 44;
  const top = 8;
  const plotH = 160;
  const h = top + plotH + 24;
  const totals = columns.map((_, i) => series.reduce((t, s) => t + (s.values[i] ?? 0), 0));
  const top1 = max ?? Math.max(1, ...totals);
  const colW = (W - left - 4) / Math.max(1, columns.length);
  const y = (v: number) => top + plotH - (v / top1) * plotH;
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={`${id}-name`} focusable="false">
      <title id={`${id}-name`} safe>
        {name}
      </title>
      {[0, 0.5, 1].map((f) => (
        <g>
          <line x1={String(left)} y1={String(y(top1 * f))} x2={String(W)} y2={String(y(top1 * f))} stroke={GRID} stroke-dasharray={f ? '3 3' : undefined} />
          <text x={String(left - 4)} y={String(y(top1 * f) + 4)} text-anchor="end" font-size="12" fill={INK} safe>
            {format(top1 * f)}
          </text>
        </g>
      ))}
      {columns.map((label, i) => {
        let base = 0;
        const x = left + i * colW;
        return (
          <g>
            {series.map((s) => {
              const v = s.values[i] ?? 0;
              const rect = <rect x={(x + 1).toFixed(1)} y={y(base + v).toFixed(1)} width={(colW - 2).toFixed(1)} height={((v / top1) * plotH).toFixed(1)} fill={s.fill} />;
              base += v;
              return rect;
            })}
            {i % every === 0 ? (
              <text x={(x + colW / 2).toFixed(1)} y={String(h - 6)} text-anchor="middle" font-size="12" fill={INK} safe>
                {label}
              </text>
            ) : (
              <></>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The colours of a chart's series, in words. */
export function Legend({ series }: { series: Series[] }) {
  return (
    <ul class="chart-legend">
      {series.map((s) => (
        <li>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={s.fill} />
          </svg>
          <span safe>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}

