import { Anchor, Badge, Button, Checkbox, FileInput, Group, Image, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ListingUpdateInput } from '../../../shared/schemas/catalogue.ts';
import { patch, api, upload } from '../../api/client.ts';
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
import { useListings, type Listing } from './api.ts';

const publicUrl = (l: Listing) => `/katalog/produk/${l.ref}`;

/** Publish, describe and price one product; upload and remove its photos. */
function ListingEditor({ listing, onChanged, onClose }: { listing: Listing; onChanged: (notice?: string) => void; onClose: () => void }) {
  const { t } = useT();
  const form = useForm({ published: listing.published, description: listing.description ?? '', priceRupiah: listing.priceRupiah as number | string });
  const [file, setFile] = useState<File | null>(null);
  const photoForm = useForm({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ListingUpdateInput, {
      published: form.values.published, description: nullIfBlank(form.values.description), priceRupiah: numberOrNull(form.values.priceRupiah), version: listing.version,
    });
    if (!input) return;
    const saved = await form.run(() => patch<Listing>(`/catalogue/listings/${listing.id}`, input));
    if (saved) onChanged(t('catalogue.saved', { name: saved.name }));
  }
  async function sendPhoto() {
    if (!file) return;
    const fd = new FormData();
    fd.append('file', file);
    const saved = await photoForm.run(() => upload<Listing>(`/catalogue/listings/${listing.id}/photos`, fd));
    if (saved) {
      setFile(null);
      onChanged();
    }
  }
  async function removePhoto(id: number) {
    const saved = await photoForm.run(() => api<Listing>(`/catalogue/listings/${listing.id}/photos/${id}`, { method: 'DELETE' }));
    if (saved) onChanged();
  }
  return (
    <Paper withBorder p="md" mb="md" id="listing-editor" maw={860}>
      <Title order={2} size="h4" mb="sm">
        {t('catalogue.editTitle', { name: listing.name })}
      </Title>
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('catalogue.editTitle', { name: listing.name })}>
        <Stack gap="sm">
          <FormAlert problem={form.problem} />
          <Checkbox label={t('catalogue.publish')} checked={form.values.published} onChange={(e) => form.set('published', e.currentTarget.checked)} error={form.errors.published} disabled={!listing.active && !listing.published} />
          <IntField label={t('catalogue.price')} prefix="Rp " value={form.values.priceRupiah} onChange={(v) => form.set('priceRupiah', v)} error={form.errors.priceRupiah} />
          <Textarea label={t('catalogue.description')} autosize minRows={3} value={form.values.description} onChange={(e) => form.set('description', e.currentTarget.value)} error={form.errors.description} />
          <Group>
            <Button type="submit" loading={form.submitting}>{t('catalogue.save')}</Button>
            <Button variant="default" onClick={onClose}>{t('catalogue.close')}</Button>
          </Group>
        </Stack>
      </form>
      <Title order={3} size="h5" mt="lg" mb="xs">{t('catalogue.photosTitle')}</Title>
      <Stack gap="sm">
        <FormAlert problem={photoForm.problem} />
        {listing.photos.length === 0 ? (
          <Text size="sm" c="dimmed">{t('catalogue.noPhotos')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs">
            {listing.photos.map((p) => (
              <Stack key={p.id} gap={4}>
                <Image src={p.url} alt={p.fileName} h={96} w={96} fit="cover" radius="sm" />
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => void removePhoto(p.id)} aria-label={t('catalogue.removePhoto', { name: p.fileName })}>✕</Button>
              </Stack>
            ))}
          </SimpleGrid>
        )}
        <Group align="end">
          <FileInput label={t('catalogue.photoFile')} description={t('catalogue.photoHint')} accept="image/jpeg,image/png,image/webp" value={file} onChange={setFile} error={photoForm.errors.file} clearable maw={420} />
          <Button variant="default" disabled={!file} loading={photoForm.submitting} onClick={() => void sendPhoto()}>{t('catalogue.upload')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export default function ListingsPage() {
  const { t } = useT();
  const label = useWorkLabels();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const listings = useListings();
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const canWrite = hasPermission(me, 'sales.write');
  const multiUpt = me?.scope.level !== 'upt';
  const current = listings.data?.find((l) => l.id === editing);

  const columns: Column<Listing>[] = [
    { key: 'name', header: t('catalogue.cols.name'), primary: true, render: (l) => (l.published ? <Anchor href={publicUrl(l)} target="_blank">{l.name}</Anchor> : l.name) },
    ...(multiUpt ? [{ key: 'upt', header: t('catalogue.cols.upt'), render: (l: Listing) => l.uptName }] : []),
    { key: 'category', header: t('production.products.fields.category'), render: (l) => label.category(l.category) },
    { key: 'price', header: t('catalogue.cols.price'), numeric: true, render: (l) => `${formatRupiah(l.priceRupiah)} / ${l.unit}` },
    { key: 'availability', header: t('catalogue.cols.availability'), render: (l) => `${t(`catalogue.availability.${l.availability}`)} (${t('catalogue.onHand', { qty: l.onHand })})` },
    { key: 'photos', header: t('catalogue.cols.photos'), numeric: true, render: (l) => l.photos.length },
    {
      key: 'status', header: t('catalogue.cols.status'),
      render: (l) => (
        <Badge color={l.published ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
          {!l.active ? t('catalogue.inactive') : l.published ? t('catalogue.published') : t('catalogue.hidden')}
        </Badge>
      ),
    },
    ...(canWrite
      ? [{ key: 'actions', header: t('catalogue.cols.actions'), render: (l: Listing) => <Button size="compact-sm" variant="default" onClick={() => { setEditing(l.id); setNotice(undefined); }} aria-label={`${t('catalogue.edit')}: ${l.name}`}>{t('catalogue.edit')}</Button> }]
      : []),
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('catalogue.listingsTitle')}
        intro={t('catalogue.listingsIntro')}
        actions={<Anchor href="/katalog" target="_blank">{t('catalogue.openPublic')}</Anchor>}
      />
      {notice && <Text role="status" mb="sm" c="green.9">{notice}</Text>}
      {current && (
        <ListingEditor
          key={`${current.id}-${current.version}-${current.photos.length}`}
          listing={current}
          onClose={() => setEditing(null)}
          onChanged={(message) => {
            void qc.invalidateQueries({ queryKey: ['catalogue-listings'] });
            if (message) {
              setEditing(null);
              setNotice(message);
            }
          }}
        />
      )}
      {listings.isPending ? (
        <Loading />
      ) : listings.error ? (
        <ErrorState error={listings.error} onRetry={() => void listings.refetch()} />
      ) : listings.data.length === 0 ? (
        <EmptyState>{t('catalogue.empty')}</EmptyState>
      ) : (
        <DataTable caption={t('catalogue.listingsTitle')} columns={columns} rows={listings.data} rowKey={(l) => l.id} />
      )}
    </div>
  );
}
