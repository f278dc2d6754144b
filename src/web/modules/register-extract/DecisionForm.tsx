/**
 * The data protection officer's decision on one item under secrecy: a reason, a ground for secrecy when withholding,
 * and two buttons (release / withhold). Errors are shown at their field, in our own words.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../shared/states.tsx';
import { FormError, send } from '../interventions/request.ts';
import { reasonCategories, type SecretItem } from './types.ts';

type Problems = Partial<Record<'reason' | 'reasonCategory', string>>;

export function DecisionForm({ personId, item, onSaved }: { personId: string; item: SecretItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState(item.decision?.reasonCategory ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `decision-${item.itemId}-${field}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const decision = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'withhold' ? 'withhold' : 'release';
    const found: Problems = {};
    if (!reason.trim()) found.reason = t('registerExtract.review.reasonMissing');
    if (decision === 'withhold' && !category) found.reasonCategory = t('registerExtract.review.categoryMissing');
    setProblems(found);
    setFailure(undefined);
    if (Object.keys(found).length) {
      document.getElementById(id(found.reason ? 'reason' : 'category'))?.focus();
      return;
    }
    setBusy(true);
    try {
      const base = { kind: item.kind, itemId: item.itemId, contentHash: item.contentHash, reason, decision };
      await send(`/api/register-extract/people/${personId}/secrecy-decisions`, 'POST', decision === 'withhold' ? { ...base, reasonCategory: category } : base);
      setReason('');
      onSaved();
    } catch (error) {
      const fields = error instanceof FormError ? error.fields.map((f) => f.field) : [];
      const mapped: Problems = {};
      if (fields.includes('reason')) mapped.reason = t('registerExtract.review.reasonInvalid');
      if (fields.includes('reasonCategory')) mapped.reasonCategory = t('registerExtract.review.categoryMissing');
      if (Object.keys(mapped).length) setProblems(mapped);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: 'reason' | 'reasonCategory', help: string) => [help, problems[field] ? id(`${field}-error`) : ''].filter(Boolean).join(' ');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={id('reason')}>{t('registerExtract.review.reason')}</label>
        <textarea id={id('reason')} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)}
          aria-describedby={describedBy('reason', id('reason-help'))} aria-invalid={problems.reason ? true : undefined} />
        <p id={id('reason-help')} className="help">{t('registerExtract.review.reasonHelp')}</p>
        {problems.reason && <p id={id('reason-error')} className="field-error">{problems.reason}</p>}
      </div>
      <div className="field">
        <label htmlFor={id('category')}>{t('registerExtract.review.category')}</label>
        <select id={id('category')} value={category} onChange={(e) => setCategory(e.target.value)}
          aria-describedby={describedBy('reasonCategory', id('category-help'))} aria-invalid={problems.reasonCategory ? true : undefined}>
          <option value="">{t('registerExtract.review.chooseCategory')}</option>
          {reasonCategories.map((c) => <option key={c} value={c}>{t(`registerExtract.review.categories.${c}`)}</option>)}
        </select>
        <p id={id('category-help')} className="help">{t('registerExtract.review.categoryHelp')}</p>
        {problems.reasonCategory && <p id={id('reasonCategory-error')} className="field-error">{problems.reasonCategory}</p>}
      </div>
      <p className="filters">
        <button type="submit" name="decision" value="release" disabled={busy}>{t('registerExtract.review.release')}</button>
        <button type="submit" name="decision" value="withhold" disabled={busy}>{t('registerExtract.review.withhold')}</button>
      </p>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </form>
  );
}
