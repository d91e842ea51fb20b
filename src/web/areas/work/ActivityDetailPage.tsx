import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ActivityUpdateInput, type Activity } from '../../../shared/schemas/work.ts';
import { patch } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { DateField } from '../../forms/fields.tsx';
import { useForm } from '../../forms/form.ts';
import { formatNumber, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { ActivityFields, inputOf, valuesOf, type ActivityValues } from './ActivityFields.tsx';
import { AllocationsSection } from './AllocationsSection.tsx';
import { useActivity, workKeys } from './api.ts';
import { useWorkLabels } from './labels.ts';
import { PayRulesSection } from './PayRulesSection.tsx';

interface Industri {
  agreementNumber?: string;
  investmentRupiah?: number;
  machines?: string;
}

function Details({ a }: { a: Activity }) {
  const { t } = useT();
  const label = useWorkLabels();
  const yes = (b: boolean) => (b ? t('work.yesNo.yes') : t('work.yesNo.no'));
  const ind = (a.industri ?? {}) as Industri;
  return (
    <Paper withBorder p="md" data-testid="activity-details">
      <dl className="details">
        <dt>{t('work.fields.category')}</dt>
        <dd>{label.category(a.category)}</dd>
        <dt>{t('work.fields.upt')}</dt>
        <dd>{a.uptName}</dd>
        <dt>{t('work.fields.place')}</dt>
        <dd>
          {label.placeKind(a.placeKind)}
          {a.placeName ? ` · ${a.placeName}` : ''}
        </dd>
        <dt>{t('work.fields.capacity')}</dt>
        <dd>
          {formatNumber(a.allocated)} / {formatNumber(a.capacity)} {t('work.fields.allocated').toLowerCase()}
          {a.waitlisted > 0 && ` · ${formatNumber(a.waitlisted)} ${t('work.fields.waitlisted').toLowerCase()}`}
        </dd>
        <dt>{t('work.fields.schedule')}</dt>
        <dd>
          {label.weekdays(a.weekdays)} · {label.sessions(a.sessions)}
        </dd>
        <dt>{t('work.fields.partnerName')}</dt>
        <dd>{a.partnerName ?? t('common.none')}</dd>
        <dt>{t('work.fields.outside')}</dt>
        <dd>{yes(a.outside)}</dd>
        <dt>{t('work.fields.openToDetainees')}</dt>
        <dd>{yes(a.openToDetainees)}</dd>
        <dt>{t('work.fields.lapasIndustri')}</dt>
        <dd>
          {yes(a.lapasIndustri)}
          {a.lapasIndustri && (ind.agreementNumber || ind.investmentRupiah !== undefined || ind.machines) && (
            <Text size="sm" c="dimmed">
              {[
                ind.agreementNumber && `${t('work.fields.agreementNumber')}: ${ind.agreementNumber}`,
                ind.investmentRupiah !== undefined && `${t('work.fields.investmentRupiah')}: ${formatRupiah(ind.investmentRupiah)}`,
                ind.machines && `${t('work.fields.machines')}: ${ind.machines}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
        </dd>
        <dt>{t('work.fields.active')}</dt>
        <dd>
          <Badge color={a.active ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
            {a.active ? t('common.active') : t('common.inactive')}
          </Badge>
        </dd>
        <dt>{t('work.fields.source')}</dt>
        <dd>
          {a.source === 'generated' ? <SourceBadge source="generated" /> : t('common.manual')}
          <Text span size="xs" c="dimmed" ml={8}>
            {t('work.fields.version')} {a.version}
          </Text>
        </dd>
      </dl>
    </Paper>
  );
}

/** Only what changed is sent, with the version the form was opened at. */
function changesOf(a: Activity, v: ActivityValues): Record<string, unknown> {
  const next = { ...inputOf(v), active: v.active };
  const current = { ...inputOf(valuesOf(a)), active: a.active };
  return Object.fromEntries(Object.entries(next).filter(([k, val]) => JSON.stringify(val) !== JSON.stringify((current as Record<string, unknown>)[k])));
}

function EditForm({ activity, onSaved, onReload }: { activity: Activity; onSaved: (a: Activity) => void; onReload: () => void }) {
  const { t } = useT();
  const form = useForm<ActivityValues>(valuesOf(activity));
  const [nothing, setNothing] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const changes = changesOf(activity, form.values);
    setNothing(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    const input = form.validate(ActivityUpdateInput, { version: activity.version, ...changes });
    if (!input) return;
    const saved = await form.run(() => patch<Activity>(`/work/activities/${activity.id}`, input));
    if (saved) onSaved(saved);
  }
  return (
    <Paper withBorder p="md" id="activity-edit-form">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('work.edit')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('work.edit')}
          </Title>
          <FormAlert problem={form.problem} onReload={onReload} />
          {nothing && (
            <Alert color="gray" role="status">
              {t('common.noChanges')}
            </Alert>
          )}
          <ActivityFields values={form.values} set={form.set} errors={form.errors} editing />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('work.editSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AttendanceOpener({ activity, today }: { activity: Activity; today: string }) {
  const { t } = useT();
  const label = useWorkLabels();
  const navigate = useNavigate();
  const [date, setDate] = useState(today);
  const [session, setSession] = useState(activity.sessions[0] ?? 'pagi');
  return (
    <Section title={t('work.attendance.open')} id="attendance">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/kerja/kegiatan/${activity.id}/absensi?tanggal=${date}&sesi=${session}`);
        }}
        aria-label={t('work.attendance.open')}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateField label={t('work.attendance.date')} value={date} max={today} onChange={setDate} />
          {activity.sessions.length > 1 && (
            <NativeSelect
              label={t('work.attendance.session')}
              value={session}
              onChange={(e) => setSession(e.currentTarget.value)}
              data={activity.sessions.map((s) => ({ value: s, label: label.session(s) }))}
            />
          )}
          <Button type="submit" variant="default">
            {t('work.attendance.open')}
          </Button>
        </Group>
      </form>
    </Section>
  );
}

export default function ActivityDetailPage() {
  const { t } = useT();
  const labels = useWorkLabels();
  const id = Number(useParams().id);
  const location = useLocation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const activity = useActivity(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const payRuleProblem = (location.state as { payRuleProblem?: string } | null)?.payRuleProblem ?? null;
  const crumbs = [
    { to: '/kerja', label: t('nav.groupWork') },
    { to: '/kerja/kegiatan', label: t('nav.activities') },
  ];
  if (!(id > 0)) {
    return (
      <div className="page">
        <PageHeader title={t('errors.notFoundTitle')} crumbs={crumbs} />
        <EmptyState>{t('work.notFound')}</EmptyState>
      </div>
    );
  }
  if (activity.isPending || !meta) return <Loading />;
  if (activity.error) {
    return (
      <div className="page">
        <PageHeader title={t('nav.activities')} crumbs={crumbs} />
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      </div>
    );
  }
  const a = activity.data;
  const today = meta.today;
  const canWrite = hasPermission(me, 'work.write');
  const store = (next: Activity) => {
    qc.setQueryData(workKeys.activity(id), next);
    void qc.invalidateQueries({ queryKey: ['work-activities'] });
    void qc.invalidateQueries({ queryKey: ['work-dashboard'] });
  };

  return (
    <div className="page">
      <PageHeader
        title={a.name}
        crumbs={crumbs}
        intro={
          <Group gap={6} component="span">
            <Badge style={{ textTransform: 'none' }}>{labels.category(a.category)}</Badge>
            <span>{a.uptName}</span>
            <SourceBadge source={a.source} />
          </Group>
        }
        actions={
          <>
            <Button component={Link} to={`/kerja/kegiatan/${a.id}/absensi?tanggal=${today}&sesi=${a.sessions[0] ?? 'pagi'}`}>
              {t('work.fillToday')}
            </Button>
            {canWrite && a.active && (
              <Button component={Link} to={`/kerja/kegiatan/${a.id}/tempatkan`} variant="default">
                {t('work.allocations.allocate')}
              </Button>
            )}
            {canWrite && (
              <Button
                variant={editing ? 'filled' : 'default'}
                aria-expanded={editing}
                aria-controls="activity-edit-form"
                onClick={() => {
                  setNotice(null);
                  setEditing((x) => !x);
                }}
              >
                {t('work.edit')}
              </Button>
            )}
          </>
        }
      />
      {payRuleProblem && (
        <Alert color="orange" role="alert" mb="md">
          {payRuleProblem}
        </Alert>
      )}
      {notice && (
        <Alert color="green" role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {!a.active && (
        <Alert color="gray" mb="md">
          {t('work.inactive')}
        </Alert>
      )}
      <Stack gap="md">
        {editing && (
          <EditForm
            key={a.version}
            activity={a}
            onReload={() => void activity.refetch()}
            onSaved={(next) => {
              store(next);
              setEditing(false);
              setNotice(t('work.saved'));
            }}
          />
        )}
        <Details a={a} />
      </Stack>
      <PayRulesSection activity={a} today={today} canWrite={canWrite} openInitially={!!payRuleProblem} onSaved={store} />
      <AttendanceOpener activity={a} today={today} />
      <AllocationsSection activity={a} today={today} canWrite={canWrite} />
    </div>
  );
}
