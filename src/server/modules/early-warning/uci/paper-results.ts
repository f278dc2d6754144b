/**
 * Cortez & Silva (2008), Table 3, binary task: the best PCC (%) per subject and setup over NV, NN, SVM, DT and RF
 * (assets/uci-student-performance/paper-results.md).
 */
import type { UciSetup, UciSubject } from './dataset.ts';

/** The paper's best accuracy (as a share, 0–1), the method that reached it and its ± 95 % half-width. */
export const PAPER_BEST: Record<UciSubject, Record<UciSetup, { accuracy: number; method: string; halfWidth: number }>> = {
  mat: {
    A: { accuracy: 0.919, method: 'NV', halfWidth: 0 },
    B: { accuracy: 0.838, method: 'NV', halfWidth: 0 },
    C: { accuracy: 0.706, method: 'SVM', halfWidth: 0.004 },
  },
  por: {
    A: { accuracy: 0.93, method: 'DT', halfWidth: 0.003 },
    B: { accuracy: 0.901, method: 'RF', halfWidth: 0.002 },
    C: { accuracy: 0.85, method: 'RF', halfWidth: 0.002 },
  },
};
