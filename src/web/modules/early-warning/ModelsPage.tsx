/** Administrators: model versions with their test AUC beside the indicator rules', training, activation and reports. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { earlyWarningApi } from '../../../shared/early-warning/contract.ts';
import type { ModelVersion } from '../../../shared/early-warning/responses.ts';
import { call } from '../../shared/api.ts';
import { formatDate, formatNumber } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';

const statusKey = { active: 'statusActive', candidate: 'statusCandidate', retired: 'statusRetired' } as const;

export default function ModelsPage() {
  const { t } = useTranslation();
  useTitle(t('earlyWarning.modelsTitle'));
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const models = useLoad(() => call(earlyWarningApi.models), String(version));
  const run = async (action: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await action());
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const train = () =>
    run(async () => {
      const { results } = await call(earlyWarningApi.train, { body: {} });
      return results
        .map(
          (r) => `${t(`earlyWarning.stage${r.stage}`)}: ${r.model ? t('earlyWarning.trained', { version: r.model.version }) : r.refused}`,
        )
        .join(' ');
    });
  const activate = (m: ModelVersion) =>
    run(async () => {
      await call(earlyWarningApi.activate, { params: { id: m.id } });
      return t('earlyWarning.activated', { version: m.version });
    });
  return (
    <>
      <h1>{t('earlyWarning.modelsTitle')}</h1>
      <p>{t('earlyWarning.modelsIntro')}</p>
      <button type="button" onClick={train} disabled={busy}>
        {busy ? t('earlyWarning.training') : t('earlyWarning.train')}
      </button>
      <div aria-live="polite">{message && <p>{message}</p>}</div>
      {error !== undefined && <ErrorMessage error={error} />}
      {models.loading && !models.data && <Loading />}
      {models.error !== undefined && <ErrorMessage error={models.error} />}
      {models.data && models.data.items.length === 0 && <EmptyState text={t('earlyWarning.noModels')} />}
      {models.data && models.data.items.length > 0 && (
        <table>
          <caption>{t('earlyWarning.modelsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('earlyWarning.version')}</th>
              <th scope="col">{t('earlyWarning.stage')}</th>
              <th scope="col">{t('earlyWarning.status')}</th>
              <th scope="col">{t('earlyWarning.trainedAsOf')}</th>
              <th scope="col">{t('earlyWarning.testAuc')}</th>
              <th scope="col">{t('earlyWarning.rulesAuc')}</th>
              <th scope="col">{t('earlyWarning.report')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('earlyWarning.activate')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {models.data.items.map((m) => (
              <tr key={m.id}>
                <td>{m.version}</td>
                <td>{t(`earlyWarning.stage${m.stage}`)}</td>
                <td>{t(`earlyWarning.${statusKey[m.status]}`)}</td>
                <td>{formatDate(m.trainedAsOf)}</td>
                <td>{formatNumber(m.testAuc, 3)}</td>
                <td>{formatNumber(m.rulesAuc, 3)}</td>
                <td>
                  <a href={`/api/early-warning/models/${m.id}/report?format=html`} download>
                    {t('earlyWarning.report')} v{m.version}
                  </a>
                </td>
                <td>
                  {m.status === 'active' ? null : m.testAuc > m.rulesAuc ? (
                    <button type="button" disabled={busy} onClick={() => activate(m)}>
                      {t('earlyWarning.activate')} v{m.version}
                    </button>
                  ) : (
                    <span>{t('earlyWarning.cannotActivate')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
