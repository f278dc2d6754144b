/**
 * Quick measurement (not a test, not the benchmark): attendance rows/s through importSs12000
 * against a raw COPY of the same rows. `npx tsx src/ingest/ss12000/measure-import-speed.ts [rows] [pageSize]`;
 * PostgreSQL when DATABASE_URL is set (use a throwaway database), else in-memory PGlite.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { importSs12000 } from './import-ss12000.ts';
import { memorySource } from './memory-source.ts';

const rows = Number(process.argv[2] ?? 100_000);
const pageSize = Number(process.argv[3] ?? 5000);
const students = 1000;
const events = Math.ceil(rows / students);
const meta = { created: '2024-08-01T08:00:00Z', modified: '2024-08-15T08:00:00Z' };
const id = () => randomUUID();

const tenant = id();
const school = id();
const group = id();
const activity = id();
const persons = Array.from({ length: students }, (_, i) => ({ id: id(), meta, givenName: `Elev${i}`, familyName: 'Mätsson' }));
const calendarEvents = Array.from({ length: events }, (_, i) => ({
  id: id(), meta, activity: { id: activity },
  startTime: new Date(Date.UTC(2024, 8, 2) + i * 3_600_000).toISOString(), endTime: new Date(Date.UTC(2024, 8, 2) + i * 3_600_000 + 3_000_000).toISOString(),
}));
const attendances = calendarEvents.flatMap((e) => persons.map((p) => ({
  id: id(), meta, calendarEvent: { id: e.id }, student: { id: p.id }, isReported: true, attendanceMinutes: 50,
}))).slice(0, rows);

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
await migrateDatabase(database);
const source = memorySource({
  organisations: [
    { id: tenant, meta, displayName: 'Mätkommun', organisationType: 'Huvudman', organisationNumber: `212000${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`, municipalityCode: '0180' },
    { id: school, meta, displayName: 'Mätskolan', organisationType: 'Skolenhet', schoolUnitCode: '99999999', parentOrganisation: { id: tenant } },
  ],
  persons,
  groups: [{ id: group, meta, displayName: 'M1', groupType: 'Klass', organisation: { id: school }, startDate: '2024-08-15' }],
  activities: [{ id: activity, meta, displayName: 'Mät', calendarEventsRequired: true, startDate: '2024-08-15', groups: [{ id: group }], organisation: { id: school } }],
  calendarEvents,
  attendances,
}, pageSize);

let attendanceStart = 0;
let attendanceEnd = 0;
const report = await importSs12000(database, source, {
  onProgress: (p) => {
    if (p.endpoint === 'calendarEvents') attendanceStart = performance.now();
    if (p.endpoint === 'attendances') attendanceEnd = performance.now();
  },
});
if (report.status !== 'completed') throw new Error(JSON.stringify(report.errors.slice(0, 3)));
const importSeconds = (attendanceEnd - attendanceStart) / 1000;

// The same rows by COPY, into another tenant (no validation, no conflict handling).
const copyTenant = id();
const eventDate = new Map(calendarEvents.map((e) => [e.id, e.startTime.slice(0, 10)]));
const csv = attendances.map((a) => `${copyTenant},${id()},${a.calendarEvent.id},${a.student.id},${eventDate.get(a.calendarEvent.id)},t,50,0,0,0,,,${meta.modified}`).join('\n');
const copyStart = performance.now();
await database.copyCsv('attendances', ['tenant_id', 'id', 'calendar_event_id', 'student_id', 'lesson_date', 'is_reported', 'attendance_minutes',
  'valid_absence_minutes', 'invalid_absence_minutes', 'other_attendance_minutes', 'absence_reason', 'reported_at', 'source_modified'], csv);
const copySeconds = (performance.now() - copyStart) / 1000;

// Re-import: every document unchanged (the idempotent path).
const againStart = performance.now();
await importSs12000(database, source);
const againSeconds = (performance.now() - againStart) / 1000;

await database.db.execute(sql`SELECT 1`);
console.log(JSON.stringify({
  engine: database.kind, rows: attendances.length, pageSize,
  importRowsPerSecond: Math.round(attendances.length / importSeconds),
  copyRowsPerSecond: Math.round(attendances.length / copySeconds),
  reimportAllEndpointsSeconds: Number(againSeconds.toFixed(1)),
}));
await database.close();
