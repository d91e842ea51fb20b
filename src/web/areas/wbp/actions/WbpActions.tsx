import { Button, Group, Paper, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/index.ts';
import type { Wbp } from '../api.ts';
import type { ActionProps } from './common.ts';
import { DetentionOrderForm } from './DetentionOrderForm.tsx';
import { EditForm } from './EditForm.tsx';
import { RegisterFForm } from './RegisterFForm.tsx';
import { ReleaseForm } from './ReleaseForm.tsx';
import { TransferForm } from './TransferForm.tsx';
import { VerdictForm } from './VerdictForm.tsx';

export const ACTIONS = ['detention', 'verdict', 'registerF', 'release', 'transfer', 'edit'] as const;
export type WbpAction = (typeof ACTIONS)[number];

/**
 * One small form at a time: the officer picks what happened (an order, a verdict, a punishment,
 * a release, a transfer, a correction) and the form opens below with focus on its title.
 */
export function WbpActions({
  wbp,
  today,
  open,
  onOpen,
  onSaved,
  onReload,
  onTransferred,
}: Omit<ActionProps, 'onSaved'> & {
  open: WbpAction | null;
  onOpen: (a: WbpAction | null) => void;
  onSaved: (next: Wbp, notice: string) => void;
  onTransferred: () => void;
}) {
  const { t } = useT();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (open && moved) titleRef.current?.focus();
  }, [open, moved]);
  // Only "case" actions need a record still held; edit works on any.
  const available = wbp.releasedOn ? (['edit'] as WbpAction[]) : [...ACTIONS];
  const props = { wbp, today, onSaved, onReload };
  return (
    <div>
      <Group gap="xs" mb="sm" role="group" aria-label={t('wbp.actionsTitle')}>
        {available.map((a) => (
          <Button
            key={a}
            size="sm"
            variant={open === a ? 'filled' : 'default'}
            aria-expanded={open === a}
            aria-controls="wbp-action-form"
            onClick={() => {
              setMoved(true);
              onOpen(open === a ? null : a);
            }}
          >
            {t(`wbp.actions.${a}`)}
          </Button>
        ))}
      </Group>
      {open && available.includes(open) && (
        <Paper withBorder p="md" id="wbp-action-form" key={`${open}:${wbp.version}`}>
          <Title order={3} size="h4" mb="sm" tabIndex={-1} ref={titleRef}>
            {t(`wbp.actions.${open}`)}
          </Title>
          {open === 'detention' && <DetentionOrderForm {...props} />}
          {open === 'verdict' && <VerdictForm {...props} />}
          {open === 'registerF' && <RegisterFForm {...props} />}
          {open === 'release' && <ReleaseForm {...props} />}
          {open === 'transfer' && <TransferForm wbp={wbp} today={today} onDone={onTransferred} onReload={onReload} />}
          {open === 'edit' && <EditForm {...props} />}
        </Paper>
      )}
    </div>
  );
}
