import { Alert, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AuditQuery, type AuditEntry } from '../../../shared/schemas/audit.ts';
import { ApiError, get } from '../../api/client.ts';
import { useAudit, type AuditVerifyResult } from '../../api/queries.ts';
import { useMe } from '../../auth/session.ts';
import { AuditDiff } from '../../components/AuditDiff.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading, Section, useErrorText } from '../../components/States.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { formFieldErrors } from '../../forms/form.ts';
import { tDynamic, useT } from '../../i18n/index.ts';

const PAGE_SIZE = 50;
const FILTERS = ['entity', 'entityId', 'actor', 'action', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const ENTITIES = ['upt', 'kanwil', 'app_user', 'auth', 'system'];
const ACTIONS = ['create', 'update', 'login', 'login_failed', 'locked', 'logout_all', 'password_changed', 'password_reset', 'unlock', 'sessions_revoked', 'seeded'];

function VerifyChain() {
  const { t } = useT();
  const errorText = useErrorText();
  const [state, setState] = useState<{ busy: boolean; result?: AuditVerifyResult; error?: string }>({ busy: false });
  const run = async () => {
    setState({ busy: true });
    try {
      setState({ busy: false, result: await get<AuditVerifyResult>('/audit/verify') });
    } catch (err) {
      setState({ busy: false, error: err instanceof ApiError ? errorText(err) : t('errors.network') });
    }
  };
  return (
    <Paper withBorder p="md" mb="lg">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('audit.verifyHelp')}</Text>
        <Button variant="default" onClick={() => void run()} loading={state.busy}>
          {t('audit.verify')}
        </Button>
        <div aria-live="polite" style={{ width: '100%' }}>
          {state.result &&
            (state.result.ok ? (
              <Alert color="green">{t('audit.verifyOk', { checked: formatNumber(state.result.checked) })}</Alert>
            ) : (
              <Alert color="red">
                {t('audit.verifyBroken', { count: formatNumber(state.result.breaks.length + state.result.checkpoints.faults.length), checked: formatNumber(state.result.checked) })}
                <Text size="sm" mt={4}>
                  {[
                    ...state.result.breaks.map((b) => `#${b.id} (${t(`audit.breakReason.${b.reason}`)})`),
                    ...state.result.checkpoints.faults.map((f) => t('audit.checkpointFault', { seq: String(f.seq), reason: t(`audit.faultReason.${f.reason}`) })),
                  ]
                    .slice(0, 20)
                    .join(', ')}
                  {state.result.breaks.length + state.result.checkpoints.faults.length > 20 ? ' …' : ''}
                </Text>
              </Alert>
            ))}
          {state.error && <Alert color="red">{state.error}</Alert>}
        </div>
      </Stack>
    </Paper>
  );
}

export default function AuditPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const paramsKey = params.toString();
  useEffect(() => {
    setDraft(Object.fromEntries(FILTERS.map((k) => [k, new URLSearchParams(paramsKey).get(k) ?? ''])) as Filters);
  }, [paramsKey]);
  const audit = useAudit({ ...applied, page, pageSize: PAGE_SIZE });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const clean = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    const parsed = AuditQuery.safeParse(clean);
    if (!parsed.success) {
      setErrors(formFieldErrors(parsed.error, lang));
      return;
    }
    setErrors({});
    setParams(new URLSearchParams(clean));
  };

  const label = (group: 'entities' | 'actions', v: string) => tDynamic(`audit.${group}.${v}`, v);
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), primary: true, render: (e) => <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (e) => e.actorUsername ?? t('audit.system'),
    },
    {
      key: 'what',
      header: t('audit.entity'),
      render: (e) => (
        <>
          {label('entities', e.entity)}
          {e.entityId ? ` #${e.entityId}` : ''}
        </>
      ),
    },
    { key: 'action', header: t('audit.action'), render: (e) => <Badge color="gray">{label('actions', e.action)}</Badge> },
    { key: 'changes', header: t('audit.changes'), render: (e) => <AuditDiff entry={e} /> },
  ];

  const set = (k: keyof Filters, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const filtered = FILTERS.some((k) => applied[k]);

  return (
    <div className="page">
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      {me?.scope.level === 'national' && <VerifyChain />}
      <form onSubmit={apply} role="search" aria-label={t('audit.title')} noValidate>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" mb="sm">
          <NativeSelect
            label={t('audit.entity')}
            value={draft.entity}
            onChange={(e) => set('entity', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...ENTITIES.map((v) => ({ value: v, label: label('entities', v) }))]}
          />
          <TextInput label={t('audit.entityId')} value={draft.entityId} onChange={(e) => set('entityId', e.currentTarget.value)} error={errors.entityId} />
          <TextInput
            label={t('audit.actor')}
            value={draft.actor}
            onChange={(e) => set('actor', e.currentTarget.value)}
            error={errors.actor}
            autoCapitalize="none"
            spellCheck={false}
          />
          <NativeSelect
            label={t('audit.action')}
            value={draft.action}
            onChange={(e) => set('action', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...ACTIONS.map((v) => ({ value: v, label: label('actions', v) }))]}
          />
          <TextInput label={t('audit.from')} type="date" value={draft.from} onChange={(e) => set('from', e.currentTarget.value)} error={errors.from} />
          <TextInput label={t('audit.to')} type="date" value={draft.to} onChange={(e) => set('to', e.currentTarget.value)} error={errors.to} />
        </SimpleGrid>
        <Group gap="sm" mb="md">
          <Button type="submit">{t('audit.apply')}</Button>
          {filtered && (
            <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
              {t('common.resetFilters')}
            </Button>
          )}
        </Group>
      </form>
      <Section title={t('audit.changes')} id="audit-results">
        {audit.isPending ? (
          <Loading />
        ) : audit.error ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : audit.data.items.length === 0 ? (
          <EmptyState>{t('audit.empty')}</EmptyState>
        ) : (
          <div aria-busy={audit.isFetching}>
            <DataTable caption={t('audit.title')} columns={columns} rows={audit.data.items} rowKey={(e) => e.id} />
            <Pager
              page={page}
              pageSize={PAGE_SIZE}
              total={audit.data.total}
              onChange={(p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              }}
            />
          </div>
        )}
      </Section>
    </div>
  );
}
