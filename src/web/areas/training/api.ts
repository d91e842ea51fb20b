import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Certificate, EnrolReport, Programme, ProgrammeDetail, Realisation } from '../../../shared/schemas/training.ts';
import { get, type Query } from '../../api/client.ts';

export type { Certificate, EnrolReport, Programme, ProgrammeDetail, Realisation };

export interface WbpTraining {
  participations: Array<{ id: number; programmeId: number; programmeName: string; skill: string; uptName: string; startDate: string; endDate: string; lessonHours: number; status: string; attendedHours: number; completedOn: string | null }>;
  tests: Certificate[];
}

export const trainingKeys = {
  programmes: (q: Query) => ['training-programmes', q] as const,
  programme: (id: number) => ['training-programme', id] as const,
  realisation: (q: Query) => ['training-realisation', q] as const,
  wbp: (wbpId: number) => ['wbp-training', wbpId] as const,
};

export const usePrograms = (q: Query) =>
  useQuery<Programme[]>({ queryKey: trainingKeys.programmes(q), queryFn: ({ signal }) => get<{ items: Programme[] }>('/training/programmes', q, signal).then((r) => r.items), placeholderData: keepPreviousData });

export const useProgramme = (id: number) =>
  useQuery({ queryKey: trainingKeys.programme(id), queryFn: ({ signal }) => get<ProgrammeDetail>(`/training/programmes/${id}`, undefined, signal), enabled: id > 0 });

export const useRealisation = (q: { from: string; to: string }) =>
  useQuery({ queryKey: trainingKeys.realisation(q), queryFn: ({ signal }) => get<Realisation>('/training/realisation', q, signal), placeholderData: keepPreviousData });

export const useWbpTraining = (wbpId: number) =>
  useQuery({ queryKey: trainingKeys.wbp(wbpId), queryFn: ({ signal }) => get<WbpTraining>(`/wbp/${wbpId}/training`, undefined, signal), enabled: wbpId > 0 });
