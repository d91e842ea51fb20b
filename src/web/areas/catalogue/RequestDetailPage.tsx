import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { canMove } from '../../../domain/catalogue/catalogue.ts';
import { OrderRequestStatusInput } from '../../../shared/schemas/catalogue.ts';
import { post } from '../../api/client.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { ErrorState, Loading, Section } from '../../components/States.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDateTime, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { catalogueKeys, useRequest, type OrderRequest } from './api.ts';
import { STATUS_COLORS } from './RequestsPage.tsx';
import { ConvertRequest } from '../sales/ConvertRequest.tsx';

type Line = OrderRequest['lines'][number];

function Actions({ request }: { request: OrderRequest }) {
  const { t } = useT();
  const qc = useQueryClient();
  const form = useForm({ reason: '' });
  const [declining, setDeclining] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  async function move(status: 'in_progress' | 'answered' | 'declined') {
    const input = form.validate(OrderRequestStatusInput, { status, reason: status === 'declined' ? form.values.reason : undefined, version: request.version });
    if (!input) return;
    const saved = await form.run(() => post<OrderRequest>(`/catalogue/requests/${request.id}/status`, input));
    if (saved) {
      qc.setQueryData(catalogueKeys.request(request.id), saved);
      void qc.invalidateQueries({ queryKey: ['order-requests'] });
      void qc.invalidateQueries({ queryKey: catalogueKeys.counts });
      setDeclining(false);
      setNotice(t('catalogue.moved', { status: t(`catalogue.statuses.${saved.status}`) }));
    }
  }
  const can = (s: 'in_progress' | 'answered' | 'declined') => canMove(request.status, s);
  return (
    <Section title={t('catalogue.actions')}>
      <form ref={form.formRef} onSubmit={(e) => { e.preventDefault(); void move('declined'); }} noValidate aria-label={t('catalogue.actions')}>
        <Stack gap="sm">
          {notice && <Text role="status" c="green.9">{notice}</Text>}
          <FormAlert problem={form.problem} />
          <Group>
            {can('in_progress') && <Button variant="default" loading={form.submitting} onClick={() => void move('in_progress')}>{request.status === 'new' ? t('catalogue.markInProgress') : t('catalogue.reopen')}</Button>}
            {can('answered') && <Button loading={form.submitting} onClick={() => void move('answered')}>{t('catalogue.markAnswered')}</Button>}
            {can('declined') && !declining && <Button color="red" variant="light" onClick={() => setDeclining(true)}>{t('catalogue.decline')}</Button>}
          </Group>
          {declining && (
            <>
              <Textarea label={t('catalogue.declineReason')} required autosize minRows={2} value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} maw={600} />
              <Group><Button type="submit" color="red" loading={form.submitting}>{t('catalogue.confirmDecline')}</Button></Group>
            </>
          )}
        </Stack>
      </form>
    </Section>
  );
}

export default function RequestDetailPage() {
  const { t, lang } = useT();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const r = useRequest(id);
  if (r.isPending) return <Loading />;
  if (r.error) return <ErrorState error={r.error} onRetry={() => void r.refetch()} />;
  const req = r.data;
  return (
    <div className="page">
      <PageHeader title={t('catalogue.requestTitle', { number: req.number })} crumbs={[{ to: '/permintaan', label: t('catalogue.requestsTitle') }]} />
      <Group mb="md">
        <Badge color={STATUS_COLORS[req.status]} size="lg" style={{ textTransform: 'none' }}>{t(`catalogue.statuses.${req.status}`)}</Badge>
        <Text>{t(`catalogue.kinds.${req.kind}`)} · {req.uptName} · {formatDateTime(req.createdAt, lang)}</Text>
      </Group>
      {req.statusReason && <Text mb="md">{t('catalogue.statusReason')}: {req.statusReason}</Text>}
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Title order={2} size="h5">{t('catalogue.buyer')}</Title>
            <Text>{req.buyerName}</Text>
            {req.institution && <Text>{req.institution}</Text>}
            <Text c="dimmed">{t(`catalogue.buyerKinds.${req.buyerKind}`)}</Text>
          </div>
          <div>
            <Title order={2} size="h5">{t('catalogue.contact')}</Title>
            {req.email && <Text><a href={`mailto:${req.email}`}>{req.email}</a></Text>}
            {req.phone && <Text><a href={`tel:${req.phone.replace(/[^+0-9]/g, '')}`}>{req.phone}</a></Text>}
            <Text>{t('catalogue.region')}: {req.region}</Text>
          </div>
        </SimpleGrid>
        {req.notes && <Text mt="sm">{t('catalogue.notes')}: {req.notes}</Text>}
      </Paper>
      <Section title={t('catalogue.lines')}>
        <DataTable<Line>
          caption={t('catalogue.lines')}
          rows={req.lines}
          rowKey={(l) => l.productId}
          columns={[
            { key: 'product', header: t('catalogue.lineCols.product'), primary: true, render: (l) => l.productName },
            { key: 'qty', header: t('catalogue.lineCols.qty'), numeric: true, render: (l) => `${l.qty} ${l.unit}` },
            { key: 'price', header: t('catalogue.lineCols.price'), numeric: true, render: (l) => formatRupiah(l.unitPriceRupiah) },
            { key: 'total', header: t('catalogue.lineCols.total'), numeric: true, render: (l) => formatRupiah(l.lineTotalRupiah) },
          ]}
        />
        <Text fw={700} mt="xs">{t('catalogue.total')}: {formatRupiah(req.totalRupiah)}</Text>
      </Section>
      {hasPermission(me, 'sales.write') && req.status !== 'converted' && <Actions request={req} />}
      {hasPermission(me, 'sales.write') && req.status !== 'converted' && req.status !== 'declined' && <ConvertRequest requestId={req.id} uptId={req.uptId} version={req.version} />}
    </div>
  );
}
