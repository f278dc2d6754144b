/**
 * Notices between organisers (skollagen 15 kap. 15 §): those received by the home municipality — matched to a young
 * person or listed as unmatched — with a receipt, and those sent; each with when it was sent, received and receipted.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kaaApi } from '../../../shared/kaa/contract.ts';
import { noticeChannelLabels, noticeKindLabels, noticeReasonLabels, noticeStatusLabels } from '../../../shared/kaa/labels.ts';
import { call } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { FormProblem, useLanguage } from './parts.tsx';
import './kaa.css';

export default function NoticesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  useTitle(t('kaa.notices.title'));
  const [direction, setDirection] = useState<'received' | 'sent'>('received');
  const [unmatched, setUnmatched] = useState(false);
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<unknown>();
  const query = { direction, ...(unmatched ? { unmatched: 'true' as const } : {}) };
  const list = useLoad(() => call(kaaApi.notices, { query }), `${JSON.stringify(query)}:${reload}`);
  const d = list.data;
  const receipt = async (id: string) => {
    setError(undefined);
    try {
      await call(kaaApi.noticeReceipt, { params: { id }, body: {} });
      setReload((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };
  const when = (at: string | null) => (at ? formatDateTime(at) : '–');
  return (
    <>
      <h1>{t('kaa.notices.title')}</h1>
      <p>{t('kaa.notices.intro')}</p>
      <div className="kaa-inline-form" role="group" aria-label={t('kaa.notices.show')}>
        <label htmlFor="kaa-direction">{t('kaa.notices.direction')}</label>
        <select id="kaa-direction" value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
          <option value="received">{t('kaa.notices.received')}</option>
          <option value="sent">{t('kaa.notices.sent')}</option>
        </select>
        {direction === 'received' && (
          <label className="kaa-check">
            <input type="checkbox" checked={unmatched} onChange={(e) => setUnmatched(e.target.checked)} /> {t('kaa.notices.unmatchedOnly')}
          </label>
        )}
      </div>
      <FormProblem error={error} />
      {list.loading && !d && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {d && d.items.length === 0 && <EmptyState text={t('kaa.notices.empty')} />}
      {d && d.items.length > 0 && (
        <ul className="kaa-notices">
          {d.items.map((n) => (
            <li key={n.id} className="kaa-notice">
              <h2 className="kaa-notice-title">
                {n.youthId ? <Link to={`/aktivitetsansvar/ung/${n.youthId}`}>{n.name}</Link> : n.name}: {noticeKindLabels[n.kind][language]}{' '}
                {formatDate(n.eventDate)}
              </h2>
              <p>
                {noticeReasonLabels[n.reason][language]} – {n.schoolUnitName}
                {n.programme ? `, ${n.programme}` : ''}
              </p>
              <p>
                {direction === 'received'
                  ? t('kaa.notices.from', { name: n.counterpartName })
                  : t('kaa.notices.to', { name: n.counterpartName })}{' '}
                ({noticeChannelLabels[n.channel][language]}) · {noticeStatusLabels[n.status][language]}
              </p>
              <p className="kaa-sub">
                {t('kaa.notices.times', { sent: when(n.sentAt ?? n.exportedAt), received: when(n.receivedAt), receipt: when(n.receiptAt) })}
              </p>
              {direction === 'received' && !n.matched && <p className="notice">{t('kaa.notices.unmatched')}</p>}
              {direction === 'received' && n.receiptAt === null && (
                <button type="button" onClick={() => void receipt(n.id)}>
                  {t('kaa.notices.receipt')}
                  <span className="visually-hidden"> ({n.name})</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
