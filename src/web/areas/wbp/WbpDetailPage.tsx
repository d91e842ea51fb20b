import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { PageHeader } from '../../components/Page.tsx';
import { Breakdown, RemissionTable } from '../../components/sentence/Breakdown.tsx';
import { KeyDates, OverstayBanner, Projection } from '../../components/sentence/KeyDates.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate } from '../../format.ts';
import { loadTrainingStrings, tDynamic, useT } from '../../i18n/index.ts';
import { caseFromWbp } from '../calculator/caseInput.ts';
import { WbpActions, type WbpAction } from './actions/WbpActions.tsx';
import { useWbp, wbpKeys, type Wbp } from './api.ts';
import { Timeline } from './Timeline.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { WorkSection } from './WorkSection.tsx';

/** "Pelatihan & sertifikat": its code and strings load only for users who may see it. */
const WbpTrainingSection = lazy(() => Promise.all([import('../training/WbpTrainingSection.tsx'), loadTrainingStrings()]).then(([m]) => m));

function Header({ w }: { w: Wbp }) {
  const { t, lang } = useT();
  const religion = w.religion ? tDynamic(`wbp.religions.${w.religion}`, w.religion) : t('common.none');
  return (
    <Paper withBorder p="md" data-testid="wbp-header">
      <dl className="details">
        <dt>{t('wbp.fields.noRegister')}</dt>
        <dd>
          <Text span fw={650}>
            {w.noRegister}
          </Text>
        </dd>
        <dt>{t('wbp.fields.upt')}</dt>
        <dd>{w.uptName}</dd>
        <dt>{t('wbp.fields.status')}</dt>
        <dd>
          <StatusBadge status={w.status} />
        </dd>
        <dt>{t('wbp.fields.religion')}</dt>
        <dd>
          {religion}
          {w.religionRaw && w.religionRaw.toLowerCase() !== w.religion && (
            <Text span size="sm" c="dimmed">
              {' '}
              ({t('wbp.fields.religionRaw')}: {w.religionRaw})
            </Text>
          )}
        </dd>
        <dt>{t('wbp.fields.sex')}</dt>
        <dd>{w.sex ? t(`wbp.sexes.${w.sex}`) : t('common.none')}</dd>
        <dt>{t('wbp.fields.birthDate')}</dt>
        <dd>{formatDate(w.birthDate, lang)}</dd>
        <dt>{t('wbp.fields.crimeCategory')}</dt>
        <dd>
          {w.crimeCategory ? tDynamic(`wbp.crimes.${w.crimeCategory}`, w.crimeCategory) : t('common.none')}
          {w.crimeRaw && w.crimeRaw !== w.crimeCategory && (
            <Text span size="sm" c="dimmed">
              {' '}
              — {w.crimeRaw}
            </Text>
          )}
        </dd>
        {w.specialCrimes.length > 0 && (
          <>
            <dt>{t('wbp.fields.specialCrimes')}</dt>
            <dd>{w.specialCrimes.map((c) => tDynamic(`wbp.specialCrimes.${c}`, c)).join(', ')}</dd>
          </>
        )}
        <dt>{t('wbp.fields.detentionStart')}</dt>
        <dd>{formatDate(w.detentionStart, lang)}</dd>
        <dt>{t('wbp.fields.admittedOn')}</dt>
        <dd>{formatDate(w.admittedOn, lang)}</dd>
        <dt>{t('wbp.fields.verdictDocument')}</dt>
        <dd>
          {w.verdictDocument ? (
            t('common.yes')
          ) : (
            <Badge color="orange" style={{ textTransform: 'none' }}>
              {t('overstay.missingDoc')}
            </Badge>
          )}
        </dd>
        <dt>{t('wbp.fields.source')}</dt>
        <dd>
          {w.source === 'generated' ? <SourceBadge source="generated" /> : tDynamic(`wbp.sources.${w.source}`, w.source)}
          <Text span size="xs" c="dimmed" ml={8}>
            {t('wbp.fields.version')} {w.version}
          </Text>
        </dd>
      </dl>
    </Paper>
  );
}

