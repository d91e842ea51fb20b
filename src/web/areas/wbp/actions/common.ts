import type { Wbp } from '../api.ts';

/** What every action form gets: the inmate as last loaded, and what to do after saving or on a conflict. */
export interface ActionProps {
  wbp: Wbp;
  today: string;
  onSaved: (next: Wbp, notice: string) => void;
  onReload: () => void;
}
