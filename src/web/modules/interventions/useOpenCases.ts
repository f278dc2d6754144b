/**
 * The actor's open cases by student id, so a worklist row or a student page links to the case instead of offering a
 * second one. One request of up to 100 open cases (of a unit when filtered); a student beyond those still gets the
 * server's 409 with a link when a case is opened.
 */
import { api, queryString } from '../../shared/api.ts';
import { useCan } from '../../shared/session.tsx';
import { useLoad } from '../../shared/states.tsx';
import type { CaseList } from './types.ts';

export function useOpenCases(options: { schoolUnitId?: string; q?: string } = {}): Map<string, string> {
  const can = useCan('interventions.read');
  const query = queryString({ status: 'open', schoolUnitId: options.schoolUnitId, q: options.q, pageSize: 100 });
  const list = useLoad(() => (can ? api<CaseList>(`/api/interventions/cases${query}`) : Promise.resolve(null)), `${String(can)}${query}`);
  return new Map((list.data?.items ?? []).map((c) => [c.student.id, c.id]));
}
