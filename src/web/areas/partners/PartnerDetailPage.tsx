import { Alert, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title, Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { AGREEMENT_KINDS, AgreementInput, CONTRIBUTION_KINDS, ContributionInput, type PartnerDetail } from '../../../shared/schemas/partners.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../forms/form.ts';
import { formatDate, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { FileSection } from '../training/FileUpload.tsx';
import { AgreementBadge } from './AgreementBadge.tsx';
import { partnerKeys, usePartner } from './api.ts';

type Contribution = PartnerDetail['contributions'][number];

export default function PartnerDetailPage() {
  const { t, lang } = useT();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const q = usePartner(id);
  const [notice, setNotice] = useState<string | null>(null);
  const crumbs = [{ to: '/mitra', label: t('partners.title') }];
  if (q.isPending || !meta) return <Loading />;
  if (q.error) {
    return (
      <div className="page">
        <PageHeader title={t('partners.title')} crumbs={crumbs} />
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </div>
    );
  }
  const p = q.data;
  const canWrite = hasPermission(me, 'partner.write');
  const store = (next: PartnerDetail, message: string) => {
    qc.setQueryData(partnerKeys.partner(id), next);
    void qc.invalidateQueries({ queryKey: ['partners'] });
    void qc.invalidateQueries({ queryKey: partnerKeys.expiring });
    setNotice(message);
  };
  const contribCols: Column<Contribution>[] = [
    { key: 'date', header: t('partners.contribution.date'), primary: true, render: (c) => formatDate(c.date, lang) },
    { key: 'kind', header: t('partners.contribution.kind'), render: (c) => t(`partners.contributionKinds.${c.kind}`) },
    { key: 'desc', header: t('partners.contribution.description'), render: (c) => c.description },
    { key: 'for', header: t('partners.contribution.linked'), render: (c) => [c.programmeName, c.activityName, c.wbpName].filter(Boolean).join(' · ') || '—' },
    { key: 'value', header: t('partners.contribution.valueRupiah'), numeric: true, render: (c) => (c.valueRupiah === null ? '—' : formatRupiah(c.valueRupiah)) },
  ];

  return (
    <div className="page">
      <PageHeader
        title={p.name}
        crumbs={crumbs}
        intro={
          <Group gap={6} component="span">
            <span>{t(`partners.kinds.${p.kind}`)}{p.pokmasGroupName ? ` · ${p.pokmasGroupName}` : ''} · {p.uptName ?? p.kanwilName ?? t('partners.scopeNational')}</span>
            <SourceBadge source={p.source} />
          </Group>
        }
      />
      {notice && (
        <Alert color="green" role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Paper withBorder p="md" mb="md">
        <Text size="sm">{[p.contactName, p.contactPhone, p.contactEmail, p.address].filter(Boolean).join(' · ') || '—'}</Text>
      </Paper>
      <Stack gap="lg">
        <Section title={t('partners.agreementsTitle')} id="agreements">
          {p.agreementList.length === 0 ? (
            <EmptyState>{t('partners.noAgreements')}</EmptyState>
          ) : (
            <Stack gap="md">
              {p.agreementList.map((a) => (
                <Paper key={a.id} withBorder p="md" data-testid={`agreement-${a.number}`}>
                  <Group justify="space-between" mb={4}>
                    <Title order={3} size="h5">{t(`partners.agreementKinds.${a.kind}`)} {a.number}</Title>
                    <AgreementBadge a={a} />
                  </Group>
                  <Text size="sm">{a.parties}</Text>
                  <Text size="sm">{a.scope}</Text>
                  <Text size="sm" c="dimmed" mb="sm">{t('partners.agreement.period')}: {formatDate(a.startDate, lang)} – {formatDate(a.endDate, lang)}</Text>
                  <FileSection
                    files={a.files}
                    uploadPath={`/partners/agreements/${a.id}/files`}
                    downloadPath={(f) => `/partners/files/${f}`}
                    canWrite={canWrite}
                    label={t('partners.uploadFor', { number: a.number })}
                    onUploaded={() => void q.refetch()}
                  />
                </Paper>
              ))}
            </Stack>
          )}
          {canWrite && <AgreementForm partnerId={id} onSaved={(next) => store(next, t('partners.agreementSaved'))} />}
        </Section>
        <Section title={t('partners.contributionsTitle')} id="contributions">
          {p.contributions.length === 0 ? (
            <EmptyState>{t('partners.noContributions')}</EmptyState>
          ) : (
            <DataTable caption={t('partners.contributionsTitle')} columns={contribCols} rows={p.contributions} rowKey={(c) => c.id} />
          )}
          {canWrite && <ContributionForm partnerId={id} today={meta.today} onSaved={(next) => store(next, t('partners.contributionSaved'))} />}
        </Section>
      </Stack>
    </div>
  );
}

function AgreementForm({ partnerId, onSaved }: { partnerId: number; onSaved: (p: PartnerDetail) => void }) {
  const { t } = useT();
  const empty = { kind: 'pks', number: '', parties: '', scope: '', startDate: '', endDate: '', alertDays: '' as number | string };
  const form = useForm(empty);
  const v = form.values;
  const e = form.errors;
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const input = form.validate(AgreementInput, { ...v, alertDays: numberOrNull(v.alertDays) });
    if (!input) return;
    const next = await form.run(() => post<PartnerDetail>(`/partners/${partnerId}/agreements`, input));
    if (!next) return;
    form.reset(empty);
    onSaved(next);
  }
  return (
    <Paper withBorder p="md" mt="md">
      <form onSubmit={(ev) => void submit(ev)} ref={form.formRef} noValidate aria-label={t('partners.addAgreement')}>
        <Stack gap="sm">
          <Title order={3} size="h5">{t('partners.addAgreement')}</Title>
          <FormAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('partners.agreement.kind')} value={v.kind} onChange={(x) => form.set('kind', x.currentTarget.value)} data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`partners.agreementKinds.${k}`) }))} />
            <TextInput label={t('partners.agreement.number')} value={v.number} onChange={(x) => form.set('number', x.currentTarget.value)} error={e.number} required />
            <TextInput label={t('partners.agreement.parties')} value={v.parties} onChange={(x) => form.set('parties', x.currentTarget.value)} error={e.parties} required />
            <TextInput label={t('partners.agreement.scope')} value={v.scope} onChange={(x) => form.set('scope', x.currentTarget.value)} error={e.scope} required />
            <DateField label={t('partners.agreement.startDate')} value={v.startDate} onChange={(x) => form.set('startDate', x)} error={e.startDate} required />
            <DateField label={t('partners.agreement.endDate')} value={v.endDate} onChange={(x) => form.set('endDate', x)} error={e.endDate} required />
            <IntField label={t('partners.agreement.alertDays')} description={t('partners.agreement.alertDaysHelp', { days: 90 })} value={v.alertDays} onChange={(x) => form.set('alertDays', x)} error={e.alertDays} />
          </SimpleGrid>
          <Group><Button type="submit" loading={form.submitting}>{t('partners.addAgreement')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ContributionForm({ partnerId, today, onSaved }: { partnerId: number; today: string; onSaved: (p: PartnerDetail) => void }) {
  const { t } = useT();
  const empty = { kind: 'equipment', date: today, description: '', valueRupiah: '' as number | string, noRegister: '' };
  const form = useForm(empty);
  const v = form.values;
  const e = form.errors;
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const input = form.validate(ContributionInput, { kind: v.kind, date: v.date, description: v.description, valueRupiah: numberOrNull(v.valueRupiah), noRegister: nullIfBlank(v.noRegister) });
    if (!input) return;
    const next = await form.run(() => post<PartnerDetail>(`/partners/${partnerId}/contributions`, input));
    if (!next) return;
    form.reset(empty);
    onSaved(next);
  }
  return (
    <Paper withBorder p="md" mt="md">
      <form onSubmit={(ev) => void submit(ev)} ref={form.formRef} noValidate aria-label={t('partners.addContribution')}>
        <Stack gap="sm">
          <Title order={3} size="h5">{t('partners.addContribution')}</Title>
          <FormAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('partners.contribution.kind')} value={v.kind} onChange={(x) => form.set('kind', x.currentTarget.value)} data={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`partners.contributionKinds.${k}`) }))} />
            <DateField label={t('partners.contribution.date')} value={v.date} onChange={(x) => form.set('date', x)} error={e.date} required />
            <IntField label={t('partners.contribution.valueRupiah')} prefix="Rp " value={v.valueRupiah} onChange={(x) => form.set('valueRupiah', x)} error={e.valueRupiah} />
            <TextInput label={t('partners.contribution.noRegister')} value={v.noRegister} onChange={(x) => form.set('noRegister', x.currentTarget.value)} error={e.noRegister} />
          </SimpleGrid>
          <Textarea label={t('partners.contribution.description')} value={v.description} onChange={(x) => form.set('description', x.currentTarget.value)} error={e.description} required autosize minRows={2} />
          <Group><Button type="submit" loading={form.submitting}>{t('partners.addContribution')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
