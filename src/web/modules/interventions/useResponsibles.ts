/**
 * Who may be made responsible (GET /api/interventions/responsibles), for the pickers: for a case, the unit's
 * student-health staff and principal; for an intervention (`studentId`), also the student's own mentors.
 */
import { peopleApi, type Responsible } from '../../../shared/interventions/people.ts';
import { call } from '../../shared/api.ts';
import { useLoad } from '../../shared/states.tsx';

export function useResponsibles(schoolUnitId: string | null | undefined, options: { enabled?: boolean; studentId?: string } = {}) {
  const { enabled = true, studentId } = options;
  const key = `${schoolUnitId ?? ''}:${studentId ?? ''}`;
  return useLoad(
    () =>
      schoolUnitId && enabled
        ? call(peopleApi.responsibles, { query: { schoolUnitId, studentId } }).then((r) =>
            studentId ? r.items : r.items.filter((p) => p.forCase),
          )
        : Promise.resolve([] as Responsible[]),
    `${key}:${String(enabled)}`,
  );
}
