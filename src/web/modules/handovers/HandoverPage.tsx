/**
 * One handover: the sender completes the pre-filled form and sends it; the receiving unit reads it, confirms receipt,
 * records the transition meeting and the follow-up. Every field named by the contract's label; errors at the field.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldLabels, handoverPdfPath, handoversApi, type HandoverView } from '../../../shared/handovers/contract.ts';
import { adaptationOutcomes } from '../../../shared/handovers/codes.ts';
import { adaptationOutcomeLabels, routeLabels, statusLabels } from '../../../shared/handovers/labels.ts';
import { call } from '../../shared/api.ts';
import { formatDate, formatPercent } from '../../shared/format.ts';
import { Field, FormProblem, useFieldLabel } from '../../shared/forms.tsx';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { HandoverFiles } from './HandoverFiles.tsx';

const textFields = [
  'strengths',
  'adaptations',
  'specialSupport',
  'knowledge',
  'unfinishedCourses',
  'language',
  'contacts',
  'informed',
] as const;

export default function HandoverPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  const label = useFieldLabel(fieldLabels);
  const [reload, setReload] = useState(0);
  const loaded = useLoad(() => call(handoversApi.read, { params: { id } }), `${id}:${reload}`);
  const [view, setView] = useState<HandoverView>();
  const h = view ?? loaded.data;
  useTitle(h ? t('handovers.page.title', { name: h.studentName }) : t('handovers.title'));
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const [sendNext, setSendNext] = useState(false);
  if (loaded.error !== undefined) return <ErrorMessage error={loaded.error} />;
  if (!h) return <Loading />;
  const run = async (work: () => Promise<HandoverView>, message: string) => {
    setError(undefined);
    setDone('');
    try {
      setView(await work());
      setDone(message);
    } catch (e) {
      setError(e);
      setReload((n) => n + 1);
      setView(undefined);
    }
  };
  const form = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    return new FormData(e.currentTarget);
  };
  const save = (e: FormEvent<HTMLFormElement>, thenSend: boolean) => {
    const data = form(e);
    const body = {
      version: h.version,
      ...Object.fromEntries(textFields.map((f) => [f, String(data.get(f) ?? '')])),
      consentBeyondPedagogical: data.get('consentBeyondPedagogical') === 'on',
      consentNote: String(data.get('consentNote') ?? ''),
      attachActionProgramme: data.get('attachActionProgramme') === 'on',
    } as Parameters<typeof call<typeof handoversApi.save>>[1] extends { body?: infer B } ? NonNullable<B> : never;
    return run(
      async () => {
        const saved = await call(handoversApi.save, { params: { id }, body });
        return thenSend ? call(handoversApi.send, { params: { id }, body: { version: saved.version } }) : saved;
      },
      t(thenSend ? 'handovers.page.sent' : 'handovers.page.saved'),
    );
  };
  return (
    <>
      <p>
        <Link to="/overlamningar">{t('handovers.page.back')}</Link>
      </p>
      <h1>{t('handovers.page.title', { name: h.studentName })}</h1>
      <p>
        {routeLabels[h.route][language]}: {h.fromUnitName} ({h.fromOrganiserName}) → {h.toUnitName} ({h.toOrganiserName})
        {h.startsOn && ` · ${t('handovers.page.starts', { date: formatDate(h.startsOn) })}`}
      </p>
      <p>
        {t('handovers.status')}: {statusLabels[h.status][language]}
        {h.overdue && <strong> · {t('handovers.overdue')}</strong>}
      </p>
      <p>
        <a href={handoverPdfPath(h.id)} download>
          {t('handovers.page.pdf')}
        </a>
      </p>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <FormProblem error={error} />
      <HandoverFiles
        h={h}
        onExported={() => {
          setView(undefined);
          setReload((n) => n + 1);
        }}
      />
      <section aria-labelledby="handover-facts">
        <h2 id="handover-facts">{t('handovers.page.facts')}</h2>
        <dl>
          <dt>{t('handovers.page.absence')}</dt>
          <dd>{h.facts.absenceShare === null ? t('handovers.page.unknown') : formatPercent(h.facts.absenceShare)}</dd>
          <dt>{t('handovers.page.eligible')}</dt>
          <dd>
            {h.facts.eligible === null ? t('handovers.page.unknown') : h.facts.eligible ? t('handovers.page.yes') : t('handovers.page.no')}
          </dd>
          <dt>{t('handovers.page.indicators')}</dt>
          <dd>{h.facts.indicators.length}</dd>
          <dt>{t('handovers.page.grades')}</dt>
          <dd>{h.facts.grades.map((g) => `${g.subject} ${g.grade}`).join(', ') || '–'}</dd>
        </dl>
      </section>
      <section aria-labelledby="handover-form">
        <h2 id="handover-form">{t('handovers.page.form')}</h2>
        {h.protectedIdentity && <p className="notice">{t('handovers.page.protectedNote')}</p>}
        {h.canEdit ? (
          <form onSubmit={(e) => void save(e, sendNext)}>
            <p className="help">{t('handovers.page.factual')}</p>
            {textFields
              .filter((f) => !(f === 'contacts' && h.protectedIdentity))
              .map((f) => (
                <Field key={f} id={`handover-${f}`} label={label(f)} field={f} error={error}>
                  {(p) => <textarea {...p} name={f} rows={3} defaultValue={h.content[f]} />}
                </Field>
              ))}
            <p>
              <input
                type="checkbox"
                id="handover-consent"
                name="consentBeyondPedagogical"
                defaultChecked={h.content.consentBeyondPedagogical}
              />{' '}
              <label htmlFor="handover-consent">{label('consentBeyondPedagogical')}</label>
            </p>
            <Field id="handover-consentNote" label={label('consentNote')} field="consentNote" error={error}>
              {(p) => <input {...p} name="consentNote" defaultValue={h.content.consentNote} />}
            </Field>
            <p>
              <input type="checkbox" id="handover-attach" name="attachActionProgramme" defaultChecked={h.content.attachActionProgramme} />{' '}
              <label htmlFor="handover-attach">{label('attachActionProgramme')}</label>
            </p>
            <button type="submit" onClick={() => setSendNext(false)}>
              {t('handovers.page.save')}
            </button>{' '}
            {!h.outside && (
              <button type="submit" onClick={() => setSendNext(true)}>
                {t('handovers.page.send')}
              </button>
            )}
          </form>
        ) : (
          <dl>
            {textFields
              .filter((f) => !(f === 'contacts' && h.protectedIdentity))
              .map((f) => (
                <div key={f}>
                  <dt>{label(f)}</dt>
                  <dd className="pre-wrap">{h.content[f] || '–'}</dd>
                </div>
              ))}
          </dl>
        )}
      </section>
      {h.canConfirm && (
        <p>
          <button
            type="button"
            onClick={() =>
              void run(() => call(handoversApi.confirm, { params: { id }, body: { version: h.version } }), t('handovers.page.confirmed'))
            }
          >
            {t('handovers.page.confirm')}
          </button>
        </p>
      )}
      {h.direction === 'received' && (
        <>
          <section aria-labelledby="handover-meeting">
            <h2 id="handover-meeting">{t('handovers.page.meeting')}</h2>
            <form
              onSubmit={(e) => {
                const d = form(e);
                void run(
                  () =>
                    call(handoversApi.meeting, {
                      params: { id },
                      body: {
                        version: h.version,
                        meetingOn: String(d.get('meetingOn') ?? ''),
                        meetingAttendees: String(d.get('meetingAttendees') ?? ''),
                        meetingMinutes: String(d.get('meetingMinutes') ?? ''),
                        meetingActions: String(d.get('meetingActions') ?? ''),
                      },
                    }),
                  t('handovers.page.saved'),
                );
              }}
            >
              <Field id="handover-meetingOn" label={label('meetingOn')} field="meetingOn" error={error}>
                {(p) => <input {...p} type="date" name="meetingOn" defaultValue={h.meetingOn ?? ''} />}
              </Field>
              {(['meetingAttendees', 'meetingMinutes', 'meetingActions'] as const).map((f) => (
                <Field key={f} id={`handover-${f}`} label={label(f)} field={f} error={error}>
                  {(p) => <textarea {...p} name={f} rows={2} defaultValue={h[f] ?? ''} />}
                </Field>
              ))}
              <button type="submit">{t('handovers.page.saveMeeting')}</button>
            </form>
          </section>
          <section aria-labelledby="handover-follow-up">
            <h2 id="handover-follow-up">{t('handovers.page.followUp')}</h2>
            {h.attendanceSinceStart !== null && (
              <p>
                {t('handovers.page.attendanceSince')}: {formatPercent(h.attendanceSinceStart)}
              </p>
            )}
            <form
              onSubmit={(e) => {
                const d = form(e);
                void run(
                  () =>
                    call(handoversApi.followUp, {
                      params: { id },
                      body: {
                        version: h.version,
                        adaptationsContinued: String(d.get('adaptationsContinued')) as (typeof adaptationOutcomes)[number],
                        followUpNote: String(d.get('followUpNote') ?? ''),
                      },
                    }),
                  t('handovers.page.saved'),
                );
              }}
            >
              <Field id="handover-adaptationsContinued" label={label('adaptationsContinued')} field="adaptationsContinued" error={error}>
                {(p) => (
                  <select {...p} name="adaptationsContinued" defaultValue={h.adaptationsContinued ?? 'yes'}>
                    {adaptationOutcomes.map((o) => (
                      <option key={o} value={o}>
                        {adaptationOutcomeLabels[o][language]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="handover-followUpNote" label={label('followUpNote')} field="followUpNote" error={error}>
                {(p) => <textarea {...p} name="followUpNote" rows={2} defaultValue={h.followUpNote ?? ''} />}
              </Field>
              <button type="submit">{t('handovers.page.saveFollowUp')}</button>
            </form>
          </section>
        </>
      )}
    </>
  );
}
