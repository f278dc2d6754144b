/**
 * On the KAA youth page (docs/handovers.md, KAA → school): the schools where the young person is placed or admitted,
 * the handovers already made, and making one — it opens on the handover page, pre-filled from the register.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { kaaToSchoolApi } from '../../../shared/handovers/kaa-to-school.ts';
import { statusLabels } from '../../../shared/handovers/labels.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { FormProblem } from '../../shared/forms.tsx';
import { useLoad } from '../../shared/states.tsx';

export function KaaHandoverSection({ youthId }: { youthId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  const navigate = useNavigate();
  const data = useLoad(() => call(kaaToSchoolApi.targets, { params: { youthId } }), youthId);
  const [error, setError] = useState<unknown>();

  async function make(toUnitId: string) {
    setError(undefined);
    try {
      const out = await call(kaaToSchoolApi.create, { params: { youthId }, body: { toUnitId } });
      await navigate(`/overlamningar/${out.id}`);
    } catch (e) {
      setError(e);
    }
  }

  const d = data.data;
  return (
    <section aria-labelledby="kaa-handover">
      <h2 id="kaa-handover">{t('handovers.kaa.title')}</h2>
      <p>{t('handovers.kaa.intro')}</p>
      <FormProblem error={error ?? data.error} />
      {d && d.handovers.length > 0 && (
        <ul>
          {d.handovers.map((h) => (
            <li key={h.id}>
              <Link to={`/overlamningar/${h.id}`}>{t('handovers.kaa.open', { unit: h.toUnitName })}</Link> ·{' '}
              {statusLabels[h.status][language]}
            </li>
          ))}
        </ul>
      )}
      {d && d.targets.length === 0 && <p>{t('handovers.kaa.noSchool')}</p>}
      {d && d.targets.length > 0 && (
        <ul>
          {d.targets
            .filter((s) => !d.handovers.some((h) => h.toUnitName === s.unitName))
            .map((s) => (
              <li key={s.unitId}>
                {s.unitName} ({s.organiserName}){s.startsOn && ` · ${t('handovers.kaa.starts', { date: formatDate(s.startsOn) })}`}{' '}
                <button type="button" onClick={() => void make(s.unitId)}>
                  {t('handovers.kaa.make', { unit: s.unitName })}
                </button>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
