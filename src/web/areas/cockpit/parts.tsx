import { Badge, Text } from '@mantine/core';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import type { Light } from './api.ts';
import { displayValue, type UnitInfo } from './units.ts';

const COLORS: Record<Light, string> = { green: 'green', amber: 'yellow', red: 'red', none: 'gray', na: 'gray' };
/** Shape as well as colour, so the status reads without colour vision. */
const MARKS: Record<Light, string> = { green: '●', amber: '▲', red: '■', none: '○', na: '–' };

/** Traffic light: colour, a shape and the word. */
export function LightBadge({ light }: { light: Light }) {
  const { t } = useT();
  return (
    <Badge component="span" color={COLORS[light]} variant="light" c={light === 'amber' ? 'dark' : undefined} style={{ textTransform: 'none' }} data-light={light}>
      <span aria-hidden="true">{MARKS[light]} </span>
      {t(`cockpit.lights.${light}`)}
    </Badge>
  );
}

export function ManualBadge({ manual }: { manual: boolean }) {
  const { t } = useT();
  if (!manual) return null;
  return (
    <Badge component="span" color="orange" variant="outline" size="sm" ml={6} title={t('cockpit.manualHelp')} style={{ textTransform: 'none', verticalAlign: 'middle' }}>
      {t('cockpit.manual')}
    </Badge>
  );
}

export function RefreshedAt({ at }: { at: string | null | undefined }) {
  const { t, lang } = useT();
  return (
    <Text size="sm" c="dimmed" data-testid="refreshed-at">
      {at ? t('cockpit.refreshedAt', { at: formatDateTime(at, lang) }) : t('cockpit.neverRefreshed')}
    </Text>
  );
}

/**
 * Month-by-month bars with the expected (target) line, in plain SVG. Decorative for screen
 * readers: the same figures are in the table beside it.
 */
export function TrendChart({ months, ind, cumulative }: { months: Array<{ month: string; value: number | null; cumulative: number | null; expected: number | null }>; ind: UnitInfo; cumulative: boolean }) {
  const { t } = useT();
  const W = 600;
  const H = 200;
  const pad = 28;
  const vals = months.map((m) => (cumulative ? m.cumulative : m.value) ?? 0);
  const exp = months.map((m) => m.expected ?? 0);
  const max = Math.max(1, ...vals, ...exp);
  const bw = (W - pad * 2) / months.length;
  const y = (v: number) => H - pad - ((H - pad * 2) * v) / max;
  const line = months.some((m) => m.expected !== null)
    ? months.map((m, i) => `${i === 0 ? 'M' : 'L'}${pad + bw * i + bw / 2},${y(m.expected ?? 0)}`).join(' ')
    : null;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('cockpit.trendChart')} style={{ maxWidth: 720, display: 'block' }}>
        <line x1={pad} y1={H - pad} x2={W - pad} y2={H - pad} stroke="#868e96" />
        {months.map((m, i) => {
          const v = (cumulative ? m.cumulative : m.value) ?? 0;
          return (
            <g key={m.month}>
              {(cumulative ? m.cumulative : m.value) !== null && <rect x={pad + bw * i + 4} y={y(v)} width={bw - 8} height={Math.max(0, H - pad - y(v))} fill="#1c7ed6" />}
              <text x={pad + bw * i + bw / 2} y={H - 10} fontSize="10" textAnchor="middle" fill="#495057">
                {m.month.slice(5, 7)}
              </text>
            </g>
          );
        })}
        {line && <path d={line} fill="none" stroke="#e8590c" strokeWidth="2" strokeDasharray="6 4" />}
        <text x={pad} y={14} fontSize="10" fill="#495057">
          {displayValue(max, ind)}
        </text>
      </svg>
    </figure>
  );
}
