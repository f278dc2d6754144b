/** Who may be made responsible at a school unit (GET /api/interventions/responsibles), for the pickers. */
import { api } from '../../shared/api.ts';
import { useLoad } from '../../shared/states.tsx';
import type { Responsible } from './types.ts';

export function useResponsibles(schoolUnitId: string | null | undefined, enabled = true) {
  return useLoad(
    () => (schoolUnitId && enabled
      ? api<{ items: Responsible[] }>(`/api/interventions/responsibles?schoolUnitId=${encodeURIComponent(schoolUnitId)}`).then((r) => r.items)
      : Promise.resolve([] as Responsible[])),
    `${schoolUnitId ?? ''}:${String(enabled)}`,
  );
}
