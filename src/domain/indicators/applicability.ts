/**
 * Which units an indicator applies to. Remission, overstays, occupancy and inmate work happen only
 * where people are held (Lapas, Rutan, Cabang Rutan, LPKA, LPP); Pokmas Lipas groups are formed at
 * Bapas (Kepdirjenpas PAS-06.OT.02.02/2020); schooling is an LPKA programme and revitalisation a
 * Rupbasan one (Resolusi 2020 points 13 and 14). Elsewhere the indicator is "not applicable": no
 * light, no ranking — a Bapas is not "achieved" on remission because its target is 0.
 */
export const CUSTODIAL_TYPES = ['lapas', 'rutan', 'cabang_rutan', 'lpka', 'lpp'] as const;

const BY_SOURCE: Record<string, readonly string[]> = {
  remission: CUSTODIAL_TYPES,
  overstay: CUSTODIAL_TYPES,
  occupancy: CUSTODIAL_TYPES,
  workers: CUSTODIAL_TYPES,
  'work-days': CUSTODIAL_TYPES,
  premi: CUSTODIAL_TYPES,
  production: CUSTODIAL_TYPES,
  planted: CUSTODIAL_TYPES,
  harvest: CUSTODIAL_TYPES,
  pokmas: ['bapas'],
};

const BY_CODE: Record<string, readonly string[]> = {
  'RP20-03': CUSTODIAL_TYPES, // integration programmes are granted to inmates held
  'RP20-13': ['lpka'],
  'RP20-14': ['rupbasan'],
  'RP20-15': CUSTODIAL_TYPES,
};

export function appliesTo(indicator: { code: string; sourceKey: string | null }, uptType: string): boolean {
  const types = BY_CODE[indicator.code] ?? (indicator.sourceKey ? BY_SOURCE[indicator.sourceKey] : undefined);
  return types === undefined || types.includes(uptType);
}
