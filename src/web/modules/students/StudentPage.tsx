/** One student: enrolments, contact (when the role may and the identity is not protected), attendance chart, grades. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call } from '../../shared/api.ts';
import { studentsApi } from '../../../shared/students/contract.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { ContactSection } from './ContactSection.tsx';
import { schoolTypeLabel } from './school-types.ts';

// ECharts is the heaviest part of the app: loaded only when a chart is shown.
const AttendanceChart = lazy(() => import('./AttendanceChart.tsx').then((m) => ({ default: m.AttendanceChart })));

export default function StudentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading } = useLoad(() => call(studentsApi.read, { params: { id } }), id);
  const name = data ? [data.givenName, data.middleName, data.familyName].filter(Boolean).join(' ') : t('students.title');
  useTitle(name);
  if (loading && !data) return <Loading />;
  if (error !== undefined || !data)
    return (
      <>
        <ErrorMessage error={error} />
        <p>
          <Link to="/elever">{t('students.back')}</Link>
        </p>
      </>
    );
  return (
    <>
      <p>
        <Link to="/elever">{t('students.back')}</Link>
      </p>
      <h1>{name}</h1>
      {data.protectedIdentity && (
        <p className="notice" role="note">
          {t('students.protected')}
        </p>
      )}
      <ContactSection data={data} />
      <section aria-labelledby="enrolments-h">
        <h2 id="enrolments-h">{t('students.enrolments')}</h2>
        <table>
          <caption>{t('students.enrolmentsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('students.school')}</th>
              <th scope="col">{t('students.schoolType')}</th>
              <th scope="col">{t('students.year')}</th>
              <th scope="col">{t('students.programme')}</th>
              <th scope="col">{t('students.from')}</th>
              <th scope="col">{t('students.to')}</th>
            </tr>
          </thead>
          <tbody>
            {data.enrolments.map((e) => (
              <tr key={`${e.schoolUnit.id}-${e.startDate}`}>
                <td>{e.schoolUnit.name}</td>
                <td>{schoolTypeLabel(e.schoolType, t)}</td>
                <td>{e.schoolYear ?? '–'}</td>
                <td>{e.programmeCode ?? '–'}</td>
                <td>{e.startDate}</td>
                <td>{e.cancelled ? t('students.cancelled') : (e.endDate ?? t('students.ongoing'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {data.attendanceByMonth && (
        <section aria-labelledby="attendance-h">
          <h2 id="attendance-h">{t('students.attendance')}</h2>
          {data.attendanceByMonth.length === 0 ? (
            <EmptyState text={t('students.attendanceNone')} />
          ) : (
            <Suspense fallback={<Loading />}>
              <AttendanceChart months={data.attendanceByMonth} />
            </Suspense>
          )}
        </section>
      )}
      {data.grades && (
        <section aria-labelledby="grades-h">
          <h2 id="grades-h">{t('students.grades')}</h2>
          {data.grades.length === 0 ? (
            <EmptyState text={t('students.gradesNone')} />
          ) : (
            <table>
              <caption>{t('students.gradesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('students.subject')}</th>
                  <th scope="col">{t('students.points')}</th>
                  <th scope="col">{t('students.grade')}</th>
                  <th scope="col">{t('students.date')}</th>
                </tr>
              </thead>
              <tbody>
                {data.grades.map((g) => (
                  <tr key={g.id}>
                    <td>{g.courseName ?? g.subject ?? g.courseCode}</td>
                    <td>{g.points ?? '–'}</td>
                    <td>
                      {g.grade} <span className="muted">({g.final ? t('students.gradeFinal') : t('students.gradeInterim')})</span>
                    </td>
                    <td>{g.registeredDate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
