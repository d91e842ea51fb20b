import { Badge } from '@mantine/core';
import type { RemissionRun } from '../../../shared/schemas/remission.ts';
import { useT } from '../../i18n/index.ts';
import { STATUS_COLOR } from './api.ts';

/** Draft → proposed → verified → approved (or rejected); filled once final. */
export function RunStatusBadge({ status }: { status: RemissionRun['status'] }) {
  const { t } = useT();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant={status === 'approved' || status === 'rejected' ? 'filled' : 'light'}
      autoContrast={false}
      style={{ textTransform: 'none' }} data-status={status}>
      {t(`remission.statuses.${status}`)}
    </Badge>
  );
}
