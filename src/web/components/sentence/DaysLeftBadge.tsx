import { Badge } from '@mantine/core';
import { urgencyColor, useSentenceText } from './text.ts';

/** "2 hari lagi" / "Berakhir hari ini" / "Lewat 3 hari", coloured by urgency (filled: readable on white). */
export function DaysLeftBadge({ daysLeft }: { daysLeft: number }) {
  const s = useSentenceText();
  const color = urgencyColor(daysLeft);
  return (
    // Red and orange are darkened in theme.ts; Mantine's auto contrast would judge them by their
    // original light tones and pick black text. Only yellow needs dark text.
    <Badge
      color={color}
      variant={color === 'gray' ? 'light' : 'filled'}
      autoContrast={color === 'yellow'}
      style={{ textTransform: 'none' }}
      data-days-left={daysLeft}
    >
      {s.daysLeft(daysLeft)}
    </Badge>
  );
}
