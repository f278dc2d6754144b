/** The plan's actions: a table with status (changeable by editors), and the form adding one with its owner and date. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';
import { formatDate } from '../../shared/format.ts';
import { implementationPlanApi, type PlanView } from '../../../shared/implementation-plan/contract.ts';
import { actionStatusLabels, actionStatuses, frameworkItems, type ActionStatus } from '../../../shared/implementation-plan/framework.ts';

const question = (key: string, lang: 'sv' | 'en') => frameworkItems.find((i) => i.key === key)?.question[lang] ?? '';

export function ActionsSection({ view, onChange }: { view: PlanView; onChange: (v: PlanView) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const [draft, setDraft] = useState({ itemKey: frameworkItems[0]!.key, title: '', owner: '', dueOn: '' });
  const [error, setError] = useState<unknown>();
  const add = async () => {
    setError(undefined);
    try {
      onChange(await call(implementationPlanApi.addAction, { body: draft }));
      setDraft({ ...draft, title: '', owner: '', dueOn: '' });
    } catch (e) {
      setError(e);
    }
  };
  const setStatus = async (a: PlanView['actions'][number], status: ActionStatus) => {
    try {
      onChange(
        await call(implementationPlanApi.updateAction, {
          params: { id: a.id },
          body: { itemKey: a.itemKey, title: a.title, owner: a.owner, dueOn: a.dueOn, status },
        }),
      );
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="plan-actions">
      <h2 id="plan-actions">{t('implementationPlan.actions')}</h2>
      {view.actions.length === 0 ? (
        <p>{t('implementationPlan.noActions')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('implementationPlan.title')}</th>
                <th scope="col">{t('implementationPlan.item')}</th>
                <th scope="col">{t('implementationPlan.owner')}</th>
                <th scope="col">{t('implementationPlan.due')}</th>
                <th scope="col">{t('implementationPlan.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.title}</th>
                  <td>{question(a.itemKey, lang)}</td>
                  <td>{a.owner}</td>
                  <td>
                    {formatDate(a.dueOn)}
                    {a.overdue && ` (${t('implementationPlan.overdue')})`}
                  </td>
                  <td>
                    {view.canEdit ? (
                      <select
                        aria-label={`${t('implementationPlan.status')}: ${a.title}`}
                        value={a.status}
                        onChange={(e) => void setStatus(a, e.target.value as ActionStatus)}
                      >
                        {actionStatuses.map((s) => (
                          <option key={s} value={s}>
                            {actionStatusLabels[s][lang]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      actionStatusLabels[a.status][lang]
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.canEdit && (
        <form
          className="no-print"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <h3>{t('implementationPlan.addAction')}</h3>
          <FormProblem error={error} />
          <Field id="action-item" label={t('implementationPlan.item')} field="itemKey" error={error}>
            {(p) => (
              <select {...p} value={draft.itemKey} onChange={(e) => setDraft({ ...draft, itemKey: e.target.value })}>
                {frameworkItems.map((i) => (
                  <option key={i.key} value={i.key}>
                    {i.question[lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="action-title" label={t('implementationPlan.title')} field="title" error={error}>
            {(p) => <input {...p} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />}
          </Field>
          <Field id="action-owner" label={t('implementationPlan.owner')} field="owner" error={error}>
            {(p) => <input {...p} value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} />}
          </Field>
          <Field id="action-due" label={t('implementationPlan.due')} field="dueOn" error={error}>
            {(p) => <input {...p} type="date" value={draft.dueOn} onChange={(e) => setDraft({ ...draft, dueOn: e.target.value })} />}
          </Field>
          <button type="submit">{t('implementationPlan.add')}</button>
        </form>
      )}
    </section>
  );
}
