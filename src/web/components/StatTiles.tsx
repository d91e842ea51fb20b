import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Stat {
  label: string;
  /** Already formatted (rupiah, percentage, kilograms). */
  value: string;
  note?: ReactNode;
  testId?: string;
}

/** Figures read at a glance, when they are not plain counts (those use `Tiles`). */
export function StatTiles({ stats, label }: { stats: Stat[]; label?: string }) {
  return (
    <SimpleGrid
      cols={{ base: stats.length === 1 ? 1 : 2, sm: Math.min(3, stats.length) }}
      spacing="sm"
      component="ul"
      aria-label={label}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {stats.map((s) => (
        <li key={s.label} data-testid={s.testId}>
          <Paper withBorder p="sm" h="100%">
            <Text className="stat-value" fw={750} lh={1.15} data-value="">
              {s.value}
            </Text>
            <Text size="sm">{s.label}</Text>
            {s.note && (
              <Text size="xs" c="dimmed">
                {s.note}
              </Text>
            )}
          </Paper>
        </li>
      ))}
    </SimpleGrid>
  );
}
