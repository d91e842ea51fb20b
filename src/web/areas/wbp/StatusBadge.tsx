import { Badge } from '@mantine/core';
import { WBP_STATUSES } from '../../../shared/schemas/wbp.ts';
import { useT } from '../../i18n/index.ts';

/** Tahanan (orange), narapidana (navy), anak and klien (grey). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useT();
  const color = status === 'tahanan' ? 'orange' : status === 'narapidana' ? 'pas' : 'gray';
  return (
    <Badge color={color} style={{ textTransform: 'none' }}>
      {WBP_STATUSES.includes(status as (typeof WBP_STATUSES)[number]) ? t(`wbp.statuses.${status as (typeof WBP_STATUSES)[number]}`) : status}
    </Badge>
  );
}
