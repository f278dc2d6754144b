/** Response shapes of the early-warning API (src/server/modules/early-warning/present.ts). */
export type Probability = { status: 'ok'; value: number; lower: number | null; upper: number | null } | { status: 'insufficient' } | { status: 'no-model' };
export interface Reason { feature: string; sv: string; en: string; contribution: number }
export interface TrendPoint { asOf: string; attendance: number | null; probability: number | null; tier: number }

export interface WorklistItem {
  id: string; givenName: string; familyName: string; schoolUnit: { id: string; name: string | null }; schoolYear: number | null;
  programmeCode: string | null; tier: number; flags: string[]; probability: Probability; reasons: Reason[]; onset: string | null;
  trend: TrendPoint[]; attendance: number | null; unitRank: number; withinCapacity: boolean;
  /** The student's open intervention case, if any. */
  openCaseId: string | null;
}
export interface Worklist { items: WorklistItem[]; total: number; page: number; pageSize: number; asOf: string | null; capacity: number | null }

export interface IndicatorEpisode {
  indicator: string; onset: string; lastSeen: string; status: 'active' | 'resolved'; resolvedOn: string | null; severity: 'caution' | 'flag' | 'severe';
  counts: boolean; value: number | null; details: Record<string, unknown>; expiresOn: string;
}
export interface StudentEarlyWarning {
  current: null | {
    asOf: string; tier: number; flags: string[]; schoolUnit: { id: string; name: string | null }; schoolYear: number | null;
    programmeCode: string | null; probability: Probability; reasons: Reason[]; measures: Record<string, number | null>;
  };
  indicators: IndicatorEpisode[];
  history: TrendPoint[];
  student: { givenName: string; familyName: string } | null;
  openCaseId: string | null;
}

/** Why a count is null: fewer than 5, or hidden so that a small count beside it cannot be worked out by subtraction. */
export type Suppressed = 'small' | 'complementary' | null;

export interface Overview {
  asOf: string | null;
  units: { schoolUnitId: string; name: string | null; tier: number; count: number | null; suppressed: Suppressed }[];
  indicators: { indicator: string; count: number | null; suppressed: Suppressed }[];
  years: { schoolType: string; schoolYear: number | null; tier: number; count: number | null; suppressed: Suppressed }[];
  programmes: { programmeCode: string | null; tier: number; count: number | null; suppressed: Suppressed }[];
}

export interface ModelVersion {
  id: string; version: number; stage: 'GY' | 'GR'; kind: string; status: 'candidate' | 'active' | 'retired'; trainedAsOf: string; testAuc: number; rulesAuc: number;
  createdAt: string; activatedAt: string | null;
}

export interface TrainResult { results: { stage: 'GY' | 'GR'; model?: ModelVersion; refused?: string }[] }
