/**
 * The target group: the young people the municipality keeps itself informed about, each with the reason for
 * registration and the sources that put them on the list, their last contact and open measures. Filters by status,
 * reason, not contacted this half-year and name.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kaaApi, youthStatuses } from '../../../shared/kaa/contract.ts';
import { kaaRegistrationReasons } from '../../../shared/kaa/codes.ts';
import { deregistrationReasonLabels, evidenceSourceLabels, registrationReasonLabels } from '../../../shared/kaa/labels.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { Options, useLanguage } from './parts.tsx';
import './kaa.css';

type Status = (typeof youthStatuses)[number];

export default function TargetGroupPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  useTitle(t('kaa.list.title'));
  const [status, setStatus] = useState<Status>('in-group');
  const [reason, setReason] = useState('');
  const [notContacted, setNotContacted] = useState(false);
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = {
    status,
    ...(reason ? { reason: reason as (typeof kaaRegistrationReasons)[number] } : {}),
    ...(notContacted ? { notContacted: 'true' as const } : {}),
    ...(q ? { q } : {}),
    page,
  };
  const list = useLoad(() => call(kaaApi.list, { query }), JSON.stringify(query));
  const d = list.data;
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
    setPage(1);
  };
  const statusLabels: Record<Status, string> = {
    'in-group': t('kaa.list.statusInGroup'),
    deregistered: t('kaa.list.statusDeregistered'),
    dismissed: t('kaa.list.statusDismissed'),
    all: t('kaa.list.statusAll'),
  };
  return (
    <>
      <h1>{t('kaa.list.title')}</h1>
      <p>{t('kaa.list.intro')}</p>
      <form onSubmit={search} className="kaa-filters" aria-label={t('kaa.list.filters')}>
        <div className="kaa-field">
          <label htmlFor="kaa-status">{t('kaa.list.status')}</label>
          <select
            id="kaa-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status);
              setPage(1);
            }}
          >
            {youthStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="kaa-field">
          <label htmlFor="kaa-reason">{t('kaa.list.reason')}</label>
          <select
            id="kaa-reason"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('kaa.list.allReasons')}</option>
            <Options labels={registrationReasonLabels} codes={kaaRegistrationReasons} />
          </select>
        </div>
        <div className="kaa-field">
          <label htmlFor="kaa-q">{t('kaa.list.search')}</label>
          <input id="kaa-q" type="search" value={draft} maxLength={100} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <label className="kaa-check">
          <input
            type="checkbox"
            checked={notContacted}
            onChange={(e) => {
              setNotContacted(e.target.checked);
              setPage(1);
            }}
          />{' '}
          {t('kaa.list.notContacted')}
        </label>
        <button type="submit">{t('kaa.list.searchButton')}</button>
      </form>
      {list.loading && !d && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {d && d.items.length === 0 && <EmptyState text={t('kaa.list.empty')} />}
      {d && d.items.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="kaa-list">
              <caption>{t('kaa.list.caption', { count: d.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kaa.list.name')}</th>
                  <th scope="col">{t('kaa.list.why')}</th>
                  <th scope="col">{t('kaa.list.lastContact')}</th>
                  <th scope="col">{t('kaa.list.measures')}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((y) => (
                  <tr key={y.id}>
                    <th scope="row">
                      <Link to={`/aktivitetsansvar/ung/${y.id}`}>{y.name}</Link>
                      <span className="kaa-sub">{t('kaa.list.age', { age: y.age })}</span>
                      {y.protected && <span className="kaa-badge">{t('kaa.protectedIdentity')}</span>}
                    </th>
                    <td>
                      {y.dismissed
                        ? t('kaa.list.dismissedNote')
                        : y.deregistrationReason
                          ? `${deregistrationReasonLabels[y.deregistrationReason][language]} (${y.deregisteredOn ? formatDate(y.deregisteredOn) : '–'})`
                          : y.registrationReason
                            ? registrationReasonLabels[y.registrationReason][language]
                            : '–'}
                      {y.sources.length > 0 && (
                        <span className="kaa-sub">
                          {t('kaa.list.sources')}: {y.sources.map((s) => evidenceSourceLabels[s][language]).join(', ')}
                        </span>
                      )}
                    </td>
                    <td>{y.lastContactOn ? formatDate(y.lastContactOn) : t('kaa.list.noContact')}</td>
                    <td>
                      {y.openMeasures > 0 ? t('kaa.list.openMeasures', { count: y.openMeasures }) : '–'}
                      {y.nextFollowUpOn && (
                        <span className="kaa-sub">{t('kaa.list.nextFollowUp', { date: formatDate(y.nextFollowUpOn) })}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.total > d.pageSize && (
            <nav className="kaa-pager" aria-label={t('kaa.list.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('kaa.list.previous')}
              </button>
              <span>{t('kaa.list.pageOf', { page, pages: Math.ceil(d.total / d.pageSize) })}</span>
              <button type="button" disabled={page * d.pageSize >= d.total} onClick={() => setPage(page + 1)}>
                {t('kaa.list.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
