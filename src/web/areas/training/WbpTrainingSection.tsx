import { Anchor, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { buildUrl } from '../../api/client.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useWbpTraining, type WbpTraining } from './api.ts';
import { ParticipantStatus, ResultBadge } from './StatusBadge.tsx';

type Participation = WbpTraining['participations'][number];
type Test = WbpTraining['tests'][number];

/** "Pelatihan & sertifikat" on the inmate page (loaded with its strings only when shown). */
export default function WbpTrainingSection({ wbpId }: { wbpId: number }) {
  const { t, lang } = useT();
  const q = useWbpTraining(wbpId);
  const partCols: Column<Participation>[] = [
    { key: 'programme', header: t('training.wbpSection.programme'), primary: true, render: (x) => <Anchor component={Link} to={`/pelatihan/${x.programmeId}`}>{x.programmeName}</Anchor> },
    { key: 'period', header: t('training.fields.period'), render: (x) => `${formatDate(x.startDate, lang)} – ${formatDate(x.endDate, lang)}` },
    { key: 'hours', header: t('training.fields.lessonHours'), numeric: true, render: (x) => `${formatNumber(x.attendedHours)} / ${formatNumber(x.lessonHours)}` },
    { key: 'status', header: t('training.fields.status'), render: (x) => <ParticipantStatus status={x.status} /> },
  ];
  const testCols: Column<Test>[] = [
    { key: 'scheme', header: t('training.fields.scheme'), primary: true, render: (x) => x.scheme },
    { key: 'lsp', header: t('training.lspName'), render: (x) => x.lspName },
    { key: 'date', header: t('training.testDate'), render: (x) => formatDate(x.testDate, lang) },
    { key: 'result', header: t('training.result'), render: (x) => <ResultBadge result={x.result} /> },
    {
      key: 'number', header: t('training.certificateNumber'),
      render: (x) => x.certificateNumber ? (
        <Group gap={6}>{x.certificateNumber}<Anchor href={buildUrl(`/training/certificates/${x.id}/pdf`)} target="_blank" rel="noreferrer" size="sm">{t('training.certificatePdf')}</Anchor></Group>
      ) : '—',
    },
  ];
  return (
    <Section title={t('training.wbpSection.title')} id="wbp-training">
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.participations.length === 0 && q.data.tests.length === 0 ? (
        <EmptyState>{t('training.wbpSection.none')}</EmptyState>
      ) : (
        <Stack gap="md" data-testid="wbp-training">
          <DataTable caption={t('training.wbpSection.title')} columns={partCols} rows={q.data.participations} rowKey={(x) => x.id} />
          <Group justify="space-between">
            <Title order={3} size="h5">{t('training.wbpSection.certificates')}</Title>
            <Anchor href={buildUrl(`/wbp/${wbpId}/certificates/pdf`)} target="_blank" rel="noreferrer">{t('training.wbpSection.printAll')}</Anchor>
          </Group>
          {q.data.tests.length === 0 ? (
            <EmptyState>{t('training.wbpSection.noCertificates')}</EmptyState>
          ) : (
            <DataTable caption={t('training.wbpSection.certificates')} columns={testCols} rows={q.data.tests} rowKey={(x) => x.id} />
          )}
        </Stack>
      )}
    </Section>
  );
}
