import { Button, Group, Paper, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { WbpCreateInput } from '../../../shared/schemas/wbp.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { UptPicker, type UptChoice } from '../../components/UptPicker.tsx';
import { nullIfBlank, useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';
import { wbpKeys, type Wbp } from './api.ts';
import { emptyWbpValues, WbpFields } from './WbpFields.tsx';

export default function WbpCreatePage() {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const today = meta?.today ?? new Date().toISOString().slice(0, 10);
  const form = useForm(emptyWbpValues());
  const [upt, setUpt] = useState<UptChoice>({ kanwilId: '', uptId: '' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const input = form.validate(WbpCreateInput, {
      ...(me?.scope.level !== 'upt' ? { uptId: upt.uptId ? Number(upt.uptId) : undefined } : {}),
      noRegister: v.noRegister,
      name: v.name,
      sex: v.sex || undefined,
      birthDate: v.birthDate || null,
      religion: v.religion || undefined,
      status: v.status,
      crimeCategory: v.crimeCategory || null,
      crimeRaw: nullIfBlank(v.crimeRaw),
      specialCrimes: v.specialCrimes,
      detentionStart: v.detentionStart || null,
      admittedOn: v.admittedOn || null,
      verdictDocument: v.verdictDocument,
    });
    if (!input) return;
    const created = await form.run(() => post<Wbp>('/wbp', input));
    if (!created) return;
    qc.setQueryData(wbpKeys.one(created.id), created);
    void qc.invalidateQueries({ queryKey: ['wbp-list'] });
    navigate(`/wbp/${created.id}`, {
      state: { notice: t('wbp.created', { name: created.name }), open: created.status === 'tahanan' ? 'detention' : 'verdict' },
    });
  }

  return (
    <div className="page">
      <PageHeader title={t('wbp.createTitle')} intro={t('wbp.createIntro')} crumbs={[{ to: '/wbp', label: t('nav.wbp') }]} />
      <Paper withBorder p="md" maw={860}>
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate>
          <Stack gap="sm">
            <FormAlert problem={form.problem} />
            <UptPicker value={upt} onChange={setUpt} error={form.errors.uptId} required />
            <WbpFields values={form.values} set={form.set} errors={form.errors} creating today={today} />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t('wbp.add')}
              </Button>
              <Button variant="subtle" onClick={() => navigate('/wbp')}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
