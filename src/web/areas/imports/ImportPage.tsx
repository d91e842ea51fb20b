import { Alert, Anchor, Badge, Button, Checkbox, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { ImportBatch, ImportPreview } from '../../../shared/schemas/imports.ts';
import { ApiError, buildUrl, post, upload } from '../../api/client.ts';
import { useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { Tiles } from '../../components/Tiles.tsx';
import { UptPicker, type UptChoice } from '../../components/UptPicker.tsx';
import type { FormProblem } from '../../forms/form.ts';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { tDynamic, useT } from '../../i18n/index.ts';
import { importKeys, MAX_BYTES, TARGET_FIELDS, useImportHistory, type ImportHistoryRow } from './api.ts';

type Mapping = Record<string, number | null>;
type Rejected = ImportPreview['rejected'][number];
type Sample = Record<string, unknown> & { line?: number; outcome?: string };

const apiProblem = (err: unknown): FormProblem => ({ kind: 'api', error: err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '') });

function StepList({ step }: { step: 1 | 2 | 3 }) {
  const { t } = useT();
  const names = [t('imports.steps.upload'), t('imports.steps.mapping'), t('imports.steps.preview')];
  return (
    <ol className="steps" aria-label={t('imports.title')}>
      {names.map((n, i) => (
        <li key={n} aria-current={step === i + 1 ? 'step' : undefined} className={step === i + 1 ? 'current' : step > i + 1 ? 'done' : undefined}>
          {n}
        </li>
      ))}
    </ol>
  );
}

/** Step 2: which column holds which field; the officer corrects the suggestion and checks again. */
function MappingEditor({ preview, mapping, onChange }: { preview: ImportPreview; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const { t } = useT();
  const options = [{ value: '', label: t('imports.notInFile') }, ...preview.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      {TARGET_FIELDS.map((f) => (
        <NativeSelect
          key={f}
          label={t(`imports.targets.${f}`)}
          required={f === 'noRegister' || f === 'name'}
          value={mapping[f] === null || mapping[f] === undefined ? '' : String(mapping[f])}
          onChange={(e) => onChange({ ...mapping, [f]: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
          data={options}
        />
      ))}
    </SimpleGrid>
  );
}

function RejectedTable({ rows, caption }: { rows: Rejected[]; caption?: string }) {
  const { t } = useT();
  const columns: Column<Rejected>[] = [
    { key: 'line', header: t('imports.line'), numeric: true, render: (r) => r.line },
    { key: 'noRegister', header: t('wbp.fields.noRegister'), primary: true, render: (r) => r.noRegister ?? t('common.none') },
    {
      key: 'problems',
      header: t('imports.problems'),
      render: (r) => (
        <List size="sm" spacing={0}>
          {r.errors.map((e, i) => (
            <List.Item key={i}>
              {TARGET_FIELDS.includes(e.field as (typeof TARGET_FIELDS)[number]) ? t(`imports.targets.${e.field as (typeof TARGET_FIELDS)[number]}`) : e.field}: {e.message}
            </List.Item>
          ))}
        </List>
      ),
    },
  ];
  return <DataTable caption={caption ?? t('imports.rejectedTitle', { n: rows.length })} columns={columns} rows={rows} rowKey={(r) => r.line} />;
}

/** Warnings shown like rejected rows: one line per row, its problems listed. */
function warningRows(warnings: ImportPreview['warnings']): Rejected[] {
  const byLine = new Map<number, Rejected>();
  for (const w of warnings) {
    const r = byLine.get(w.line) ?? byLine.set(w.line, { line: w.line, noRegister: w.noRegister, errors: [] }).get(w.line)!;
    r.errors.push({ field: w.field, message: w.message });
  }
  return [...byLine.values()];
}

function SampleTable({ rows }: { rows: Sample[] }) {
  const { t, lang } = useT();
  const columns: Column<Sample>[] = [
    { key: 'line', header: t('imports.line'), numeric: true, render: (r) => String(r.line ?? '') },
    { key: 'outcome', header: t('imports.outcome'), render: (r) => <Badge color={r.outcome === 'new' ? 'green' : r.outcome === 'changed' ? 'orange' : 'gray'} style={{ textTransform: 'none' }}>{t(`imports.outcomes.${(r.outcome ?? 'new') as 'new'}`)}</Badge> },
    { key: 'noRegister', header: t('wbp.fields.noRegister'), render: (r) => String(r.noRegister ?? '') },
    { key: 'name', header: t('wbp.fields.name'), primary: true, render: (r) => String(r.name ?? '') },
    { key: 'status', header: t('wbp.fields.status'), render: (r) => (r.status ? tDynamic(`wbp.statuses.${String(r.status)}`, String(r.status)) : t('common.none')) },
    { key: 'expiry', header: t('imports.targets.expiryDate'), render: (r) => formatDate(typeof r.expiryDate === 'string' ? r.expiryDate : null, lang) },
  ];
  return <DataTable caption={t('imports.sampleTitle')} columns={columns} rows={rows} rowKey={(r) => String(r.line)} />;
}

function Result({ batch, onAnother }: { batch: ImportBatch; onAnother: () => void }) {
  const { t, lang } = useT();
  type M = ImportBatch['expiryMismatches'][number];
  const columns: Column<M>[] = [
    { key: 'line', header: t('imports.line'), numeric: true, render: (m) => m.line },
    { key: 'noRegister', header: t('wbp.fields.noRegister'), primary: true, render: (m) => m.noRegister },
    { key: 'sdp', header: t('imports.mismatchCols.sdp'), render: (m) => formatDate(m.sdp, lang) },
    { key: 'giatja', header: t('imports.mismatchCols.giatja'), render: (m) => formatDate(m.giatja, lang) },
  ];
  return (
    <Stack gap="md" data-testid="import-result">
      <Alert color="green" role="status" title={t('imports.resultTitle')}>
        {batch.fileName}
      </Alert>
      <Tiles
        tiles={[
          { label: t('imports.result.created'), value: batch.rowsCreated, color: 'green' },
          { label: t('imports.result.updated'), value: batch.rowsUpdated, color: 'orange' },
          { label: t('imports.result.unchanged'), value: batch.rowsUnchanged, color: 'pas' },
          { label: t('imports.result.rejected'), value: batch.rowsRejected, color: 'red' },
        ]}
      />
      {batch.expiryMismatches.length > 0 && (
        <section aria-labelledby="mismatch-title">
          <Title order={3} size="h4" id="mismatch-title" mb={4}>
            {t('imports.mismatchTitle')} ({formatNumber(batch.expiryMismatches.length)})
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('imports.mismatchIntro')}
          </Text>
          <DataTable caption={t('imports.mismatchTitle')} columns={columns} rows={batch.expiryMismatches} rowKey={(m) => m.line} />
        </section>
      )}
      <Group>
        <Button component="a" href={buildUrl(`/imports/${batch.id}/report`)} download variant="default">
          {t('imports.report')}
        </Button>
        <Button onClick={onAnother}>{t('imports.another')}</Button>
      </Group>
    </Stack>
  );
}

function History() {
  const { t, lang } = useT();
  const history = useImportHistory();
  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState>{t('imports.historyEmpty')}</EmptyState>;
  const columns: Column<ImportHistoryRow>[] = [
    { key: 'at', header: t('imports.historyCols.at'), render: (r) => formatDateTime(r.createdAt, lang) },
    { key: 'file', header: t('imports.historyCols.file'), primary: true, render: (r) => <Anchor href={buildUrl(`/imports/${r.id}/report`)} download>{r.fileName}</Anchor> },
    { key: 'upt', header: t('imports.historyCols.upt'), render: (r) => r.uptName },
    { key: 'total', header: t('imports.summary.total'), numeric: true, render: (r) => formatNumber(r.rowsTotal) },
    { key: 'created', header: t('imports.result.created'), numeric: true, render: (r) => formatNumber(r.rowsCreated) },
    { key: 'updated', header: t('imports.result.updated'), numeric: true, render: (r) => formatNumber(r.rowsUpdated) },
    { key: 'unchanged', header: t('imports.result.unchanged'), numeric: true, render: (r) => formatNumber(r.rowsUnchanged) },
    { key: 'rejected', header: t('imports.result.rejected'), numeric: true, render: (r) => formatNumber(r.rowsRejected) },
    { key: 'by', header: t('imports.historyCols.by'), render: (r) => r.createdBy ?? t('audit.system') },
  ];
  return <DataTable caption={t('imports.historyTitle')} columns={columns} rows={history.data} rowKey={(r) => r.id} />;
}

/**
 * SDP import in three steps: upload (with progress), column mapping, preview and apply. The file
 * is kept in the page so "check again" can send it with the edited mapping.
 */
export default function ImportPage() {
  const { t } = useT();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [upt, setUpt] = useState<UptChoice>({ kanwilId: '', uptId: '' });
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<FormProblem>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [skipRejected, setSkipRejected] = useState(false);
  const [warningsChecked, setWarningsChecked] = useState(false);
  const [warningsError, setWarningsError] = useState<string | null>(null);
  const warningsRef = useRef<HTMLInputElement>(null);
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
  const skipRef = useRef<HTMLInputElement>(null);
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const busy = progress !== null || applying;

  async function send(withMapping?: Mapping) {
    setFileError(null);
    setProblem(null);
    if (!file) {
      setFileError(t('imports.fileRequired'));
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(t('imports.tooLarge'));
      fileRef.current?.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file);
    if (me?.scope.level !== 'upt' && upt.uptId) body.append('uptId', upt.uptId);
    if (withMapping) body.append('mapping', JSON.stringify(withMapping));
    setProgress(0);
    try {
      const p = await upload<ImportPreview>('/imports/sdp/preview', body, { onProgress: setProgress });
      setPreview(p);
      setMapping(p.mapping);
      setSkipRejected(false);
      setWarningsChecked(false);
      setWarningsError(null);
    } catch (err) {
      setProblem(apiProblem(err));
      if (err instanceof ApiError && err.fields.file) setFileError(err.fields.file);
    } finally {
      setProgress(null);
    }
  }

  async function apply() {
    if (!preview) return;
    setProblem(null);
    setApplyError(null);
    // Warnings do not block, but the officer says they were read before anything is written.
    // (Rejected rows come first: the server says what to do about them.)
    if (preview.warnings.length > 0 && !warningsChecked && (preview.summary.rejected === 0 || skipRejected)) {
      setWarningsError(t('imports.warningsUnchecked'));
      warningsRef.current?.focus();
      return;
    }
    setApplying(true);
    try {
      const result = await post<ImportBatch>(`/imports/sdp/${preview.uploadId}/apply`, { mapping, skipRejected });
      setBatch(result);
      void qc.invalidateQueries({ queryKey: importKeys.history });
      void qc.invalidateQueries({ queryKey: ['wbp-list'] });
      void qc.invalidateQueries({ queryKey: ['overstay'] });
    } catch (err) {
      setProblem(apiProblem(err));
      // 422 with fields.file: rows were rejected and the officer did not choose to skip them.
      if (err instanceof ApiError && err.fields.file) {
        setApplyError(err.fields.file);
        skipRef.current?.focus();
      }
    } finally {
      setApplying(false);
    }
  }

  function reset() {
    setFile(null);
    setApplyError(null);
    setPreview(null);
    setBatch(null);
    setProblem(null);
    setMapping({});
    if (fileRef.current) fileRef.current.value = '';
  }

  const step = batch || preview ? 3 : 1;
  const s = preview?.summary;
  const mappingChanged = preview && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);

  return (
    <div className="page">
      <PageHeader title={t('imports.title')} intro={t('imports.intro')} />
      <StepList step={step === 3 && mappingChanged ? 2 : step} />
      {batch ? (
        <Result batch={batch} onAnother={reset} />
      ) : (
        <Stack gap="md">
          <Paper withBorder p="md">
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void send();
              }}
              noValidate
              aria-label={t('imports.steps.upload')}
            >
              <Stack gap="sm">
                <UptPicker value={upt} onChange={setUpt} label={t('imports.uptFor')} required />
                <div>
                  <label htmlFor="sdp-file" className="field-label">
                    {t('imports.file')} <span aria-hidden="true" className="required-mark">*</span>
                  </label>
                  <Text size="xs" c="dimmed" id="sdp-file-help">
                    {t('imports.fileHelp')}{' '}
                    <Anchor href={buildUrl('/imports/sdp/template')} download size="xs" underline="always">
                      {t('imports.template')}
                    </Anchor>
                  </Text>
                  <input
                    ref={fileRef}
                    id="sdp-file"
                    name="file"
                    type="file"
                    required
                    className="file-input"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-describedby={fileError ? 'sdp-file-help sdp-file-error' : 'sdp-file-help'}
                    aria-invalid={fileError ? true : undefined}
                    onChange={(e) => {
                      setFile(e.currentTarget.files?.[0] ?? null);
                      setPreview(null);
                      setFileError(null);
                    }}
                  />
                  {fileError && (
                    <Text size="sm" c="red" id="sdp-file-error">
                      {fileError}
                    </Text>
                  )}
                </div>
                {!preview && <FormAlert problem={problem} />}
                <Group>
                  <Button type="submit" loading={progress !== null} disabled={applying}>
                    {t('imports.upload')}
                  </Button>
                  {progress !== null && (
                    <Group gap="xs" role="status">
                      <progress max={1} value={progress} aria-label={t('imports.uploading', { percent: Math.round(progress * 100) })} />
                      <Text size="sm">{progress < 1 ? t('imports.uploading', { percent: Math.round(progress * 100) }) : t('imports.checking')}</Text>
                    </Group>
                  )}
                </Group>
              </Stack>
            </form>
          </Paper>

          {preview && s && (
            <>
              <Section title={t('imports.steps.mapping')} id="import-mapping">
                <Text size="sm" c="dimmed" mb="xs">
                  {t('imports.fileInfo', { name: preview.fileName, encoding: preview.encoding, delimiter: preview.delimiter ?? '—' })}
                </Text>
                <Text size="sm" mb="sm">
                  {t('imports.mappingIntro')}
                </Text>
                {preview.mappingProblems.length > 0 && (
                  <Alert color="red" title={t('imports.mappingProblems')} mb="sm">
                    <List size="sm">
                      {preview.mappingProblems.map((p) => (
                        <List.Item key={p}>{p}</List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                <MappingEditor preview={preview} mapping={mapping} onChange={setMapping} />
                <Group mt="sm">
                  <Button variant={mappingChanged ? 'filled' : 'default'} onClick={() => void send(mapping)} loading={progress !== null} disabled={applying}>
                    {t('imports.recheck')}
                  </Button>
                </Group>
              </Section>

              <Section title={t('imports.steps.preview')} id="import-preview">
                <div data-testid="import-summary">
                  <Tiles
                    tiles={[
                      { label: t('imports.summary.total'), value: s.total, color: 'pas' },
                      { label: t('imports.summary.accepted'), value: s.accepted, color: 'green' },
                      { label: t('imports.summary.rejected'), value: s.rejected, color: 'red' },
                      { label: t('imports.summary.skipped'), value: s.skipped, color: 'pas' },
                      { label: t('imports.summary.new'), value: s.new, color: 'green' },
                      { label: t('imports.summary.changed'), value: s.changed, color: 'orange' },
                      { label: t('imports.summary.unchanged'), value: s.unchanged, color: 'pas' },
                    ]}
                  />
                </div>
                {preview.rejected.length > 0 && (
                  <section aria-labelledby="rejected-title" style={{ marginTop: 'var(--mantine-spacing-md)' }}>
                    <Title order={3} size="h4" id="rejected-title" mb="xs" c="red">
                      {t('imports.rejectedTitle', { n: formatNumber(preview.rejected.length) })}
                    </Title>
                    <RejectedTable rows={preview.rejected} />
                  </section>
                )}
                {preview.warnings.length > 0 && (
                  <section aria-labelledby="warnings-title" style={{ marginTop: 'var(--mantine-spacing-md)' }}>
                    <Title order={3} size="h4" id="warnings-title" mb="xs">
                      {t('imports.warningsTitle', { n: formatNumber(preview.warnings.length) })}
                    </Title>
                    <RejectedTable rows={warningRows(preview.warnings)} caption={t('imports.warningsTitle', { n: formatNumber(preview.warnings.length) })} />
                  </section>
                )}
                {preview.sample.length > 0 && (
                  <section aria-labelledby="sample-title" style={{ marginTop: 'var(--mantine-spacing-md)' }}>
                    <Title order={3} size="h4" id="sample-title" mb="xs">
                      {t('imports.sampleTitle')}
                    </Title>
                    <SampleTable rows={preview.sample as Sample[]} />
                  </section>
                )}
                <Paper withBorder p="md" mt="md">
                  <Stack gap="sm">
                    <FormAlert problem={problem} />
                    {s.rejected > 0 && (
                      <Checkbox
                        ref={skipRef}
                        label={t('imports.skipRejected', { n: formatNumber(s.rejected) })}
                        description={t('imports.skipHelp')}
                        checked={skipRejected}
                        error={applyError}
                        onChange={(e) => {
                          setSkipRejected(e.currentTarget.checked);
                          setApplyError(null);
                        }}
                      />
                    )}
                    {preview.warnings.length > 0 && (
                      <Checkbox
                        ref={warningsRef}
                        label={t('imports.warningsConfirm', { n: formatNumber(preview.warnings.length) })}
                        checked={warningsChecked}
                        error={warningsError}
                        onChange={(e) => {
                          setWarningsChecked(e.currentTarget.checked);
                          setWarningsError(null);
                        }}
                      />
                    )}
                    <Group>
                      <Button onClick={() => void apply()} loading={applying} disabled={busy || !!mappingChanged || preview.mappingProblems.length > 0}>
                        {t('imports.apply')}
                      </Button>
                      {applying && (
                        <Text size="sm" role="status">
                          {t('imports.applying')}
                        </Text>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              </Section>
            </>
          )}
        </Stack>
      )}
      <Section title={t('imports.historyTitle')} id="import-history">
        <History />
      </Section>
    </div>
  );
}
