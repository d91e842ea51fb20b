import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatNumber } from '../format.ts';

export interface Tile {
  label: string;
  value: number;
  color: string;
  to?: string;
}

/** Big counts an officer reads at a glance; red only when there is something to act on. */
export function Tiles({ tiles }: { tiles: Tile[] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: tiles.length > 3 ? 4 : tiles.length }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {tiles.map((tile) => {
        const value = (
          <Text span fz={28} fw={750} lh={1.1} c={tile.value > 0 && tile.color !== 'yellow' ? tile.color : undefined}>
            {formatNumber(tile.value)}
          </Text>
        );
        return (
          <li key={tile.label}>
            <Paper withBorder p="sm" h="100%" style={tile.value > 0 ? { borderLeft: `4px solid var(--mantine-color-${tile.color}-6)` } : undefined}>
              {tile.to ? (
                <Anchor component={Link} to={tile.to} underline="never">
                  {value}
                </Anchor>
              ) : (
                value
              )}
              <Text size="sm">{tile.label}</Text>
            </Paper>
          </li>
        );
      })}
    </SimpleGrid>
  );
}