export default function WbpDetailPage() {
  const { t, lang } = useT();
  const id = Number(useParams().id);
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const wbp = useWbp(id);
  const initialOpen = (location.state as { open?: WbpAction } | null)?.open ?? null;
  const [open, setOpen] = useState<WbpAction | null>(initialOpen);
  const [notice, setNotice] = useState<string | null>(null);
  const crumbs = [{ to: '/wbp', label: t('nav.wbp') }];

  if (!(id > 0)) {
    return (
      <div className="page">
        <PageHeader title={t('errors.notFoundTitle')} crumbs={crumbs} />
        <EmptyState>{t('wbp.notFound')}</EmptyState>
      </div>
    );
  }
  if (wbp.isPending) return <Loading />;
  if (wbp.error) {
    return (
      <div className="page">
        <PageHeader title={t('nav.wbp')} crumbs={crumbs} />
        <ErrorState error={wbp.error} onRetry={() => void wbp.refetch()} />
      </div>
    );
  }
  const w = wbp.data;
  const calc = w.calculation;
  const today = meta?.today ?? new Date().toISOString().slice(0, 10);
  const canWrite = hasPermission(me, 'wbp.write');

  const saved = (next: Wbp, text: string) => {
    qc.setQueryData(wbpKeys.one(id), next);
    void qc.invalidateQueries({ queryKey: ['wbp-list'] });
    void qc.invalidateQueries({ queryKey: ['overstay'] });
    setNotice(text);
    setOpen(null);
  };

  return (
    <div className="page">
      <PageHeader
        title={w.name}
        crumbs={crumbs}
        intro={
          <Group gap={6} component="span">
            <StatusBadge status={w.status} />
            <span>{w.noRegister}</span>
            <span>· {w.uptName}</span>
          </Group>
        }
        actions={
          hasPermission(me, 'calculation.run') ? (
            <Button variant="default" onClick={() => navigate('/kalkulator', { state: { fromWbp: { name: w.name, register: w.noRegister }, case: caseFromWbp(w, today) } })}>
              {t('wbp.toCalculator')}
            </Button>
          ) : undefined
        }
      />
      {w.releasedOn && (
        <Alert color="gray" mb="md" role="status">
          {t('wbp.released', { date: formatDate(w.releasedOn, lang), reason: tDynamic(`wbp.releaseReasons.${w.releaseReason}`, w.releaseReason ?? '') })}
        </Alert>
      )}
      {calc && !w.releasedOn && <OverstayBanner result={calc} />}
      {w.calculationProblems.length > 0 && (
        <Alert color="orange" mb="md" title={t('wbp.problemsTitle')}>
          <List size="sm">
            {w.calculationProblems.map((p) => (
              <List.Item key={p}>{tDynamic(`wbp.problems.${p}`, p)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Header w={w} />
        {calc ? (
          <KeyDates result={calc} banner={false} />
        ) : (
          <Paper withBorder p="md">
            <Text>{t('wbp.noCalculation')}</Text>
          </Paper>
        )}
      </SimpleGrid>
      {calc?.projection && (
        <Stack mt="md">
          <Projection result={calc} />
        </Stack>
      )}

      {canWrite && (
        <Section title={t('wbp.actionsTitle')} id="wbp-actions">
          <Text size="sm" c="dimmed" mb="sm">
            {w.releasedOn ? t('wbp.releasedNoActions') : t('wbp.actionsIntro')}
          </Text>
          {notice && (
            <Alert color="green" role="status" mb="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          <WbpActions
            wbp={w}
            today={today}
            open={open}
            onOpen={(a) => {
              setNotice(null);
              setOpen(a);
            }}
            onSaved={saved}
            onReload={() => void wbp.refetch()}
            onTransferred={() => {
              qc.removeQueries({ queryKey: wbpKeys.one(id) });
              void qc.invalidateQueries({ queryKey: ['wbp-list'] });
              void qc.invalidateQueries({ queryKey: ['overstay'] });
              navigate('/wbp', { state: { notice: t('wbp.transferForm.done', { name: w.name }) } });
            }}
          />
        </Section>
      )}

      <Section title={t('wbp.timelineTitle')} id="wbp-timeline">
        <Timeline wbp={w} />
      </Section>

      {hasPermission(me, 'work.read') && <WorkSection wbpId={w.id} />}
      {hasPermission(me, 'training.read') && (
        <Suspense fallback={<Loading />}>
          <WbpTrainingSection wbpId={w.id} />
        </Suspense>
      )}

      {calc && (
        <>
          <Breakdown result={calc} />
          <RemissionTable remissions={calc.remissions} />
        </>
      )}
    </div>
  );
}
