import { Alert, Anchor, Button, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Lang } from '../../../shared/i18n/lang.ts';
import { AttendanceInput, type Activity } from '../../../shared/schemas/work.ts';
import { ApiError, put } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { DateField } from '../../forms/fields.tsx';
import type { FormProblem } from '../../forms/form.ts';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useActivity, useAttendance, workKeys, type AttendanceSheet } from './api.ts';
import {
  browserStorage,
  clearDraft,
  countSheet,
  draftKey,
  loadDraft,
  marksFromSheet,
  newClientKey,
  saveDraft,
  searchKey,
  startDraft,
  toPayload,
  withMark,
  type AttendanceDraft,
  type Mark,
  type Reason,
  type SheetRow,
} from './attendanceDraft.ts';
import { useWorkLabels } from './labels.ts';
import { useRuleText } from './PayRuleFields.tsx';
import { ruleOn } from './units.ts';

interface RowProps {
  row: SheetRow;
  mark: Mark | undefined;
  reasons: Reason[];
  pay: Map<string, boolean>;
  lang: Lang;
  showPieces: boolean;
  disabled: boolean;
  onChange: (wbpId: number, mark: Mark) => void;
  text: { reasonFor: string; piecesFor: string; paid: string; unpaid: string };
}

/** One inmate: the reason (present unless marked) and whether that day is paid. Re-renders alone. */
const AttendanceRow = memo(function AttendanceRow({ row, mark, reasons, pay, lang, showPieces, disabled, onChange, text }: RowProps) {
  const reason = mark?.reason ?? 'hadir';
  const paid = pay.get(reason) ?? false;
  return (
    <li className={`att-row${reason !== 'hadir' ? ' att-exception' : ''}`} data-wbp={row.wbpId} data-reason={reason}>
      <div className="att-who">
        <span className="att-name">{row.name}</span>
        <span className="att-reg">{row.noRegister}</span>
      </div>
      <div className="att-mark">
        <select
          className="att-select"
          aria-label={text.reasonFor.replace('{name}', row.name).replace('{noRegister}', row.noRegister)}
          value={reason}
          disabled={disabled}
          onChange={(e) => onChange(row.wbpId, { reason: e.currentTarget.value, ...(mark?.pieces ? { pieces: mark.pieces } : {}) })}
        >
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label[lang]} ({r.pay ? text.paid : text.unpaid})
            </option>
          ))}
        </select>
        {showPieces && (
          <input
            className="att-pieces"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            aria-label={text.piecesFor.replace('{name}', row.name).replace('{noRegister}', row.noRegister)}
            value={mark?.pieces ?? ''}
            disabled={disabled || !paid}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              onChange(row.wbpId, { reason, ...(Number.isInteger(n) && n > 0 ? { pieces: n } : {}) });
            }}
          />
        )}
        <span className={paid ? 'att-pay att-paid' : 'att-pay att-unpaid'}>{paid ? text.paid : text.unpaid}</span>
      </div>
    </li>
  );
});

/** Network trouble (no answer, or a proxy/server failure): the draft stays and can be sent again. */
const isUnsent = (err: unknown) => !(err instanceof ApiError) || err.isNetwork || err.status >= 500;

