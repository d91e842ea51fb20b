import { Alert, Anchor, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { SECURITY_LEVELS, UPT_CLASSES, UPT_TYPES, UptUpdateInput, type Upt } from '../../../shared/schemas/org.ts';
import { patch } from '../../api/client.ts';
import { keys, useUpt, useUptHistory } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { AuditDiff } from '../../components/AuditDiff.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { useUptLabels } from './UptTable.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { nullIfBlank, numberOrNull, useForm } from '../../forms/form.ts';
import { tDynamic, useT } from '../../i18n/index.ts';

interface EditValues extends Record<string, unknown> {
  name: string;
  type: string;
  class: string;
  securityLevel: string;
  capacity: number | string;
  address: string;
  regencyCode: string;
  active: boolean;
}

const valuesOf = (u: Upt): EditValues => ({
  name: u.name,
  type: u.type,
  class: u.class ?? '',
  securityLevel: u.securityLevel ?? '',
  capacity: u.capacity ?? '',
  address: u.address ?? '',
  regencyCode: u.regencyCode ?? '',
  active: u.active,
});

/** Only what the officer changed is sent, with the version the form was opened at. */
function changesOf(u: Upt, v: EditValues): Record<string, unknown> {
  const next: Record<string, unknown> = {
    name: v.name.trim(),
    type: v.type,
    class: v.class || null,
    securityLevel: v.securityLevel || null,
    capacity: numberOrNull(v.capacity),
    address: nullIfBlank(v.address),
    regencyCode: nullIfBlank(v.regencyCode),
    active: v.active,
  };
  const current: Record<string, unknown> = {
    name: u.name,
    type: u.type,
    class: u.class,
    securityLevel: u.securityLevel,
    capacity: u.capacity,
    address: u.address,
    regencyCode: u.regencyCode,
    active: u.active,
  };
  return Object.fromEntries(Object.entries(next).filter(([k, val]) => val !== current[k]));
}

function UptEditForm({ upt, onSaved, onReload }: { upt: Upt; onSaved: (u: Upt) => void; onReload: () => void }) {
  const { t } = useT();
  const form = useForm<EditValues>(valuesOf(upt));
  const [nothing, setNothing] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const changes = changesOf(upt, form.values);
    setNothing(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    const input = form.validate(UptUpdateInput, { version: upt.version, ...changes });
    if (!input) return;
    const saved = await form.run(() => patch<Upt>(`/org/upts/${upt.id}`, input));
    if (saved) onSaved(saved);
  }

  const opt = (values: readonly string[], prefix: string, empty?: string) => [
    ...(empty ? [{ value: '', label: empty }] : []),
    ...values.map((v) => ({ value: v, label: tDynamic(`${prefix}.${v}`, v) })),
  ];

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('org.editTitle')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('org.editIntro')}
          </Text>
          <FormAlert problem={form.problem} onReload={onReload} />
          {nothing && (
            <Alert color="gray" role="status">
              {t('common.noChanges')}
            </Alert>
          )}
          <TextInput
            label={t('org.fields.name')}
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.errors.name}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t('org.fields.type')}
              value={form.values.type}
              onChange={(e) => form.set('type', e.currentTarget.value)}
              error={form.errors.type}
              data={opt(UPT_TYPES, 'org.types')}
            />
            <NativeSelect
              label={t('org.fields.class')}
              value={form.values.class}
              onChange={(e) => form.set('class', e.currentTarget.value)}
              error={form.errors.class}
              data={opt(UPT_CLASSES, 'org.classes', t('org.noClass'))}
            />
            <NativeSelect
              label={t('org.fields.securityLevel')}
              value={form.values.securityLevel}
              onChange={(e) => form.set('securityLevel', e.currentTarget.value)}
              error={form.errors.securityLevel}
              data={opt(SECURITY_LEVELS, 'org.securityLevels', t('org.noSecurityLevel'))}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={t('org.fields.capacity')}
              description={t('org.fields.capacityHelp')}
              value={form.values.capacity}
              onChange={(v) => form.set('capacity', v)}
              error={form.errors.capacity}
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              hideControls
              inputMode="numeric"
            />
            <TextInput
              label={t('org.fields.regencyCode')}
              description={t('org.fields.regencyHelp')}
              value={form.values.regencyCode}
              onChange={(e) => form.set('regencyCode', e.currentTarget.value)}
              error={form.errors.regencyCode}
              inputMode="decimal"
            />
          </SimpleGrid>
          <TextInput
            label={t('org.fields.address')}
            value={form.values.address}
            onChange={(e) => form.set('address', e.currentTarget.value)}
            error={form.errors.address}
          />
          <Checkbox
            label={t('org.fields.activeLabel')}
            description={t('org.activeHelp')}
            checked={form.values.active}
            onChange={(e) => form.set('active', e.currentTarget.checked)}
            error={form.errors.active}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function History({ uptId }: { uptId: number }) {
  const { t, lang } = useT();
  const history = useUptHistory(uptId);
  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState>{t('org.historyEmpty')}</EmptyState>;
  return (
    <ol className="history" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {history.data.map((e) => (
        <li key={e.id}>
          <Paper withBorder p="sm" mb="xs">
            <Group gap="xs" mb={4} wrap="wrap">
              <Text size="sm" fw={650}>
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
              </Text>
              <Text size="sm">· {e.actorUsername ?? t('audit.system')}</Text>
              <Badge color="gray">{tDynamic(`audit.actions.${e.action}`, e.action)}</Badge>
            </Group>
            <AuditDiff entry={e} />
          </Paper>
        </li>
      ))}
    </ol>
  );
}

