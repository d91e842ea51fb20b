import { Badge } from '@mantine/core';
import { useT } from '../../i18n/index.ts';

const COLORS: Record<string, string> = { planned: 'gray', running: 'blue', completed: 'green', cancelled: 'red', enrolled: 'blue', dropped: 'gray', kompeten: 'green', belum_kompeten: 'orange' };

export function ProgrammeStatus({ status }: { status: string }) {
  const { t } = useT();
  return <Badge color={COLORS[status] ?? 'gray'} style={{ textTransform: 'none' }}>{t(`training.statuses.${status as 'planned'}`)}</Badge>;
}
export function ParticipantStatus({ status }: { status: string }) {
  const { t } = useT();
  return <Badge color={COLORS[status] ?? 'gray'} style={{ textTransform: 'none' }}>{t(`training.participantStatuses.${status as 'enrolled'}`)}</Badge>;
}
export function ResultBadge({ result }: { result: string }) {
  const { t } = useT();
  return <Badge color={COLORS[result] ?? 'gray'} style={{ textTransform: 'none' }}>{t(`training.results.${result as 'kompeten'}`)}</Badge>;
}

/** A percentage the API sends as text with two decimals ("30.92"), shown the local way. */
export function pct(value: string | null, lang: 'id' | 'en'): string {
  if (value === null) return '—';
  return `${lang === 'id' ? value.replace('.', ',') : value}%`;
}
