/**
 * Who may be made responsible (GET /api/interventions/responsibles), for the pickers: for a case, the unit's
 * student-health staff and principal; for an intervention (`studentId`), also the student's own mentors.
 */
import { api } from '../../shared/api.ts';
import { useLoad } from '../../shared/states.tsx';
import type { Responsible } from './types.ts';

export function useResponsibles(schoolUnitId: string | null | undefined, options: { enabled?: boolean; studentId?: string } = {}) {
  const { enabled = true, studentId } = options;
  const query = `schoolUnitId=${encodeURIComponent(schoolUnitId ?? '')}${studentId ? `&studentId=${encodeURIComponent(studentId)}` : ''}`;
  return useLoad(
    () => (schoolUnitId && enabled
      ? api<{ items: Responsible[] }>(`/api/interventions/responsibles?${query}`).then((r) => (studentId ? r.items : r.items.filter((p) => p.forCase)))
      : Promise.resolve([] as Responsible[])),
    `${query}:${String(enabled)}`,
  );
}
