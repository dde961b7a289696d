/**
 * Server-rendered SVG charts of the usage page (no chart library, no
 * script): stacked bars of questions per day by channel, and a bar list of
 * rates. Every label is escaped; colours keep a 3:1 contrast on white.
 */
import { escapeHtml } from '../text/escape-html.js';
import type { UsageSummary } from './usage-data.js';

/** Chat channel names shown to staff. */
export const CHAT_CHANNEL_LABELS: Readonly<Record<string, string>> = { web: 'Web', telegram: 'Telegram', zalo: 'Zalo OA', cli: 'Dòng lệnh' };

const COLOURS = ['#1f5fa8', '#c2571a', '#2e7d32', '#6a1b9a', '#8d6e00'];

/** Stacked bars: questions per day, one colour per channel, with a legend. */
export function dailyChartSvg(s: UsageSummary): string {
  const width = 720;
  const height = 260;
  const left = 36;
  const bottom = 40;
  const top = 28;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...s.days.map((d) => d.total));
  const step = (width - left - 8) / Math.max(1, s.days.length);
  const barW = Math.max(2, step * 0.7);
  const parts: string[] = [];
  // Axis and two grid lines with their values.
  for (const v of [0, Math.ceil(max / 2), max]) {
    const y = top + plotH - (v / max) * plotH;
    parts.push(`<line x1="${left}" x2="${width - 4}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#d0d4da"/>`);
    parts.push(`<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#333">${v}</text>`);
  }
  s.days.forEach((d, i) => {
    const x = left + i * step + (step - barW) / 2;
    let y = top + plotH;
    s.channels.forEach((ch, ci) => {
      const n = d.byChannel[ch] ?? 0;
      if (n === 0) return;
      const h = (n / max) * plotH;
      y -= h;
      const label = `${d.date}: ${n} câu hỏi qua ${CHAT_CHANNEL_LABELS[ch] ?? ch}`;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[ci % COLOURS.length]}"><title>${escapeHtml(label)}</title></rect>`,
      );
    });
    const every = Math.ceil(s.days.length / 10);
    if (i % every === 0 || i === s.days.length - 1) {
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11" fill="#333">${escapeHtml(d.date.slice(8, 10))}/${escapeHtml(d.date.slice(5, 7))}</text>`,
      );
    }
  });
  s.channels.forEach((ch, ci) => {
    const x = left + ci * 130;
    parts.push(`<rect x="${x}" y="6" width="12" height="12" fill="${COLOURS[ci % COLOURS.length]}"/>`);
    parts.push(`<text x="${x + 18}" y="16" font-size="12" fill="#222">${escapeHtml(CHAT_CHANNEL_LABELS[ch] ?? ch)}</text>`);
  });
  if (s.questions === 0)
    parts.push(`<text x="${width / 2}" y="${top + plotH / 2}" text-anchor="middle" font-size="14" fill="#444">Chưa có câu hỏi nào trong giai đoạn này</text>`);
  const title = `Số câu hỏi mỗi ngày theo kênh, từ ${s.from} đến ${s.to}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" font-family="system-ui, Segoe UI, Roboto, Arial, sans-serif" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t"><title id="t">${escapeHtml(title)}</title><rect width="${width}" height="${height}" fill="#fff"/>${parts.join('')}</svg>`;
}

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);

/** Horizontal bars of the refusal, 👍 and 👎 rates. */
export function ratesChartSvg(s: UsageSummary): string {
  const rows: Array<[string, number | null, string]> = [
    ['Tỷ lệ từ chối trả lời', s.refusalRate, '#c2571a'],
    ['Đánh giá hữu ích', s.upRate, '#2e7d32'],
    ['Đánh giá không hữu ích', s.downRate, '#b00020'],
  ];
  const width = 720;
  const rowH = 34;
  const labelW = 260;
  const barMax = width - labelW - 70;
  const parts = rows.map(([label, v, colour], i) => {
    const y = 10 + i * rowH;
    const w = v === null ? 0 : Math.max(1, v * barMax);
    return `<text x="0" y="${y + 16}" font-size="13" fill="#222">${escapeHtml(label)}</text><rect x="${labelW}" y="${y + 3}" width="${barMax}" height="18" fill="#eef0f3"/><rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="18" fill="${colour}"/><text x="${labelW + barMax + 8}" y="${y + 16}" font-size="13" fill="#222">${pct(v)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" font-family="system-ui, Segoe UI, Roboto, Arial, sans-serif" viewBox="0 0 ${width} ${10 + rows.length * rowH}" role="img" aria-labelledby="r"><title id="r">Tỷ lệ từ chối và đánh giá</title><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}
