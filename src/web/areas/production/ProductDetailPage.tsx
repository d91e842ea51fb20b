import { ActionIcon, Alert, Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { BomInput, ProductUpdateInput, type Product } from '../../../shared/schemas/production.ts';
import { WORK_CATEGORIES } from '../../../shared/schemas/work.ts';
import { patch, put } from '../../api/client.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { IntField } from '../../forms/fields.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../forms/form.ts';
import { formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useWorkLabels } from '../work/labels.ts';
import { productionKeys, qtyText, useProduct, useStockItems, type StockItemRow } from './api.ts';

type BomLine = Product['bom'][number];

function EditProduct({ product, onSaved, onReload }: { product: Product; onSaved: (p: Product) => void; onReload: () => void }) {
  const { t } = useT();
  const form = useForm({
    name: product.name,
    category: product.category as string,
    unit: product.unit,
    priceRupiah: product.priceRupiah as number | string,
    description: product.description ?? '',
    active: product.active,
  });
  const [nothing, setNothing] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const next: Record<string, unknown> = {
      name: v.name.trim(),
      category: v.category,
      unit: v.unit.trim(),
      priceRupiah: numberOrNull(v.priceRupiah),
      description: nullIfBlank(v.description),
      active: v.active,
    };
    const current: Record<string, unknown> = { name: product.name, category: product.category, unit: product.unit, priceRupiah: product.priceRupiah, description: product.description, active: product.active };
    const changes = Object.fromEntries(Object.entries(next).filter(([k, val]) => JSON.stringify(val) !== JSON.stringify(current[k])));
    setNothing(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    const input = form.validate(ProductUpdateInput, { version: product.version, ...changes });
    if (!input) return;
    const saved = await form.run(() => patch<Product>(`/production/products/${product.id}`, input));
    if (saved) onSaved(saved);
  }
  return (
    <Paper withBorder p="md" id="product-edit-form">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('production.products.edit')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('production.products.edit')}
          </Title>
          <FormAlert problem={form.problem} onReload={onReload} />
          {nothing && (
            <Alert color="gray" role="status">
              {t('common.noChanges')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('production.products.fields.name')} required value={form.values.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} />
            <NativeSelect
              label={t('production.products.fields.category')}
              value={form.values.category}
              onChange={(e) => form.set('category', e.currentTarget.value)}
              error={form.errors.category}
              data={WORK_CATEGORIES.map((c) => ({ value: c, label: t(`work.categories.${c}`) }))}
            />
            <TextInput label={t('production.products.fields.unit')} required value={form.values.unit} onChange={(e) => form.set('unit', e.currentTarget.value)} error={form.errors.unit} />
            <IntField label={t('production.products.fields.priceRupiah')} prefix="Rp " value={form.values.priceRupiah} onChange={(v) => form.set('priceRupiah', v)} error={form.errors.priceRupiah} />
          </SimpleGrid>
          <TextInput label={t('production.products.fields.description')} value={form.values.description} onChange={(e) => form.set('description', e.currentTarget.value)} error={form.errors.description} />
          <Checkbox label={t('production.products.fields.active')} checked={form.values.active} onChange={(e) => form.set('active', e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

interface LineValue {
  itemId: string;
  qtyPerUnit: number | string;
}

function BomEditor({ product, materials, onSaved, onReload }: { product: Product; materials: StockItemRow[]; onSaved: (p: Product) => void; onReload: () => void }) {
  const { t } = useT();
  const form = useForm<{ lines: LineValue[] }>({ lines: product.bom.length ? product.bom.map((l) => ({ itemId: String(l.itemId), qtyPerUnit: l.qtyPerUnit })) : [{ itemId: '', qtyPerUnit: '' }] });
  const lines = form.values.lines;
  const setLine = (i: number, next: Partial<LineValue>) => {
    form.set(
      'lines',
      lines.map((l, j) => (j === i ? { ...l, ...next } : l)),
    );
    form.setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`lines.${i}.`))));
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(BomInput, {
      version: product.version,
      lines: lines.filter((l) => l.itemId || String(l.qtyPerUnit).trim()).map((l) => ({ itemId: l.itemId ? Number(l.itemId) : undefined, qtyPerUnit: numberOrNull(l.qtyPerUnit) })),
    });
    if (!input) return;
    const saved = await form.run(() => put<Product>(`/production/products/${product.id}/bom`, input));
    if (saved) onSaved(saved);
  }
  const unitOf = (id: string) => materials.find((m) => String(m.id) === id)?.unit ?? '';
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('production.products.bomTitle', { unit: product.unit })}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} onReload={onReload} />
        {materials.length === 0 && (
          <Alert color="orange">
            {t('production.products.noMaterials')}{' '}
            <Anchor component={Link} to="/produksi/stok">
              {t('nav.stock')}
            </Anchor>
          </Alert>
        )}
        <ol className="plain-list" style={{ display: 'grid', gap: 'var(--mantine-spacing-xs)' }}>
          {lines.map((l, i) => (
            <li key={i}>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <NativeSelect
                  label={t('production.products.bomItem', { n: i + 1 })}
                  value={l.itemId}
                  onChange={(e) => setLine(i, { itemId: e.currentTarget.value })}
                  error={form.errors[`lines.${i}.itemId`]}
                  data={[{ value: '', label: t('production.products.chooseItem') }, ...materials.map((m) => ({ value: String(m.id), label: `${m.name} (${m.unit})` }))]}
                  style={{ flex: '2 1 14rem' }}
                />
                <div style={{ flex: '1 1 9rem' }}>
                  <IntField
                    label={`${t('production.products.bomQty', { n: i + 1 })}${unitOf(l.itemId) ? ` (${unitOf(l.itemId)})` : ''}`}
                    value={l.qtyPerUnit}
                    onChange={(v) => setLine(i, { qtyPerUnit: v })}
                    error={form.errors[`lines.${i}.qtyPerUnit`]}
                  />
                </div>
                <ActionIcon
                  variant="default"
                  size="lg"
                  mt={26}
                  aria-label={t('production.products.removeLine', { n: i + 1 })}
                  onClick={() => form.set('lines', lines.filter((_, j) => j !== i))}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              </Group>
            </li>
          ))}
        </ol>
        <Group>
          <Button variant="default" onClick={() => form.set('lines', [...lines, { itemId: '', qtyPerUnit: '' }])}>
            {t('production.products.addLine')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('production.products.bomSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function ProductDetailPage() {
  const { t } = useT();
  const label = useWorkLabels();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const { data: me } = useMe();
  const product = useProduct(id);
  const materials = useStockItems({ kind: 'material', ...(product.data ? { uptId: product.data.uptId } : {}) });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const crumbs = [
    { to: '/produksi', label: t('nav.production') },
    { to: '/produksi/produk', label: t('nav.products') },
  ];
  if (!(id > 0)) {
    return (
      <div className="page">
        <PageHeader title={t('errors.notFoundTitle')} crumbs={crumbs} />
        <EmptyState>{t('production.products.notFound')}</EmptyState>
      </div>
    );
  }
  if (product.isPending) return <Loading />;
  if (product.error) {
    return (
      <div className="page">
        <PageHeader title={t('nav.products')} crumbs={crumbs} />
        <ErrorState error={product.error} onRetry={() => void product.refetch()} />
      </div>
    );
  }
  const p = product.data;
  const canWrite = hasPermission(me, 'work.write');
  const store = (next: Product, text: string) => {
    qc.setQueryData(productionKeys.product(id), next);
    void qc.invalidateQueries({ queryKey: ['products'] });
    setNotice(text);
    setEditing(false);
  };
  const bomColumns: Column<BomLine>[] = [
    { key: 'item', header: t('production.batch.varianceCols.item'), primary: true, render: (l) => l.itemName },
    { key: 'qty', header: t('production.products.qtyPerUnit'), numeric: true, render: (l) => qtyText(l.qtyPerUnit, l.unit) },
  ];

  return (
    <div className="page">
      <PageHeader
        title={p.name}
        crumbs={crumbs}
        intro={
          <Group gap={6} component="span">
            <Badge style={{ textTransform: 'none' }}>{label.category(p.category)}</Badge>
            <span>{p.uptName}</span>
          </Group>
        }
        actions={
          canWrite ? (
            <>
              <Button component={Link} to={`/produksi/batch/baru?produk=${p.id}`}>
                {t('production.recordBatch')}
              </Button>
              <Button variant={editing ? 'filled' : 'default'} aria-expanded={editing} aria-controls="product-edit-form" onClick={() => setEditing((x) => !x)}>
                {t('production.products.edit')}
              </Button>
            </>
          ) : undefined
        }
      />
      {notice && (
        <Alert color="green" role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Stack gap="md">
        {editing && <EditProduct key={p.version} product={p} onReload={() => void product.refetch()} onSaved={(next) => store(next, t('production.products.saved'))} />}
        <Paper withBorder p="md">
          <dl className="details">
            <dt>{t('production.products.fields.unit')}</dt>
            <dd>{p.unit}</dd>
            <dt>{t('production.products.fields.priceRupiah')}</dt>
            <dd>{formatRupiah(p.priceRupiah)}</dd>
            <dt>{t('production.products.fields.description')}</dt>
            <dd>{p.description ?? t('common.none')}</dd>
            <dt>{t('work.fields.active')}</dt>
            <dd>{p.active ? t('common.active') : t('common.inactive')}</dd>
          </dl>
        </Paper>
      </Stack>
      <Section title={t('production.products.bomTitle', { unit: p.unit })} id="bom">
        <Text size="sm" c="dimmed" mb="sm">
          {t('production.products.bomIntro')}
        </Text>
        {canWrite ? (
          <BomEditor key={p.version} product={p} materials={materials.data ?? []} onReload={() => void product.refetch()} onSaved={(next) => store(next, t('production.products.bomSaved'))} />
        ) : p.bom.length === 0 ? (
          <EmptyState>{t('production.products.bomEmpty')}</EmptyState>
        ) : (
          <DataTable caption={t('production.products.bomTitle', { unit: p.unit })} columns={bomColumns} rows={p.bom} rowKey={(l) => l.itemId} />
        )}
      </Section>
    </div>
  );
}
