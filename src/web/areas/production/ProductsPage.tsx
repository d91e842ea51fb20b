import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ProductInput, type Product } from '../../../shared/schemas/production.ts';
import { WORK_CATEGORIES } from '../../../shared/schemas/work.ts';
import { post } from '../../api/client.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { IntField } from '../../forms/fields.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../forms/form.ts';
import { formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useWorkLabels } from '../work/labels.ts';
import { productionKeys, useProducts } from './api.ts';

export function ProductForm({ onCreated }: { onCreated: (p: Product) => void }) {
  const { t } = useT();
  const form = useForm({ name: '', category: '', unit: 'pcs', priceRupiah: '' as number | string, description: '' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const input = form.validate(ProductInput, {
      name: v.name,
      category: v.category || undefined,
      unit: v.unit,
      priceRupiah: numberOrNull(v.priceRupiah) ?? 0,
      description: nullIfBlank(v.description),
    });
    if (!input) return;
    const created = await form.run(() => post<Product>('/production/products', input));
    if (created) onCreated(created);
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('production.products.addTitle')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('production.products.fields.name')} required value={form.values.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} />
          <NativeSelect
            label={t('production.products.fields.category')}
            required
            value={form.values.category}
            onChange={(e) => form.set('category', e.currentTarget.value)}
            error={form.errors.category}
            data={[{ value: '', label: t('work.chooseCategory') }, ...WORK_CATEGORIES.map((c) => ({ value: c, label: t(`work.categories.${c}`) }))]}
          />
          <TextInput
            label={t('production.products.fields.unit')}
            description={t('production.products.fields.unitHelp')}
            required
            value={form.values.unit}
            onChange={(e) => form.set('unit', e.currentTarget.value)}
            error={form.errors.unit}
          />
          <IntField label={t('production.products.fields.priceRupiah')} prefix="Rp " value={form.values.priceRupiah} onChange={(v) => form.set('priceRupiah', v)} error={form.errors.priceRupiah} />
        </SimpleGrid>
        <TextInput label={t('production.products.fields.description')} value={form.values.description} onChange={(e) => form.set('description', e.currentTarget.value)} error={form.errors.description} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('production.products.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function ProductsPage() {
  const { t } = useT();
  const label = useWorkLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const products = useProducts({ active: 'all' });
  const [adding, setAdding] = useState(false);
  const canWrite = hasPermission(me, 'work.write');
  const multiUpt = me?.scope.level !== 'upt';

  const columns: Column<Product>[] = [
    {
      key: 'name',
      header: t('production.products.fields.name'),
      primary: true,
      render: (p) => (
        <Anchor component={Link} to={`/produksi/produk/${p.id}`}>
          {p.name}
        </Anchor>
      ),
    },
    { key: 'category', header: t('production.products.fields.category'), render: (p) => label.category(p.category) },
    ...(multiUpt ? [{ key: 'upt', header: t('work.fields.upt'), render: (p: Product) => p.uptName }] : []),
    { key: 'unit', header: t('production.products.fields.unit'), render: (p) => p.unit },
    { key: 'price', header: t('production.products.fields.priceRupiah'), numeric: true, render: (p) => formatRupiah(p.priceRupiah) },
    {
      key: 'active',
      header: t('work.fields.active'),
      render: (p) => (
        <Badge color={p.active ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
          {p.active ? t('common.active') : t('common.inactive')}
        </Badge>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('production.products.title')}
        intro={t('production.products.intro')}
        crumbs={[{ to: '/produksi', label: t('nav.production') }]}
        actions={
          canWrite ? (
            <Button variant={adding ? 'filled' : 'default'} aria-expanded={adding} aria-controls="product-form" onClick={() => setAdding((a) => !a)}>
              {t('production.products.add')}
            </Button>
          ) : undefined
        }
      />
      {adding && (
        <Paper withBorder p="md" mb="md" id="product-form" maw={760}>
          <Title order={2} size="h4" mb="sm">
            {t('production.products.addTitle')}
          </Title>
          <ProductForm
            onCreated={(p) => {
              qc.setQueryData(productionKeys.product(p.id), p);
              void qc.invalidateQueries({ queryKey: ['products'] });
              navigate(`/produksi/produk/${p.id}`, { state: { notice: t('production.products.created', { name: p.name }) } });
            }}
          />
        </Paper>
      )}
      {products.isPending ? (
        <Loading />
      ) : products.error ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : products.data.length === 0 ? (
        <EmptyState>{t('production.products.empty')}</EmptyState>
      ) : (
        <DataTable caption={t('production.products.title')} columns={columns} rows={products.data} rowKey={(p) => p.id} />
      )}
    </div>
  );
}
