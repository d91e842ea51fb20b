import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { AgreementBadge } from './AgreementBadge.tsx';
import { useExpiring, type Agreement } from './api.ts';

/** Agreements nearing their end (renewal alerts) in the caller's scope. */
export default function AgreementsPage() {
  const { t, lang } = useT();
  const q = useExpiring();
  const columns: Column<Agreement>[] = [
    { key: 'number', header: t('partners.agreement.number'), primary: true, render: (a) => `${t(`partners.agreementKinds.${a.kind}`)} ${a.number}` },
    { key: 'partner', header: t('partners.partner'), render: (a) => <Anchor component={Link} to={`/mitra/${a.partnerId}`}>{a.partnerName}</Anchor> },
    { key: 'scope', header: t('partners.agreement.scope'), render: (a) => a.scope },
    { key: 'end', header: t('partners.agreement.endDate'), render: (a) => formatDate(a.endDate, lang) },
    {
      key: 'left', header: t('partners.agreement.daysLeft'),
      render: (a) => (
        <>
          <AgreementBadge a={a} />
          {a.alertRaisedOn && <Text size="xs" mt={2}>{t('partners.alertRecorded', { date: formatDate(a.alertRaisedOn, lang) })}</Text>}
        </>
      ),
    },
  ];
  return (
    <div className="page">
      <PageHeader
        title={t('partners.expiringTitle')}
        intro={t('partners.expiringIntro', { days: q.data?.defaultAlertDays ?? 90 })}
        crumbs={[{ to: '/mitra', label: t('partners.title') }]}
      />
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('partners.noExpiring')}</EmptyState>
      ) : (
        <DataTable caption={t('partners.expiringTitle')} columns={columns} rows={q.data.items} rowKey={(a) => a.id} />
      )}
    </div>
  );
}