function SheetEditor({
  activity,
  sheet,
  userId,
  canWrite,
  onSaved,
  onReload,
}: {
  activity: Activity;
  sheet: AttendanceSheet;
  userId: number;
  canWrite: boolean;
  onSaved: (sheet: AttendanceSheet) => void;
  onReload: () => void;
}) {
  const { t, lang } = useT();
  const ruleText = useRuleText();
  const storage = useMemo(browserStorage, []);
  const key = draftKey(userId, activity.id, sheet.date, sheet.session);
  const [draft, setDraft] = useState<AttendanceDraft | null>(() => (canWrite ? loadDraft(storage, key) : null));
  const [banner, setBanner] = useState<'unsent' | 'restored' | null>(() => (draft ? (draft.unsent ? 'unsent' : 'restored') : null));
  // The key a new edit of this sheet will use: made once, so an edit never gets two.
  const [spareKey] = useState(newClientKey);
  const [storageOk, setStorageOk] = useState(true);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<FormProblem>(null);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<'all' | 'exceptions'>('all');
  const deferredQuery = useDeferredValue(query);

  const saved = useMemo(() => marksFromSheet(sheet.rows), [sheet.rows]);
  const marks = draft?.marks ?? saved;
  const pay = useMemo(() => new Map(sheet.reasons.map((r) => [r.code, r.pay])), [sheet.reasons]);
  const rule = ruleOn(activity.payRules, sheet.date);
  const showPieces = rule?.kind === 'piece';

  useEffect(() => {
    if (draft) setStorageOk(saveDraft(storage, key, draft));
  }, [draft, storage, key]);

  const onChange = useCallback(
    (wbpId: number, mark: Mark) => {
      setProblem(null);
      setDraft((d) => withMark(d ?? { ...startDraft(saved, sheet.version), clientKey: spareKey }, wbpId, mark));
    },
    [saved, sheet.version, spareKey],
  );

  const allPresent = () => {
    setProblem(null);
    setDraft((d) => ({ ...(d ?? { ...startDraft({}, sheet.version), clientKey: spareKey }), marks: {}, updatedAt: new Date().toISOString() }));
  };

  const discard = () => {
    clearDraft(storage, key);
    setDraft(null);
    setBanner(null);
    setProblem(null);
  };

  async function save() {
    const d: AttendanceDraft = draft ?? { ...startDraft(saved, sheet.version), clientKey: spareKey };
    const body = toPayload(d, sheet.date, sheet.session, sheet.rows);
    const valid = AttendanceInput.safeParse(body);
    if (!valid.success) {
      setProblem({ kind: 'client' });
      return;
    }
    // Kept before it is sent: a reload or a lost answer loses nothing, and the key stays the same.
    const pending = { ...d, unsent: false };
    setStorageOk(saveDraft(storage, key, pending));
    setDraft(pending);
    setSending(true);
    setProblem(null);
    try {
      const result = await put<AttendanceSheet>(`/work/activities/${activity.id}/attendance`, valid.data);
      clearDraft(storage, key);
      onSaved(result);
    } catch (err) {
      if (isUnsent(err)) {
        const unsent = { ...pending, unsent: true };
        saveDraft(storage, key, unsent);
        setDraft(unsent);
        setBanner('unsent');
      } else {
        setProblem({ kind: 'api', error: err as ApiError });
      }
    } finally {
      setSending(false);
    }
  }

  const counts = countSheet(sheet.rows, marks, sheet.reasons);
  const q = searchKey(deferredQuery.trim());
  const visible = sheet.rows.filter((r) => {
    if (view === 'exceptions' && (marks[String(r.wbpId)]?.reason ?? 'hadir') === 'hadir') return false;
    return !q || searchKey(r.name).includes(q) || r.noRegister.toLowerCase().includes(q);
  });
  const text = useMemo(
    () => ({ reasonFor: t('work.attendance.reasonFor', { name: '{name}', noRegister: '{noRegister}' }),
      piecesFor: t('work.attendance.piecesFor', { name: '{name}', noRegister: '{noRegister}' }), paid: t('work.attendance.paid'), unpaid: t('work.attendance.unpaid') }),
    [t],
  );
  const unsent = banner === 'unsent' && !!draft?.unsent;
  const dirty = !!draft;

  if (sheet.rows.length === 0) {
    return (
      <EmptyState
        action={
          canWrite ? (
            <Button component={Link} to={`/kerja/kegiatan/${activity.id}/tempatkan`}>
              {t('work.allocations.allocate')}
            </Button>
          ) : undefined
        }
      >
        {t('work.attendance.noneAllocated')}
      </EmptyState>
    );
  }

  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="sheet-status">
        {sheet.version ? t('work.attendance.savedAt', { at: formatDateTime(sheet.submittedAt, lang), version: sheet.version }) : t('work.attendance.notYet')}
      </Text>
      {rule ? (
        <Text size="sm" c="dimmed">
          {t('work.attendance.rule', { rule: ruleText(rule) })}
          {showPieces && ` ${t('work.attendance.pieceRule')}`}
        </Text>
      ) : (
        <Alert color="orange">{t('work.attendance.noRule')}</Alert>
      )}
      {!canWrite && <Alert color="gray">{t('work.attendance.readOnly')}</Alert>}
      {unsent && (
        <Alert color="orange" role="alert" title={t('work.attendance.unsentTitle')} data-testid="attendance-unsent">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('work.attendance.unsentBody')}</Text>
            <Group gap="xs">
              <Button size="xs" color="orange" loading={sending} onClick={() => void save()}>
                {t('work.attendance.resend')}
              </Button>
              <Button size="xs" variant="default" onClick={discard}>
                {t('work.attendance.discard')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {banner === 'restored' && draft && !draft.unsent && (
        <Alert color="blue" role="status" title={t('work.attendance.restoredTitle')} data-testid="attendance-restored">
          <Group gap="xs" justify="space-between">
            <Text size="sm">{t('work.attendance.restoredBody', { at: formatDateTime(draft.updatedAt, lang) })}</Text>
            <Button size="xs" variant="default" onClick={discard}>
              {t('work.attendance.discard')}
            </Button>
          </Group>
        </Alert>
      )}
      {!storageOk && <Alert color="orange">{t('work.attendance.noStorage')}</Alert>}
      <FormAlert
        problem={problem}
        onReload={() => {
          discard();
          onReload();
        }}
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          label={t('work.attendance.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <div>
          <Text component="span" size="sm" fw={500} id="att-view-label" display="block" mb={2}>
            {t('work.attendance.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="att-view-label"
            value={view}
            onChange={(v) => setView(v as 'all' | 'exceptions')}
            data={[
              { value: 'all', label: t('work.attendance.showAll') },
              { value: 'exceptions', label: t('work.attendance.showExceptions') },
            ]}
          />
        </div>
        {canWrite && (
          <Button variant="default" onClick={allPresent} disabled={counts.exceptions === 0}>
            {t('work.attendance.allPresent')}
          </Button>
        )}
      </Group>
      {visible.length === 0 ? (
        <Text c="dimmed" py="md">
          {view === 'exceptions' && !q ? t('work.attendance.noExceptions') : t('work.attendance.noMatch', { q: deferredQuery })}
        </Text>
      ) : (
        <ul className="att-list" aria-label={t('work.attendance.list')}>
          {visible.map((r) => (
            <AttendanceRow
              key={r.wbpId}
              row={r}
              mark={marks[String(r.wbpId)]}
              reasons={sheet.reasons}
              pay={pay}
              lang={lang}
              showPieces={showPieces}
              disabled={!canWrite || sending}
              onChange={onChange}
              text={text}
            />
          ))}
        </ul>
      )}
      {canWrite && (
        <div className="save-bar" role="region" aria-label={t('work.attendance.countsLabel')} data-testid="save-bar">
          <dl className="save-counts" aria-live="polite">
            <div>
              <dt>{t('work.attendance.total')}</dt>
              <dd data-count="total">{formatNumber(counts.total)}</dd>
            </div>
            <div>
              <dt>{t('work.attendance.present')}</dt>
              <dd data-count="present">{formatNumber(counts.present)}</dd>
            </div>
            <div>
              <dt>{t('work.attendance.exceptions')}</dt>
              <dd data-count="exceptions">{formatNumber(counts.exceptions)}</dd>
            </div>
            <div>
              <dt>{t('work.attendance.paidCount')}</dt>
              <dd data-count="paid">{formatNumber(counts.paid)}</dd>
            </div>
          </dl>
          <Button onClick={() => void save()} loading={sending} color={unsent ? 'orange' : undefined} disabled={!dirty && !!sheet.version}>
            {unsent ? t('work.attendance.resend') : sheet.version ? t('work.attendance.saveCorrection') : t('work.attendance.save')}
          </Button>
        </div>
      )}
    </Stack>
  );
}

/** Attendance of one session: everyone present except the officer's marks; fast on a phone. */
export default function AttendancePage() {
  const { t, lang } = useT();
  const label = useWorkLabels();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const today = meta?.today ?? '';
  const activity = useActivity(id);
  const date = params.get('tanggal') || today;
  const session = params.get('sesi') || activity.data?.sessions[0] || '';
  const sheet = useAttendance(activity.data ? id : 0, date, session);
  const [notice, setNotice] = useState<string | null>(null);
  const crumbs = [
    { to: '/kerja/kegiatan', label: t('nav.activities') },
    ...(activity.data ? [{ to: `/kerja/kegiatan/${id}`, label: activity.data.name }] : []),
  ];
  const choose = (next: { tanggal?: string; sesi?: string }) => {
    setNotice(null);
    setParams({ tanggal: next.tanggal ?? date, sesi: next.sesi ?? session }, { replace: true });
  };

  if (activity.isPending || !today) return <Loading />;
  if (activity.error) {
    return (
      <div className="page">
        <PageHeader title={t('nav.activities')} crumbs={crumbs} />
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      </div>
    );
  }
  const a = activity.data;
  return (
    <div className="page">
      <PageHeader title={t('work.attendance.title', { name: a.name })} intro={t('work.attendance.intro')} crumbs={crumbs} />
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <DateField label={t('work.attendance.date')} value={date} max={today} onChange={(v) => v && choose({ tanggal: v })} />
        <NativeSelect
          label={t('work.attendance.session')}
          value={session}
          onChange={(e) => choose({ sesi: e.currentTarget.value })}
          data={a.sessions.map((s) => ({ value: s, label: label.session(s) }))}
        />
        <Text size="sm" c="dimmed" pb={8}>
          {formatDate(date, lang)}
        </Text>
      </Group>
      {notice && (
        <Alert color="green" role="status" mb="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} data-testid="attendance-saved">
          {notice}
        </Alert>
      )}
      {sheet.isPending ? (
        <Loading />
      ) : sheet.error ? (
        <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />
      ) : (
        <SheetEditor
          key={`${sheet.data.date}:${sheet.data.session}:${sheet.data.version ?? 0}:${sheet.dataUpdatedAt}`}
          activity={a}
          sheet={sheet.data}
          userId={me?.id ?? 0}
          canWrite={hasPermission(me, 'work.write') && a.active}
          onReload={() => void sheet.refetch()}
          onSaved={(saved) => {
            qc.setQueryData(workKeys.attendance(id, saved.date, saved.session), saved);
            void qc.invalidateQueries({ queryKey: ['work-dashboard'] });
            void qc.invalidateQueries({ queryKey: ['premi'] });
            void qc.invalidateQueries({ queryKey: ['wbp-work'] });
            const present = saved.rows.filter((r) => r.reason === 'hadir').length;
            setNotice(t('work.attendance.savedNotice', { present: formatNumber(present), exceptions: formatNumber(saved.rows.length - present) }));
          }}
        />
      )}
      <Text size="sm" mt="lg">
        <Anchor component={Link} to={`/kerja/kegiatan/${id}`}>
          {t('work.allocate.toActivity')}
        </Anchor>
      </Text>
    </div>
  );
}
