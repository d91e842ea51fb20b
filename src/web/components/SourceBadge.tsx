import { Anchor, Badge, Text } from '@mantine/core';
import { useT } from '../i18n/index.ts';

/**
 * Where a value comes from. Generated sample values carry a visible "data contoh / generated"
 * badge; published ones name their source; officer-entered ones say so only in detail views.
 */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

export function SourceBadge({ source, detail = false }: { source: string | null | undefined; detail?: boolean }) {
  const { t } = useT();
  if (!source) return null;
  if (source === 'generated') {
    return (
      <Badge color="orange" size="sm" ml={6} title={t('common.generatedHelp')} style={{ verticalAlign: 'middle', textTransform: 'none' }}>
        {t('common.generated')}
      </Badge>
    );
  }
  if (!detail) return null;
  if (source.startsWith('published:')) {
    const text = source.slice('published:'.length).trim();
    const m = /^(https?:\/\/\S+)\s*(.*)$/.exec(text);
    return (
      <Text component="span" size="xs" c="dimmed" ml={6}>
        {m ? (
          <>
            {t('common.published', { source: '' })}
            <Anchor href={m[1]} target="_blank" rel="noreferrer noopener" size="xs">
              {hostOf(m[1]!)}
            </Anchor>{' '}
            {m[2]}
          </>
        ) : (
          t('common.published', { source: text })
        )}
      </Text>
    );
  }
  if (source === 'manual') {
    return (
      <Text component="span" size="xs" c="dimmed" ml={6}>
        ({t('common.manual')})
      </Text>
    );
  }
  return null;
}
