/**
 * A student's contact details and guardians, for the roles that may read them. A protected identity shows neither
 * (the server sends none); a guardian whose own identity is protected is named without contact details.
 */
import { useTranslation } from 'react-i18next';
import type { ContactDetails, StudentPage } from '../../../shared/students/contract.ts';

function ContactList({ contact }: { contact: ContactDetails }) {
  const { t } = useTranslation();
  const rows = [
    ...contact.addresses.map((a) => ({
      key: `a-${a.streetAddress}-${a.postalCode}`,
      label: t('students.address'),
      value: `${a.streetAddress}, ${a.postalCode} ${a.locality}`,
    })),
    ...contact.emails.map((e) => ({ key: `e-${e.value}`, label: t('students.email'), value: e.value })),
    ...contact.phoneNumbers.map((p) => ({
      key: `p-${p.value}`,
      label: p.mobile ? t('students.mobile') : t('students.phone'),
      value: p.value,
    })),
  ];
  if (rows.length === 0) return <p>{t('students.noContact')}</p>;
  return (
    <dl className="contact-list">
      {rows.map((r) => (
        <div key={r.key}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ContactSection({ data }: { data: StudentPage }) {
  const { t } = useTranslation();
  if (!data.contact) return null;
  return (
    <section aria-labelledby="contact-h">
      <h2 id="contact-h">{t('students.contact')}</h2>
      <ContactList contact={data.contact} />
      <h3>{t('students.guardians')}</h3>
      {!data.guardians?.length ? (
        <p>{t('students.guardiansNone')}</p>
      ) : (
        <ul className="plain-list">
          {data.guardians.map((g) => (
            <li key={g.name}>
              <p>
                <strong>{g.name}</strong>{' '}
                <span className="muted">({g.relation === 'Vårdnadshavare' ? t('students.guardian') : t('students.otherResponsible')})</span>
              </p>
              {g.contact ? <ContactList contact={g.contact} /> : <p className="muted">{t('students.guardianProtected')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
