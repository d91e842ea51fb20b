import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { sniffFileType } from '../../../shared/files/sniff.ts';
import { ApiError, buildUrl, upload } from '../../api/client.ts';
import { EmptyState } from '../../components/States.tsx';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

export interface FileInfo {
  id: number;
  fileName: string;
  fileType: string;
  sizeBytes: number;
}

/** Same limits as the server (src/server/files/limits.ts): refused early, checked again there. */
const MAX = { pdf: 10 * 1024 * 1024, image: 5 * 1024 * 1024 };

/**
 * Documents of a record: the list (downloaded through the API, which checks scope) and, for writers,
 * an upload that reads the file's first bytes to refuse a wrong type or size before sending it.
 */
export function FileSection({ files, uploadPath, downloadPath, canWrite, label, onUploaded }: {
  files: FileInfo[];
  uploadPath: string;
  downloadPath: (id: number) => string;
  canWrite: boolean;
  label: string;
  onUploaded: () => void;
}) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t('training.fileInput'));
      return;
    }
    const type = sniffFileType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    const limit = type === 'pdf' ? MAX.pdf : MAX.image;
    if (type && file.size > limit) {
      setError(t('training.fileTooLarge', { max: Math.round(limit / 1024 / 1024) }));
      return;
    }
    // Wrong types go to the server too: its message is the authority (and says what is accepted).
    const fd = new FormData();
    fd.append('file', file);
    setBusy(true);
    try {
      const stored = await upload<FileInfo>(uploadPath, fd, { onProgress: setProgress });
      setNotice(t('training.uploaded', { name: stored.fileName }));
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields.file ?? err.message) : t('errors.network'));
    } finally {
      setBusy(false);
      setProgress(0);
    }
  }

  return (
    <Stack gap="sm">
      {files.length === 0 ? (
        <EmptyState>{t('training.noFiles')}</EmptyState>
      ) : (
        <List>
          {files.map((f) => (
            <List.Item key={f.id}>
              <Anchor href={buildUrl(downloadPath(f.id))} target={f.fileType === 'pdf' ? undefined : '_blank'} rel="noreferrer">
                {f.fileName}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">({formatNumber(Math.ceil(f.sizeBytes / 1024))} KB)</Text>
            </List.Item>
          ))}
        </List>
      )}
      {canWrite && (
        <form onSubmit={(e) => void submit(e)} aria-label={label}>
          <Stack gap={6}>
            <label htmlFor={`file-${uploadPath}`}>
              <Text size="sm" fw={500}>{t('training.fileInput')}</Text>
            </label>
            <Group gap="sm" align="center">
              <input id={`file-${uploadPath}`} ref={input} type="file" accept="application/pdf,image/jpeg,image/png,image/webp" aria-describedby={`file-help-${uploadPath}`} />
              <Button type="submit" variant="default" loading={busy}>{t('training.upload')}</Button>
              {busy && progress > 0 && <Text size="sm">{Math.round(progress * 100)}%</Text>}
            </Group>
            <Text id={`file-help-${uploadPath}`} size="xs" c="dimmed">{t('training.filesHelp')}</Text>
            {error && <Alert color="red" role="alert" data-testid="upload-error">{error}</Alert>}
            {notice && <Alert color="green" role="status">{notice}</Alert>}
          </Stack>
        </form>
      )}
    </Stack>
  );
}
