/** The follow-up module's routes: completion by cohort, goals, the national comparison, the economic model and the region's goals. */
import type { RouteDefinition } from '../../platform/routes.ts';
import { completionRoutes } from './completion-routes.ts';
import { economicsRoutes } from './economics-routes.ts';
import { goalRoutes } from './goals-routes.ts';
import { nationalRoutes } from './national-routes.ts';
import { regionGoalRoutes } from './region-goals-routes.ts';

export function followUpRoutes(): RouteDefinition[] {
  return [...completionRoutes(), ...goalRoutes(), ...nationalRoutes(), ...economicsRoutes(), ...regionGoalRoutes()];
}
