/**
 * The early-detection API, one contract for the server's routes and the web app's pages: the student-health worklist,
 * a student's early-detection page, the overview without names, mentors' connectedness ratings, and the
 * administrators' thresholds, capacities and model versions. The CSV export of the worklist and the HTML model
 * report are files, declared by the server alone.
 */
import { endpoint } from '../contract/endpoint.ts';
import {
  connectednessBody,
  earlyWarningLabels,
  emptyQuery,
  modelLabels,
  modelParams,
  settingsBody,
  studentParams,
  trainBody,
  worklistQuery,
} from './inputs.ts';
import {
  activation,
  modelList,
  overview,
  ratingSaved,
  settings,
  settingsSaved,
  studentEarlyWarning,
  trainResult,
  worklist,
} from './responses.ts';

const labels = earlyWarningLabels;

export const earlyWarningApi = {
  worklist: endpoint({ method: 'GET', path: '/api/early-warning/worklist', query: worklistQuery, response: worklist, labels }),
  student: endpoint({
    method: 'GET',
    path: '/api/early-warning/students/:id',
    params: studentParams,
    response: studentEarlyWarning,
    labels,
  }),
  overview: endpoint({ method: 'GET', path: '/api/early-warning/overview', query: emptyQuery, response: overview, labels }),
  rateConnectedness: endpoint({
    method: 'POST',
    path: '/api/early-warning/connectedness',
    body: connectednessBody,
    response: ratingSaved,
    labels,
  }),
  settings: endpoint({ method: 'GET', path: '/api/early-warning/settings', query: emptyQuery, response: settings, labels }),
  saveSettings: endpoint({ method: 'PUT', path: '/api/early-warning/settings', body: settingsBody, response: settingsSaved, labels }),
  models: endpoint({ method: 'GET', path: '/api/early-warning/models', query: emptyQuery, response: modelList, labels: modelLabels }),
  train: endpoint({ method: 'POST', path: '/api/early-warning/models', body: trainBody, response: trainResult, labels: modelLabels }),
  activate: endpoint({
    method: 'POST',
    path: '/api/early-warning/models/:id/activate',
    params: modelParams,
    response: activation,
    labels: modelLabels,
  }),
};

/** The CSV export's path (a file download: no response schema). */
export const worklistExportPath = '/api/early-warning/worklist.csv';
