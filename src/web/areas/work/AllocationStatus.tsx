import { Badge } from '@mantine/core';
import { useWorkLabels } from './labels.ts';

const COLORS: Record<string, string> = { active: 'green', waitlist: 'yellow', ended: 'gray' };

/** A placement's status: active, on the waiting list, or ended. */
export function AllocationStatus({ status }: { status: string }) {
  const label = useWorkLabels();
  return (
    <Badge color={COLORS[status] ?? 'gray'} style={{ textTransform: 'none' }} data-status={status}>
      {label.allocationStatus(status)}
    </Badge>
  );
}
