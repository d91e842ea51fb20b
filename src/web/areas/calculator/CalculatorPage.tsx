import { ActionIcon, Alert, Button, Checkbox, Group, List, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import type { CaseInput, CaseResult } from '../../../domain/sentence/types.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { DETENTION_STAGES, SPECIAL_CRIMES } from '../../../shared/schemas/wbp.ts';
import { ApiError, post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Breakdown, RemissionTable } from '../../components/sentence/Breakdown.tsx';
import { KeyDates, Projection } from '../../components/sentence/KeyDates.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';
import {
  CONDITIONS,
  emptyGrant,
  emptyOrder,
  emptyRegisterF,
  emptySentence,
  emptyValues,
  ENGINE_RELIGIONS,
  fromCaseInput,
  GRANT_KINDS,
  toCaseInput,
  type CalcValues,
} from './caseInput.ts';

type ListKey = 'orders' | 'sentences' | 'registerF' | 'grants';
interface Request {
  case: CaseInput;
  twoThirdsMode?: string;
}

/** A repeatable row (an order, a verdict …) with its number and a remove button. */
function RowCard({ title, onRemove, removeLabel, children }: { title: string; onRemove: () => void; removeLabel: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" mb={4}>
        <Text fw={650} size="sm">
          {title}
        </Text>
        <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={removeLabel} title={removeLabel}>
          <span aria-hidden="true">✕</span>
        </ActionIcon>
      </Group>
      {children}
    </Paper>
  );
}

function Rows({ title, empty, addLabel, onAdd, children }: { title: string; empty: boolean; addLabel: string; onAdd: () => void; children: ReactNode }) {
  const { t } = useT();
  return (
    <fieldset className="plain-fieldset">
      <legend>
        <Title order={3} size="h4">
          {title}
        </Title>
      </legend>
      {empty ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('calculator.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" className="plain-list" mb="xs">
          {children}
        </Stack>
      )}
      <Button variant="default" size="xs" onClick={onAdd}>
        {addLabel}
      </Button>
    </fieldset>
  );
}

export default function CalculatorPage() {
  const { t, lang } = useT();
  const location = useLocation();
  const { data: meta } = useMeta();
  const today = meta?.today ?? new Date().toISOString().slice(0, 10);
  const state = location.state as { case?: CaseInput; fromWbp?: { name: string; register: string } } | null;
  const form = useForm<CalcValues>(state?.case ? fromCaseInput(state.case) : emptyValues(today));
  const v = form.values;
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [result, setResult] = useState<{ result: CaseResult; sent: string } | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const e = (path: string) => form.errors[`case.${path}`];

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const setRow = <K extends ListKey>(key: K, i: number, patch: Partial<CalcValues[K][number]>) =>
    form.set(key, (v[key] as CalcValues[K]).map((r, j) => (j === i ? { ...r, ...patch } : r)) as CalcValues[K]);
  const removeRow = (key: ListKey, i: number) => form.set(key, (v[key] as unknown[]).filter((_, j) => j !== i) as never);

  const request = (): Request => ({ case: toCaseInput(v), ...(v.twoThirdsMode ? { twoThirdsMode: v.twoThirdsMode } : {}) });

  async function calculate(body: Request) {
    const sent = JSON.stringify(body);
    const out = await form.run(() => post<CaseResult>('/calculations', body));
    if (out) setResult({ result: out, sent });
  }

  async function submitForm(ev: FormEvent) {
    ev.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.religion) missing['case.religion'] = fieldMessage('required', lang);
    if (!v.asOf) missing['case.asOf'] = fieldMessage('required', lang);
    if (Object.keys(missing).length) {
      form.setErrors(missing);
      form.setProblem({ kind: 'client' });
      return;
    }
    await calculate(request());
  }

  async function submitJson(ev: FormEvent) {
    ev.preventDefault();
    setJsonError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (err) {
      setJsonError(t('calculator.jsonInvalid', { message: (err as Error).message }));
      return;
    }
    const body = (parsed && typeof parsed === 'object' && 'case' in parsed ? parsed : { case: parsed }) as Request;
    await calculate(body);
  }

  const apiFieldErrors = form.problem?.kind === 'api' && form.problem.error instanceof ApiError ? Object.entries(form.problem.error.fields) : [];
  const stale = result && mode === 'form' && result.sent !== JSON.stringify(request());

  return (
    <div className="page">
      <PageHeader title={t('calculator.title')} intro={t('calculator.intro')} />
      <Alert color="pas" mb="md">
        {t('calculator.notStored')}
        {state?.fromWbp && (
          <Text size="sm" mt={4}>
            {t('calculator.fromWbp', { name: state.fromWbp.name, register: state.fromWbp.register })}
          </Text>
        )}
      </Alert>
      <Group mb="md" gap="sm">
        <Text fw={600} id="calc-mode">
          {t('calculator.mode')}
        </Text>
        <SegmentedControl
          aria-labelledby="calc-mode"
          value={mode}
          onChange={(m) => {
            if (m === 'json' && !json) setJson(JSON.stringify(request(), null, 2));
            setMode(m as 'form' | 'json');
          }}
          data={[
            { value: 'form', label: t('calculator.modes.form') },
            { value: 'json', label: t('calculator.modes.json') },
          ]}
        />
      </Group>

      {mode === 'json' ? (
        <Paper withBorder p="md">
          <form onSubmit={(ev) => void submitJson(ev)} ref={form.formRef} noValidate aria-label={t('calculator.modes.json')}>
            <Stack gap="sm">
              <FormAlert problem={form.problem} />
              {apiFieldErrors.length > 0 && (
                <List size="sm" c="red">
                  {apiFieldErrors.map(([k, m]) => (
                    <List.Item key={k}>
                      <code>{k}</code>: {m}
                    </List.Item>
                  ))}
                </List>
              )}
              <Textarea
                label={t('calculator.jsonLabel')}
                description={t('calculator.jsonHelp')}
                value={json}
                onChange={(ev) => setJson(ev.currentTarget.value)}
                error={jsonError}
                autosize
                minRows={10}
                maxRows={30}
                styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 } }}
              />
              <Group>
                <Button type="submit" loading={form.submitting}>
                  {t('calculator.submit')}
                </Button>
                <Button variant="default" onClick={() => setJson(JSON.stringify(request(), null, 2))}>
                  {t('calculator.toJson')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : (
        <Paper withBorder p="md">
          <form onSubmit={(ev) => void submitForm(ev)} ref={form.formRef} noValidate aria-label={t('calculator.caseTitle')}>
            <Stack gap="lg">
              <FormAlert problem={form.problem} />
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                <DateField label={t('calculator.asOf')} required value={v.asOf} onChange={(x) => form.set('asOf', x)} error={e('asOf')} />
                <NativeSelect
                  label={t('calculator.religion')}
                  required
                  value={v.religion}
                  onChange={(ev) => form.set('religion', ev.currentTarget.value)}
                  error={e('religion')}
                  data={[{ value: '', label: '—' }, ...ENGINE_RELIGIONS.map((r) => ({ value: r, label: t(`wbp.religions.${r}`) }))]}
                />
                <DateField label={t('calculator.birthDate')} value={v.birthDate} onChange={(x) => form.set('birthDate', x)} error={e('birthDate')} />
                <DateField
                  label={t('calculator.detentionStart')}
                  description={t('calculator.detentionStartHelp')}
                  value={v.detentionStart}
                  onChange={(x) => form.set('detentionStart', x)}
                  error={e('detentionStart')}
                />
                <DateField
                  label={t('calculator.projectUntil')}
                  description={t('calculator.projectHelp')}
                  value={v.projectUntil}
                  onChange={(x) => form.set('projectUntil', x)}
                  error={e('projectRemissions.until')}
                />
                <IntField label={t('calculator.subsidiary')} value={v.subsidiaryDays} onChange={(x) => form.set('subsidiaryDays', x)} error={e('fineUnpaidSubsidiaryDays')} />
              </SimpleGrid>
              <NativeSelect
                label={t('calculator.twoThirdsMode')}
                value={v.twoThirdsMode}
                onChange={(ev) => form.set('twoThirdsMode', ev.currentTarget.value)}
                error={form.errors.twoThirdsMode}
                data={[
                  { value: '', label: t('calculator.twoThirdsModes.default') },
                  { value: 'of_sentence_minus_remission', label: t('calculator.twoThirdsModes.of_sentence_minus_remission') },
                ]}
                maw={560}
              />

              <Rows title={t('calculator.ordersTitle')} empty={v.orders.length === 0} addLabel={t('calculator.addOrder')} onAdd={() => form.set('orders', [...v.orders, emptyOrder(v.asOf || today)])}>
                {v.orders.map((o, i) => (
                  <RowCard
                    key={o.key}
                    title={t('calculator.rowTitle', { what: t('calculator.ordersTitle'), n: i + 1 })}
                    onRemove={() => removeRow('orders', i)}
                    removeLabel={t('calculator.remove', { n: i + 1 })}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                      <NativeSelect
                        label={t('wbp.detentionForm.stage')}
                        value={o.stage}
                        onChange={(ev) => setRow('orders', i, { stage: ev.currentTarget.value })}
                        error={e(`detentionOrders.${i}.stage`)}
                        data={DETENTION_STAGES.map((s) => ({ value: s, label: t(`sentence.stages.${s}`) }))}
                      />
                      <DateField label={t('wbp.detentionForm.startDate')} value={o.start} onChange={(x) => setRow('orders', i, { start: x })} error={e(`detentionOrders.${i}.start`)} />
                      <IntField label={t('wbp.detentionForm.days')} value={o.days} onChange={(x) => setRow('orders', i, { days: x })} error={e(`detentionOrders.${i}.days`)} />
                      <NativeSelect
                        label={t('wbp.detentionForm.extensionOf')}
                        value={o.extensionOf}
                        onChange={(ev) => setRow('orders', i, { extensionOf: ev.currentTarget.value })}
                        error={e(`detentionOrders.${i}.extensionOf`)}
                        data={[
                          { value: '', label: t('wbp.detentionForm.notExtension') },
                          ...v.orders.slice(0, i).map((x, j) => ({ value: x.key, label: t('calculator.rowTitle', { what: t('calculator.ordersTitle'), n: j + 1 }) })),
                        ]}
                      />
                    </SimpleGrid>
                    <Checkbox mt="xs" label={t('wbp.detentionForm.art29')} checked={o.art29} onChange={(ev) => setRow('orders', i, { art29: ev.currentTarget.checked })} />
                  </RowCard>
                ))}
              </Rows>

              <Rows
                title={t('calculator.sentencesTitle')}
                empty={v.sentences.length === 0}
                addLabel={t('calculator.addSentence')}
                onAdd={() => form.set('sentences', [...v.sentences, emptySentence(v.asOf || today)])}
              >
                {v.sentences.map((s, i) => (
                  <RowCard
                    key={s.key}
                    title={t('calculator.rowTitle', { what: t('calculator.sentencesTitle'), n: i + 1 })}
                    onRemove={() => removeRow('sentences', i)}
                    removeLabel={t('calculator.remove', { n: i + 1 })}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
                      <DateField label={t('wbp.verdictForm.verdictDate')} value={s.verdictDate} onChange={(x) => setRow('sentences', i, { verdictDate: x })} error={e(`sentences.${i}.verdictDate`)} />
                      <IntField label={t('wbp.verdictForm.years')} value={s.years} onChange={(x) => setRow('sentences', i, { years: x })} error={e(`sentences.${i}.years`)} />
                      <IntField label={t('wbp.verdictForm.months')} value={s.months} onChange={(x) => setRow('sentences', i, { months: x })} error={e(`sentences.${i}.months`)} />
                      <IntField label={t('wbp.verdictForm.days')} value={s.days} onChange={(x) => setRow('sentences', i, { days: x })} error={e(`sentences.${i}.days`)} />
                      <NativeSelect
                        label={t('calculator.sentenceKind')}
                        value={s.kind}
                        onChange={(ev) => setRow('sentences', i, { kind: ev.currentTarget.value as 'pidana' | 'subsidair' })}
                        data={(['pidana', 'subsidair'] as const).map((k) => ({ value: k, label: t(`calculator.sentenceKinds.${k}`) }))}
                      />
                    </SimpleGrid>
                    <Group gap="lg" mt="xs">
                      <Checkbox label={t('wbp.verdictForm.final')} checked={s.final} onChange={(ev) => setRow('sentences', i, { final: ev.currentTarget.checked })} />
                      <Checkbox label={t('wbp.verdictForm.life')} checked={s.life} onChange={(ev) => setRow('sentences', i, { life: ev.currentTarget.checked })} />
                      <Checkbox label={t('wbp.verdictForm.death')} checked={s.death} onChange={(ev) => setRow('sentences', i, { death: ev.currentTarget.checked })} />
                    </Group>
                  </RowCard>
                ))}
              </Rows>

              <Checkbox.Group label={t('calculator.specialTitle')} value={v.special} onChange={(x) => form.set('special', x)}>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6} mt={6}>
                  {SPECIAL_CRIMES.map((c) => (
                    <Checkbox key={c} value={c} label={t(`wbp.specialCrimes.${c}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>

              <Rows
                title={t('calculator.registerFTitle')}
                empty={v.registerF.length === 0}
                addLabel={t('calculator.addRegisterF')}
                onAdd={() => form.set('registerF', [...v.registerF, emptyRegisterF(v.asOf || today)])}
              >
                {v.registerF.map((f, i) => (
                  <RowCard
                    key={f.key}
                    title={t('calculator.rowTitle', { what: t('calculator.registerFTitle'), n: i + 1 })}
                    onRemove={() => removeRow('registerF', i)}
                    removeLabel={t('calculator.remove', { n: i + 1 })}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <DateField label={t('wbp.registerFForm.date')} value={f.date} onChange={(x) => setRow('registerF', i, { date: x })} error={e(`registerF.${i}.date`)} />
                      <DateField label={t('wbp.registerFForm.until')} value={f.until} onChange={(x) => setRow('registerF', i, { until: x })} error={e(`registerF.${i}.until`)} />
                    </SimpleGrid>
                  </RowCard>
                ))}
              </Rows>

              <Rows
                title={t('calculator.remissionsTitle')}
                empty={v.grants.length === 0}
                addLabel={t('calculator.addRemission')}
                onAdd={() => form.set('grants', [...v.grants, emptyGrant(v.asOf || today)])}
              >
                {v.grants.map((g, i) => (
                  <RowCard
                    key={g.key}
                    title={t('calculator.rowTitle', { what: t('calculator.remissionsTitle'), n: i + 1 })}
                    onRemove={() => removeRow('grants', i)}
                    removeLabel={t('calculator.remove', { n: i + 1 })}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                      <NativeSelect
                        label={t('sentence.remissionCols.kind')}
                        value={g.kind}
                        onChange={(ev) => setRow('grants', i, { kind: ev.currentTarget.value })}
                        data={GRANT_KINDS.map((k) => ({ value: k, label: t(`sentence.remissionKinds.${k}`) }))}
                      />
                      <DateField
                        label={t('calculator.occasionDate')}
                        value={g.occasionDate}
                        onChange={(x) => setRow('grants', i, { occasionDate: x })}
                        error={e(`remissionsGranted.${i}.occasionDate`)}
                      />
                      <IntField label={t('calculator.days')} value={g.days} onChange={(x) => setRow('grants', i, { days: x })} error={e(`remissionsGranted.${i}.days`)} />
                      <TextInput label={t('calculator.decree')} value={g.decree} onChange={(ev) => setRow('grants', i, { decree: ev.currentTarget.value })} />
                    </SimpleGrid>
                  </RowCard>
                ))}
              </Rows>

              <Checkbox.Group label={t('calculator.conditionsTitle')} value={v.conditions} onChange={(x) => form.set('conditions', x as CalcValues['conditions'])}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
                  {CONDITIONS.map((c) => (
                    <Checkbox key={c} value={c} label={t(`calculator.conditions.${c}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>

              <Group>
                <Button type="submit" loading={form.submitting}>
                  {t('calculator.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}

      {result && (
        <section aria-labelledby="calc-result" style={{ marginTop: 'var(--mantine-spacing-xl)' }} data-testid="calc-result">
          <Title order={2} size="h3" id="calc-result" mb="sm" tabIndex={-1} ref={resultRef}>
            {t('calculator.resultTitle')}
          </Title>
          {stale && (
            <Alert color="orange" mb="sm" role="status">
              {t('calculator.stale')}
            </Alert>
          )}
          <Stack gap="md">
            <KeyDates result={result.result} />
            <Projection result={result.result} />
          </Stack>
          <Breakdown result={result.result} />
          <RemissionTable remissions={result.result.remissions} />
        </section>
      )}
    </div>
  );
}

