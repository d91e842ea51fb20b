import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { EndAllocationInput, type Activity } from '../../../shared/schemas/work.ts';
import { post } from '../../api/client.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { DateField } from '../../forms/fields.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useAllocations, workKeys, type Allocation } from './api.ts';
import { AllocationStatus } from './AllocationStatus.tsx';

const STATUSES = ['active', 'waitlist', 'ended', 'all'] as const;
function EndForm({ allocation, today, onDone, onReload }: { allocation: Allocation; today: string; onDone: () => void; onReload: () => void }) {
  const { t } = useT();
  const form = useForm({ endDate: today, reason: '' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(EndAllocationInput, { version: allocation.version, endDate: form.values.endDate, reason: form.values.reason });
    if (!input) return;
    const ok = await form.run(() => post(`/work/allocations/${allocation.id}/end`, input));
    if (ok) onDone();
  }
  return (
    <Paper withBorder p="md" mt="sm" id="end-allocation-form">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('work.allocations.endTitle', { name: allocation.name })}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('work.allocations.endTitle', { name: allocation.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('work.allocations.endHelp')}
          </Text>
          <FormAlert problem={form.problem} onReload={onReload} />
          <Group align="flex-start" grow wrap="wrap">
            <DateField label={t('work.allocations.endDate')} required value={form.values.endDate} onChange={(v) => form.set('endDate', v)} error={form.errors.endDate} />
            <TextInput label={t('work.allocations.reason')} required value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} />
          </Group>
          <Group>
            <Button type="submit" color="red" loading={form.submitting}>
              {t('work.allocations.endSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Who is placed in the activity, on the waiting list, or no longer; ending a placement. */
export function AllocationsSection({ activity, today, canWrite }: { activity: Activity; today: string; canWrite: boolean }) {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>('active');
  const [ending, setEnding] = useState<Allocation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useAllocations(activity.id, status);

  const columns: Column<Allocation>[] = [
    {
      key: 'name',
      header: t('work.cols.name'),
      primary: true,
      render: (a) => (
        <Anchor component={Link} to={`/wbp/${a.wbpId}`}>
          {a.name}
        </Anchor>
      ),
    },
    { key: 'noRegister', header: t('work.cols.noRegister'), render: (a) => <span style={{ whiteSpace: 'nowrap' }}>{a.noRegister}</span> },
    { key: 'status', header: t('work.allocations.status'), render: (a) => <AllocationStatus status={a.status} /> },
    { key: 'start', header: t('work.allocations.startDate'), render: (a) => formatDate(a.startDate, lang) },
    ...(status === 'ended' || status === 'all'
      ? [
          { key: 'end', header: t('work.allocations.endDate'), render: (a: Allocation) => formatDate(a.endDate, lang) },
          { key: 'reason', header: t('work.allocations.endReason'), render: (a: Allocation) => a.endReason ?? t('common.none') },
        ]
      : []),
    {
      key: 'premi',
      header: t('work.allocations.premi'),
      render: (a) => (
        <Anchor component={Link} to={`/premi/${a.wbpId}`} size="sm" aria-label={t('work.allocations.ledgerOf', { name: a.name })}>
          {t('work.allocations.ledger')}
        </Anchor>
      ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: t('work.cols.actions'),
            render: (a: Allocation) =>
              a.status === 'ended' ? null : (
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('work.allocations.endLabel', { name: a.name })}
                  aria-expanded={ending?.id === a.id}
                  aria-controls="end-allocation-form"
                  onClick={() => {
                    setNotice(null);
                    setEnding(ending?.id === a.id ? null : a);
                  }}
                >
                  {t('work.allocations.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Section title={t('work.allocations.title')} id="allocations">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('work.allocations.status')}
            value={status}
            onChange={(e) => {
              setEnding(null);
              setStatus(e.currentTarget.value);
            }}
            data={STATUSES.map((s) => ({ value: s, label: t(`work.allocations.statuses.${s}`) }))}
            w={{ base: '100%', sm: 220 }}
          />
          {canWrite && activity.active && (
            <Button component={Link} to={`/kerja/kegiatan/${activity.id}/tempatkan`}>
              {t('work.allocations.allocate')}
            </Button>
          )}
        </Group>
        {notice && (
          <Alert color="green" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <EmptyState>{t('work.allocations.empty')}</EmptyState>
        ) : (
          <div aria-busy={list.isFetching}>
            <DataTable caption={t('work.allocations.title')} columns={columns} rows={list.data} rowKey={(a) => a.id} />
          </div>
        )}
        {ending && (
          <EndForm
            key={ending.id}
            allocation={ending}
            today={today}
            onReload={() => {
              setEnding(null);
              void list.refetch();
            }}
            onDone={() => {
              setNotice(t('work.allocations.ended', { name: ending.name }));
              setEnding(null);
              void qc.invalidateQueries({ queryKey: ['work-allocations', activity.id] });
              void qc.invalidateQueries({ queryKey: workKeys.activity(activity.id) });
              void qc.invalidateQueries({ queryKey: ['work-dashboard'] });
            }}
          />
        )}
      </Stack>
    </Section>
  );
}
