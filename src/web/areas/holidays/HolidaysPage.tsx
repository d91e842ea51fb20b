import { Alert, Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { HolidayInput, type Holiday } from '../../../shared/schemas/holidays.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading, Section, useErrorText } from '../../components/States.tsx';
import { DateField } from '../../forms/fields.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { rkHolidayOf, rkOccasions, useHolidays } from './api.ts';

function AddHoliday({ year, onAdded }: { year: number; onAdded: (h: Holiday) => void }) {
  const { t } = useT();
  const form = useForm({ date: `${year}-01-01`, name: '', national: true });
  const v = form.values;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(HolidayInput, { date: v.date, name: v.name, national: v.national });
    if (!input) return;
    const added = await form.run(() => post<Holiday>('/holidays', input));
    if (added) {
      form.reset({ date: v.date, name: '', national: true });
      onAdded(added);
    }
  }
  return (
    <Paper withBorder p="md" maw={760}>
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('holidays.addTitle')}>
        <Stack gap="sm">
          <FormAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label={t('holidays.date')} required value={v.date} onChange={(x) => form.set('date', x)} error={form.errors.date} />
            <TextInput
              label={t('holidays.name')}
              placeholder={t('holidays.namePlaceholder')}
              required
              value={v.name}
              onChange={(e) => form.set('name', e.currentTarget.value)}
              error={form.errors.name}
            />
          </SimpleGrid>
          <Checkbox label={t('holidays.national')} checked={v.national} onChange={(e) => form.set('national', e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('holidays.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Holiday dates (reference data): they decide the remisi khusus occasions of each religion. */
export default function HolidaysPage() {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const errorText = useErrorText();
  const thisYear = Number((meta?.today ?? new Date().toISOString()).slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun')) || thisYear;
  const holidays = useHolidays(year);
  const canWrite = hasPermission(me, 'holiday.write');
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Holiday | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const years = Array.from({ length: 16 }, (_, i) => String(2015 + i));
  if (!years.includes(String(year))) years.push(String(year));
  const occasions = new Set(rkOccasions(holidays.data ?? []).map((o) => `${o.date}|${o.name}`));

  async function remove() {
    if (!removing) return;
    setBusy(true);
    setRemoveError(null);
    try {
      await post('/holidays/remove', { date: removing.date, name: removing.name });
      await qc.invalidateQueries({ queryKey: ['holidays'] });
      setNotice(t('holidays.removed'));
      setRemoving(null);
    } catch (err) {
      setRemoveError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<Holiday>[] = [
    { key: 'date', header: t('holidays.cols.date'), render: (h) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(h.date, lang)}</span> },
    { key: 'name', header: t('holidays.cols.name'), primary: true, render: (h) => h.name },
    {
      key: 'rk',
      header: t('holidays.cols.rk'),
      render: (h) => {
        const rk = rkHolidayOf(h.name);
        if (!rk) return t('common.none');
        return (
          <Badge color={occasions.has(`${h.date}|${h.name}`) ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
            {t(`holidays.rk.${rk}`)}
          </Badge>
        );
      },
    },
    { key: 'national', header: t('holidays.cols.national'), render: (h) => (h.national ? t('common.yes') : t('common.no')) },
    { key: 'source', header: t('holidays.cols.source'), render: (h) => (h.source === 'manual' ? t('holidays.sources.manual') : t('holidays.sources.reference')) },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: t('holidays.cols.actions'),
            render: (h: Holiday) => (
              <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(h)} aria-label={t('holidays.remove', { name: `${h.name} ${formatDate(h.date, lang)}` })}>
                {t('common.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="page">
      <PageHeader title={t('holidays.title')} intro={t('holidays.intro')} />
      {notice && (
        <Alert color="green" role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <NativeSelect
        label={t('holidays.year')}
        value={String(year)}
        onChange={(e) => setParams(e.currentTarget.value === String(thisYear) ? {} : { tahun: e.currentTarget.value }, { replace: true })}
        data={years}
        w={160}
        mb="md"
      />
      {holidays.isPending ? (
        <Loading />
      ) : holidays.error ? (
        <ErrorState error={holidays.error} onRetry={() => void holidays.refetch()} />
      ) : holidays.data.length === 0 ? (
        <EmptyState>{t('holidays.empty', { year })}</EmptyState>
      ) : (
        <DataTable caption={`${t('holidays.title')} ${year}`} columns={columns} rows={holidays.data} rowKey={(h) => `${h.date}|${h.name}`} />
      )}
      {canWrite ? (
        <Section title={t('holidays.addTitle')} id="holiday-add">
          <AddHoliday
            key={year}
            year={year}
            onAdded={() => {
              void qc.invalidateQueries({ queryKey: ['holidays'] });
              setNotice(t('holidays.added'));
            }}
          />
        </Section>
      ) : (
        <Text size="sm" c="dimmed" mt="md">
          {t('holidays.readOnly')}
        </Text>
      )}
      <Modal opened={!!removing} onClose={() => setRemoving(null)} title={t('holidays.removeTitle')} centered>
        {removing && (
          <Stack gap="sm">
            <Text size="sm">{t('holidays.removeConfirm', { name: removing.name, date: formatDate(removing.date, lang) })}</Text>
            {removeError && (
              <Alert color="red" role="alert">
                {removeError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={busy} onClick={() => void remove()}>
                {t('common.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </div>
  );
}
