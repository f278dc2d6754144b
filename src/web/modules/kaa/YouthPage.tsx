/**
 * A young person in the register: who (never an address for a protected identity), why they are on the list (each
 * criterion with its source), registration periods, contacts, occupation, the plan, measures with their outcome,
 * notices about them, dismissals; and the officer's forms (contact, measure, closing a measure, dismissal).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { kaaApi } from '../../../shared/kaa/contract.ts';
import {
  contactKindLabels,
  contactOutcomeLabels,
  criterionLabels,
  deregistrationReasonLabels,
  dismissalReasonLabels,
  evidenceSourceLabels,
  measureEndReasonLabels,
  measureKindLabels,
  measureResponsibleLabels,
  noticeKindLabels,
  noticeReasonLabels,
  noticeStatusLabels,
  occupationKindLabels,
  occupationTimingLabels,
  reasonSourceLabels,
  registrationReasonLabels,
} from '../../../shared/kaa/labels.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { KaaHandoverSection } from '../handovers/KaaHandoverSection.tsx';
import { useLanguage } from './parts.tsx';
import { OccupationForm, PlanForm } from './PlanForms.tsx';
import { DeregisterForm, RegisterForm } from './RegistrationForms.tsx';
import { CloseMeasureForm, ContactForm, DismissForm, MeasureForm } from './WorkForms.tsx';
import './kaa.css';

export default function YouthPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const [reload, setReload] = useState(0);
  const youth = useLoad(() => call(kaaApi.read, { params: { id } }), `${id}:${reload}`);
  const y = youth.data;
  useTitle(y?.name ?? t('kaa.youth.title'));
  const saved = () => setReload((n) => n + 1);
  const day = (d: string | null) => (d ? formatDate(d) : '–');
  const dismissed = y?.dismissals.some((d) => d.revokedAt === null) ?? false;
  return (
    <>
      <p>
        <Link to="/aktivitetsansvar">{t('kaa.youth.back')}</Link>
      </p>
      {youth.loading && !y && <Loading />}
      {youth.error !== undefined && <ErrorMessage error={youth.error} />}
      {y && (
        <>
          <h1>{y.name}</h1>
          <p>
            {t('kaa.youth.born', { date: formatDate(y.birthDate), age: y.age })}{' '}
            {y.inGroup ? t('kaa.youth.inGroup') : dismissed ? t('kaa.youth.dismissedNow') : t('kaa.youth.notInGroup')}
          </p>
          {y.protected ? (
            <p className="notice">{t('kaa.youth.protected')}</p>
          ) : (
            <dl className="kaa-facts">
              <dt>{t('kaa.youth.address')}</dt>
              <dd>{y.address ? `${y.address.streetAddress}, ${y.address.postalCode} ${y.address.locality}` : '–'}</dd>
              <dt>{t('kaa.youth.phone')}</dt>
              <dd>{y.phone ?? '–'}</dd>
              <dt>{t('kaa.youth.email')}</dt>
              <dd>{y.email ?? '–'}</dd>
            </dl>
          )}

          <section aria-labelledby="kaa-why">
            <h2 id="kaa-why">{t('kaa.youth.why')}</h2>
            <table>
              <caption>{t('kaa.youth.criteriaCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kaa.youth.criterion')}</th>
                  <th scope="col">{t('kaa.youth.holds')}</th>
                  <th scope="col">{t('kaa.youth.source')}</th>
                </tr>
              </thead>
              <tbody>
                {y.criteria.map((c) => (
                  <tr key={c.criterion}>
                    <th scope="row">{criterionLabels[c.criterion][language]}</th>
                    <td>{c.holds ? t('kaa.youth.yes') : t('kaa.youth.no')}</td>
                    <td>
                      {evidenceSourceLabels[c.source][language]}
                      {c.organiserName ? ` (${c.organiserName})` : ''}
                      {c.date ? `, ${formatDate(c.date)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul>
              {y.registrations.map((r) => (
                <li key={r.id}>
                  {t('kaa.youth.registered', {
                    date: formatDate(r.registeredOn),
                    reason: registrationReasonLabels[r.registrationReason][language],
                    source: reasonSourceLabels[r.registrationSource][language],
                  })}
                  {r.deregisteredOn &&
                    ` ${t('kaa.youth.deregistered', {
                      date: formatDate(r.deregisteredOn),
                      reason: r.deregistrationReason ? deregistrationReasonLabels[r.deregistrationReason][language] : '–',
                    })}`}
                </li>
              ))}
            </ul>
            {y.dismissals.map((d) => (
              <p key={d.id} className="notice">
                {t('kaa.youth.dismissal', {
                  date: formatDate(d.dismissedAt.slice(0, 10)),
                  reason: dismissalReasonLabels[d.reason][language],
                  by: d.dismissedBy?.name ?? '–',
                })}
                {d.note ? ` ${d.note}` : ''}
                {d.causedByOrganiserName ? ` ${t('kaa.youth.causedBy', { organiser: d.causedByOrganiserName })}` : ''}
              </p>
            ))}
            {y.inGroup && <DeregisterForm youthId={y.id} version={y.version} onSaved={saved} />}
            {!y.inGroup && !dismissed && <RegisterForm youthId={y.id} version={y.version} onSaved={saved} />}
          </section>

          <section aria-labelledby="kaa-contacts">
            <h2 id="kaa-contacts">{t('kaa.youth.contacts')}</h2>
            {y.contacts.length === 0 ? (
              <p>{t('kaa.youth.noContacts')}</p>
            ) : (
              <ul>
                {y.contacts.map((c) => (
                  <li key={c.id}>
                    {formatDate(c.contactedOn)}: {contactKindLabels[c.kind][language]} – {contactOutcomeLabels[c.outcome][language]}
                    {c.note ? `. ${c.note}` : ''}
                    {c.recordedBy ? ` (${c.recordedBy.name})` : ''}
                  </li>
                ))}
              </ul>
            )}
            {y.inGroup && <ContactForm youthId={y.id} onSaved={saved} />}
          </section>

          <section aria-labelledby="kaa-occupation">
            <h2 id="kaa-occupation">{t('kaa.youth.occupation')}</h2>
            {y.occupations.length === 0 ? (
              <p>{t('kaa.youth.noOccupation')}</p>
            ) : (
              <ul>
                {y.occupations.map((o) => (
                  <li key={o.id}>
                    {occupationTimingLabels[o.timing][language]}: {occupationKindLabels[o.kind][language]}
                    {o.description ? ` – ${o.description}` : ''} ({day(o.fromDate)} – {day(o.toDate)})
                  </li>
                ))}
              </ul>
            )}
            <OccupationForm youthId={y.id} onSaved={saved} />
            <h3>{t('kaa.youth.plan')}</h3>
            {y.plan ? (
              <dl className="kaa-facts">
                <dt>{t('kaa.youth.goal')}</dt>
                <dd>{y.plan.goal}</dd>
                <dt>{t('kaa.youth.planText')}</dt>
                <dd>{y.plan.plan}</dd>
                <dt>{t('kaa.youth.established')}</dt>
                <dd>{formatDate(y.plan.establishedOn)}</dd>
              </dl>
            ) : (
              <p>{t('kaa.youth.noPlan')}</p>
            )}
            <PlanForm key={y.plan?.version ?? 0} youthId={y.id} plan={y.plan} onSaved={saved} />
          </section>

          <section aria-labelledby="kaa-measures">
            <h2 id="kaa-measures">{t('kaa.youth.measures')}</h2>
            {y.measures.length === 0 && <p>{t('kaa.youth.noMeasures')}</p>}
            {y.measures.map((m) => (
              <article key={m.id} className="kaa-measure" aria-label={measureKindLabels[m.kind][language]}>
                <h3>
                  {measureKindLabels[m.kind][language]} ({formatDate(m.startDate)} – {day(m.endDate)})
                </h3>
                <p>{m.description}</p>
                <dl className="kaa-facts">
                  <dt>{t('kaa.youth.responsible')}</dt>
                  <dd>{measureResponsibleLabels[m.responsible][language]}</dd>
                  {m.youngPersonPart && (
                    <>
                      <dt>{t('kaa.youth.youngPersonPart')}</dt>
                      <dd>{m.youngPersonPart}</dd>
                    </>
                  )}
                  {m.municipalityPart && (
                    <>
                      <dt>{t('kaa.youth.municipalityPart')}</dt>
                      <dd>{m.municipalityPart}</dd>
                    </>
                  )}
                  {m.otherActor && (
                    <>
                      <dt>{t('kaa.youth.otherActor')}</dt>
                      <dd>
                        {m.otherActor}
                        {m.otherActorPart ? `: ${m.otherActorPart}` : ''}
                      </dd>
                    </>
                  )}
                  <dt>{t('kaa.youth.followUp')}</dt>
                  <dd>
                    {day(m.followUpOn)} / {day(m.evaluationOn)}
                  </dd>
                  {m.status === 'closed' && (
                    <>
                      <dt>{t('kaa.youth.ended')}</dt>
                      <dd>{m.endReason ? measureEndReasonLabels[m.endReason][language] : '–'}</dd>
                      <dt>{t('kaa.youth.outcome')}</dt>
                      <dd>{m.outcome ? occupationKindLabels[m.outcome][language] : t('kaa.youth.outcomeUnknown')}</dd>
                    </>
                  )}
                </dl>
                {m.status === 'open' && <CloseMeasureForm measureId={m.id} version={m.version} onSaved={saved} />}
              </article>
            ))}
            {y.inGroup && <MeasureForm youthId={y.id} onSaved={saved} />}
          </section>

          <KaaHandoverSection youthId={id} />
          <section aria-labelledby="kaa-notices">
            <h2 id="kaa-notices">{t('kaa.youth.notices')}</h2>
            {y.notices.length === 0 ? (
              <p>{t('kaa.youth.noNotices')}</p>
            ) : (
              <ul>
                {y.notices.map((n) => (
                  <li key={n.id}>
                    {formatDate(n.eventDate)}: {noticeKindLabels[n.kind][language]} – {noticeReasonLabels[n.reason][language]},{' '}
                    {n.schoolUnitName}
                    {n.programme ? `, ${n.programme}` : ''} ({n.counterpartName}; {noticeStatusLabels[n.status][language]})
                  </li>
                ))}
              </ul>
            )}
          </section>

          {y.inGroup && (
            <section aria-labelledby="kaa-dismiss-form">
              <DismissForm youthId={y.id} onSaved={saved} />
            </section>
          )}
        </>
      )}
    </>
  );
}
