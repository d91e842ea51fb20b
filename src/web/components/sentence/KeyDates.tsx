import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseResult, LeaveResult, RightResult, TermDates } from '../../../domain/sentence/types.ts';
import { formatNumber } from '../../format.ts';
import { DaysLeftBadge } from './DaysLeftBadge.tsx';
import { useSentenceText } from './text.ts';

/** The red banner of an inmate held without a legal basis: the first thing an officer must see. */
export function OverstayBanner({ result }: { result: CaseResult }) {
  const s = useSentenceText();
  const d = result.detention;
  if (!d.overstay) return null;
  return (
    <Alert color="red" variant="filled" role="alert" title={s.t('sentence.overstayTitle')} mb="md" data-testid="overstay-banner">
      <Stack gap={4}>
        <Text size="sm">{d.overstayKind === 'sentence_expired' ? s.t('sentence.overstaySentence') : s.t('sentence.overstayDetention')}</Text>
        <Text size="sm" fw={650}>
          {s.bi(d.nextStep)}
        </Text>
      </Stack>
    </Alert>
  );
}

function Reasons({ reasons }: { reasons: RightResult['reasons'] }) {
  const s = useSentenceText();
  if (reasons.length === 0) return null;
  return (
    <List size="sm" mt={4} spacing={2}>
      {reasons.map((r, i) => (
        <List.Item key={i}>{s.bi(r)}</List.Item>
      ))}
    </List>
  );
}

/** A right (asimilasi, PB, CB, CMB): its date, whether the case qualifies, and why not. */
function Right({ right }: { right: RightResult | LeaveResult }) {
  const s = useSentenceText();
  const length = 'lengthDays' in right && right.lengthDays ? right.lengthDays : null;
  return (
    <>
      <Group gap={8} wrap="wrap">
        <Text span fw={600}>
          {s.date(right.date)}
        </Text>
        {length !== null && (
          <Text span size="sm">
            ({s.t('sentence.leaveLength', { n: formatNumber(length) })})
          </Text>
        )}
        <Badge color={right.eligible ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
          {right.eligible ? s.t('sentence.eligible') : s.t('sentence.notEligible')}
        </Badge>
      </Group>
      <Reasons reasons={right.reasons} />
    </>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** Expiry, ⅔ / PB, ½ / asimilasi, CB, CMB and the end of PB supervision, for granted or projected remission. */
export function TermDatesList({ dates, extra }: { dates: TermDates; extra?: ReactNode }) {
  const s = useSentenceText();
  return (
    <dl className="details">
      <Row label={s.t('sentence.expiry')} testId="expiry">
        <Text span fw={700} size="lg">
          {s.date(dates.expiry)}
        </Text>
      </Row>
      {extra}
      <Row label={s.t('sentence.totalRemission')}>{s.days(dates.totalRemissionDays)}</Row>
      <Row label={s.t('sentence.twoThirds')} testId="two-thirds">
        {s.date(dates.twoThirds)}
      </Row>
      <Row label={s.t('sentence.pb')}>
        <Right right={dates.pb} />
      </Row>
      <Row label={s.t('sentence.half')}>{s.date(dates.half)}</Row>
      <Row label={s.t('sentence.asimilasi')}>
        <Right right={dates.asimilasi} />
      </Row>
      <Row label={s.t('sentence.cb')}>
        <Right right={dates.cb} />
      </Row>
      <Row label={s.t('sentence.cmb')}>
        <Right right={dates.cmb} />
      </Row>
      <Row label={s.t('sentence.pbSupervisionEnd')}>{s.date(dates.pbSupervisionEnd)}</Row>
    </dl>
  );
}

/** The detainee's side: the order in force, its end, days left and the next legal step. */
function Detention({ result }: { result: CaseResult }) {
  const s = useSentenceText();
  const d = result.detention;
  const o = d.currentOrder;
  return (
    <dl className="details" data-testid="detention">
      {o && (
        <Row label={s.t('sentence.currentOrder')}>
          {s.t('sentence.orderText', {
            stage: s.stage(o.stage),
            kind: s.t(`sentence.orderKinds.${o.kind}`),
            from: s.date(o.start),
            to: s.date(o.end),
            days: formatNumber(o.days),
          })}
        </Row>
      )}
      <Row label={s.t('sentence.orderEnd')}>
        <Text span fw={700} size="lg">
          {s.date(d.endDate)}
        </Text>
      </Row>
      {d.daysLeft !== null && (
        <Row label={s.t('sentence.daysLeftLabel')} testId="days-left">
          <DaysLeftBadge daysLeft={d.daysLeft} />
        </Row>
      )}
      <Row label={s.t('sentence.nextStep')} testId="next-step">
        <Text span fw={600}>
          {s.bi(d.nextStep)}
        </Text>
      </Row>
    </dl>
  );
}

/**
 * The key dates of a case (inmate page and calculator alike): detention for a detainee, the
 * sentence dates for a sentenced inmate, eligibility with reasons in the user's language.
 */
export function KeyDates({ result, banner = true }: { result: CaseResult; banner?: boolean }) {
  const s = useSentenceText();
  const hasTerm = result.sentenceDays !== null && result.start !== null;
  return (
    <Paper withBorder p="md" data-testid="key-dates">
      <Title order={2} size="h3" mb="sm">
        {s.t('sentence.keyDates')}
      </Title>
      {banner && <OverstayBanner result={result} />}
      <Stack gap="md">
        {result.status === 'tahanan' && <Detention result={result} />}
        {hasTerm ? (
          <TermDatesList
            dates={result}
            extra={
              <>
                <Row label={s.t('sentence.expiryNoRemission')}>{s.date(result.expiryNoRemission)}</Row>
                <Row label={s.t('sentence.start')}>{s.date(result.start)}</Row>
                <Row label={s.t('sentence.sentenceDays')}>{s.days(result.sentenceDays ?? 0)}</Row>
              </>
            }
          />
        ) : (
          result.status === 'tahanan' && (
            <Text size="sm" c="dimmed">
              {s.t('sentence.noSentence')}
            </Text>
          )
        )}
        {result.status === 'narapidana' && (
          <dl className="details">
            <Row label={s.t('sentence.nextStep')} testId="next-step">
              <Text span fw={600}>
                {s.bi(result.detention.nextStep)}
              </Text>
            </Row>
          </dl>
        )}
        {(result.warnings.length > 0 || result.detention.warnings.length > 0) && (
          <Alert color="orange" title={s.t('sentence.warnings')}>
            <List size="sm" spacing={2}>
              {[...result.detention.warnings, ...result.warnings].map((w, i) => (
                <List.Item key={i}>{s.bi(w)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {s.t('sentence.ruleSet')}: {result.ruleSet} · {s.t('sentence.regime')}: {result.detention.regime}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Projected dates, clearly apart from the official ones. */
export function Projection({ result }: { result: CaseResult }) {
  const s = useSentenceText();
  const p = result.projection;
  if (!p || result.sentenceDays === null || result.start === null) return null;
  return (
    <Paper withBorder p="md" data-testid="projection" style={{ borderStyle: 'dashed' }}>
      <Title order={2} size="h3" mb={4}>
        {s.t('sentence.projectionTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {s.t('sentence.projectionIntro', { until: s.date(p.until) })}
      </Text>
      <TermDatesList dates={p} />
    </Paper>
  );
}
