/**
 * The importer's attendance rows per second beside a raw COPY of the same rows, in the same run.
 * Attendance is the table that grows (issue #4: ~1.5 million rows per region-day).
 */
import { randomUUID } from 'node:crypto';
import { importSs12000, memorySource } from '../src/ingest/ss12000/index.ts';
import type { Benchmark } from './harness.ts';
import { timed } from './harness.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const STUDENTS = 1000;
const meta = { created: '2025-08-01T08:00:00Z', modified: '2025-08-15T08:00:00Z' };

function syntheticOrganiser() {
  const id = () => randomUUID();
  const [tenant, school, group, activity] = [id(), id(), id(), id()];
  const persons = Array.from({ length: STUDENTS }, (_, i) => ({ id: id(), meta, givenName: `Elev${i}`, familyName: 'Mätsson' }));
  const day0 = Date.UTC(2025, 8, 1);
  const calendarEvents = Array.from({ length: Math.ceil(ROWS / STUDENTS) }, (_, i) => ({
    id: id(), meta, activity: { id: activity },
    startTime: new Date(day0 + i * 3_600_000).toISOString(), endTime: new Date(day0 + i * 3_600_000 + 3_000_000).toISOString(),
  }));
  const attendances = calendarEvents
    .flatMap((e) => persons.map((p) => ({ id: id(), meta, calendarEvent: { id: e.id }, student: { id: p.id }, isReported: true, attendanceMinutes: 50 })))
    .slice(0, ROWS);
  const documents = {
    organisations: [
      { id: tenant, meta, displayName: 'Mätkommun', organisationType: 'Huvudman', organisationNumber: '2120009999', municipalityCode: '1496' },
      { id: school, meta, displayName: 'Mätskolan', organisationType: 'Skolenhet', schoolUnitCode: '99999999', parentOrganisation: { id: tenant } },
    ],
    persons,
    groups: [{ id: group, meta, displayName: 'M1', groupType: 'Klass', organisation: { id: school }, startDate: '2025-08-15' }],
    activities: [{ id: activity, meta, displayName: 'Mät', calendarEventsRequired: true, startDate: '2025-08-15', groups: [{ id: group }], organisation: { id: school } }],
    calendarEvents,
    attendances,
  };
  const lessonDate = new Map(calendarEvents.map((e) => [e.id, e.startTime.slice(0, 10)]));
  const csv = attendances
    .map((a) => `${tenant},${a.id},${a.calendarEvent.id},${a.student.id},${lessonDate.get(a.calendarEvent.id)},t,50,0,0,0,,,${meta.modified}`)
    .join('\n');
  return { documents, csv, rows: attendances.length };
}

const columns = ['tenant_id', 'id', 'calendar_event_id', 'student_id', 'lesson_date', 'is_reported', 'attendance_minutes',
  'valid_absence_minutes', 'invalid_absence_minutes', 'other_attendance_minutes', 'absence_reason', 'reported_at', 'source_modified'];

export const importRows: Benchmark = {
  name: 'import rows/s',
  unit: 'rows/s',
  describe: `attendance rows/s through the SS 12000 importer (${ROWS} rows, 5,000 a page) / rows/s of a raw COPY of the same rows; higher is better`,
  async run(engine, log) {
    const { documents, csv, rows } = syntheticOrganiser();
    const importDb = await engine.fresh();
    let importSeconds: number;
    try {
      let started = 0;
      let ended = 0;
      const report = await importSs12000(importDb, memorySource(documents, 5000), {
        onProgress: (p) => {
          if (p.endpoint === 'calendarEvents') started = performance.now();
          if (p.endpoint === 'attendances') ended = performance.now();
        },
      });
      if (report.status !== 'completed') throw new Error(`importen misslyckades: ${JSON.stringify(report.errors.slice(0, 3))}`);
      importSeconds = (ended - started) / 1000;
    } finally {
      await importDb.close();
    }
    const copyDb = await engine.fresh();
    try {
      const { seconds: copySeconds } = await timed(() => copyDb.copyCsv('attendances', columns, csv));
      log(`${rows} rows: import ${importSeconds.toFixed(2)} s, COPY ${copySeconds.toFixed(2)} s`);
      return { value: rows / importSeconds, baseline: rows / copySeconds };
    } finally {
      await copyDb.close();
    }
  },
};