export default function UptDetailPage() {
  const { t, lang } = useT();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const qc = useQueryClient();
  const upt = useUpt(id);
  const labels = useUptLabels();
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const canEdit = hasPermission(me, 'org.write') && me?.scope.level === 'national';
  const crumbs = [
    { to: '/organisasi', label: t('nav.groupOrg') },
    { to: '/organisasi/upt', label: t('nav.upt') },
  ];

  if (!(id > 0)) {
    return (
      <div className="page">
        <PageHeader title={t('errors.notFoundTitle')} crumbs={crumbs} />
        <EmptyState>{t('org.notFound')}</EmptyState>
      </div>
    );
  }
  if (upt.isPending) return <Loading />;
  if (upt.error) {
    return (
      <div className="page">
        <PageHeader title={t('nav.upt')} crumbs={crumbs} />
        <ErrorState error={upt.error} onRetry={() => void upt.refetch()} />
      </div>
    );
  }
  const u = upt.data;

  const reload = async () => {
    setSaved(false);
    await qc.refetchQueries({ queryKey: keys.upt(id) });
    await qc.invalidateQueries({ queryKey: keys.uptHistory(id) });
    setFormKey((k) => k + 1);
  };

  return (
    <div className="page">
      <PageHeader
        title={u.name}
        crumbs={[...crumbs, { to: `/organisasi/kanwil/${u.kanwilId}`, label: u.kanwilName }]}
        intro={
          <Group gap={6} component="span">
            <Badge color="pas">{labels.type(u)}</Badge>
            {u.class && <Badge color="gray">{labels.klass(u)}</Badge>}
            {!u.active && <Badge color="red">{t('common.inactive')}</Badge>}
          </Group>
        }
      />
      <Paper withBorder p="md">
        <dl className="details">
          <dt>{t('org.fields.rawName')}</dt>
          <dd>{u.rawName}</dd>
          <dt>{t('org.fields.kanwil')}</dt>
          <dd>
            <Anchor component={Link} to={`/organisasi/kanwil/${u.kanwilId}`}>
              {u.kanwilName}
            </Anchor>
          </dd>
          <dt>{t('org.fields.type')}</dt>
          <dd>{labels.type(u)}</dd>
          <dt>{t('org.fields.class')}</dt>
          <dd>{labels.klass(u)}</dd>
          <dt>{t('org.fields.securityLevel')}</dt>
          <dd data-testid="security-level">
            {labels.security(u)}
            <SourceBadge source={u.securityLevel ? u.securityLevelSource : null} detail />
          </dd>
          <dt>{t('org.fields.capacity')}</dt>
          <dd data-testid="capacity">
            {formatNumber(u.capacity)}
            <SourceBadge source={u.capacity === null ? null : u.capacitySource} detail />
          </dd>
          {u.modifiers.length > 0 && (
            <>
              <dt>{t('org.fields.modifiers')}</dt>
              <dd>{u.modifiers.map(labels.modifier).join(', ')}</dd>
            </>
          )}
          <dt>{t('org.fields.place')}</dt>
          <dd>{u.place ?? t('common.none')}</dd>
          <dt>{t('org.fields.address')}</dt>
          <dd>{u.address ?? t('common.none')}</dd>
          <dt>{t('org.fields.regencyCode')}</dt>
          <dd>{u.regencyCode ?? t('common.none')}</dd>
          <dt>{t('org.fields.active')}</dt>
          <dd>{u.active ? t('common.active') : t('common.inactive')}</dd>
          <dt>{t('org.fields.updatedAt')}</dt>
          <dd>
            {formatDateTime(u.updatedAt, lang)} · {t('org.fields.version')} {u.version}
          </dd>
          <dt>{t('org.fields.source')}</dt>
          <dd className="muted-code">{u.source}</dd>
        </dl>
      </Paper>

      {canEdit ? (
        <Section title={t('org.editTitle')} id="upt-edit">
          {saved && (
            <Alert color="green" role="status" mb="sm">
              {t('common.saved')}
            </Alert>
          )}
          <UptEditForm
            key={`${u.id}:${u.version}:${formKey}`}
            upt={u}
            onSaved={(next) => {
              qc.setQueryData(keys.upt(id), next);
              void qc.invalidateQueries({ queryKey: keys.uptHistory(id) });
              void qc.invalidateQueries({ queryKey: ['upts'] });
              void qc.invalidateQueries({ queryKey: keys.kanwils });
              setSaved(true);
              setFormKey((k) => k + 1);
            }}
            onReload={() => void reload()}
          />
        </Section>
      ) : (
        <Text size="sm" c="dimmed" mt="md">
          {t('org.readOnly')}
        </Text>
      )}

      <Section title={t('org.historyTitle')} id="upt-history">
        <History uptId={u.id} />
      </Section>
    </div>
  );
}
