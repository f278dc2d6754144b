/** The access-log rows as a person reads them: Swedish time, the user's name, labels for roles, action and outcome, students by name. */
import { useTranslation } from 'react-i18next';
import type { AccessLogItem } from '../../../shared/access-log/contract.ts';
import { formatDateTime } from '../../shared/format.ts';

/** Names shown per row; the rest are counted ("och 20 till"), the CSV lists them all. */
const namesShown = 5;

export function AccessLogTable({ items }: { items: AccessLogItem[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const person = (name: string | null) => name ?? t('accessLog.unknownPerson');
  return (
    <table className="access-log-table">
      <caption>{t('accessLog.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('accessLog.at')}</th>
          <th scope="col">{t('accessLog.who')}</th>
          <th scope="col">{t('accessLog.roles')}</th>
          <th scope="col">{t('accessLog.action')}</th>
          <th scope="col">{t('accessLog.subjects')}</th>
          <th scope="col">{t('accessLog.purpose')}</th>
          <th scope="col">{t('accessLog.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <td className="nowrap">{formatDateTime(r.at)}</td>
            <td>
              {r.account ? (r.account.displayName ?? t('accessLog.unknownAccount')) : t('accessLog.noAccount')}
              {r.account?.username && (
                <>
                  <br />
                  <span className="muted">{r.account.username}</span>
                </>
              )}
            </td>
            <td>{r.roles.map((role) => role.label[lang]).join(', ') || '–'}</td>
            <td>{r.action.label[lang]}</td>
            <td>
              {r.subjects.length === 0
                ? '–'
                : r.subjects
                    .slice(0, namesShown)
                    .map((s) => person(s.name))
                    .join(', ')}
              {r.subjects.length > namesShown && ` ${t('accessLog.more', { count: r.subjects.length - namesShown })}`}
            </td>
            <td>{r.purpose}</td>
            <td className={r.outcome.code === 'denied' ? 'outcome-denied' : undefined}>{r.outcome.label[lang]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
