/**
 * The organiser's implementation plan: the self-assessment by the framework's areas (the platform's own figures beside
 * what it can measure), the actions with owners and dates, and the progress; printable (a print stylesheet) and as the
 * server's PDF.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { formatNumber } from '../../shared/format.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { implementationPlanApi, implementationPlanPdfPath, type PlanView } from '../../../shared/implementation-plan/contract.ts';
import { areas, frameworkItems, type AreaKey } from '../../../shared/implementation-plan/framework.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { ItemAnswer } from './ItemAnswer.tsx';
import './implementation-plan.css';

export default function ImplementationPlanPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('implementationPlan.nav'));
  const loaded = useLoad(() => call(implementationPlanApi.read), 'plan');
  const [view, setView] = useState<PlanView>();
  useEffect(() => setView(loaded.data), [loaded.data]);
  return (
    <>
      <h1>{t('implementationPlan.nav')}</h1>
      <p>{t('implementationPlan.intro')}</p>
      {loaded.loading && !view && <Loading />}
      {loaded.error !== undefined && <ErrorMessage error={loaded.error} />}
      {view && (
        <>
          <p>
            <strong>{t('implementationPlan.organiser')}:</strong> {view.organiser}
          </p>
          <p role="status">
            {t('implementationPlan.progress', {
              ...view.progress,
              mean: view.progress.meanLevel === null ? t('implementationPlan.meanNone') : formatNumber(view.progress.meanLevel),
            })}
          </p>
          <p className="no-print">
            <button type="button" onClick={() => window.print()}>
              {t('implementationPlan.print')}
            </button>{' '}
            <a href={lang === 'en' ? `${implementationPlanPdfPath}?lang=en` : implementationPlanPdfPath} download>
              {t('implementationPlan.pdf')}
            </a>
          </p>
          {(Object.keys(areas) as AreaKey[]).map((area) => (
            <section key={area} aria-labelledby={`area-${area}`}>
              <h2 id={`area-${area}`}>{areas[area][lang]}</h2>
              <ul className="plan-items">
                {frameworkItems
                  .filter((i) => i.area === area)
                  .map((item) => (
                    <ItemAnswer
                      key={item.key}
                      item={item}
                      answer={view.answers.find((a) => a.itemKey === item.key)!}
                      canEdit={view.canEdit}
                      onSaved={setView}
                    />
                  ))}
              </ul>
            </section>
          ))}
          <ActionsSection view={view} onChange={setView} />
        </>
      )}
    </>
  );
}
