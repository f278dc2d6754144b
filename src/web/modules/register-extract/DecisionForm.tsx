/**
 * The data protection officer's decision on one item under secrecy: a reason, a ground for secrecy when withholding,
 * and two buttons (release / withhold). The fields carry the contract's labels, so a refusal from the server
 * («Orsak: får inte vara tom.») names them as the form does; errors are shown at their field.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../shared/api.ts';
import { ErrorMessage } from '../../shared/states.tsx';
import {
  registerExtractApi,
  registerExtractLabels,
  type SecrecyDecisionBody,
  type SecretItem,
} from '../../../shared/register-extract/contract.ts';
import { reasonMax, secrecyReasonCategories, type SecrecyReasonCategory } from '../../../shared/register-extract/vocabulary.ts';

type Field = 'reason' | 'reasonCategory';
type Problems = Partial<Record<Field, string>>;

export function DecisionForm({ personId, item, onSaved }: { personId: string; item: SecretItem; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const label = (field: Field) => registerExtractLabels[field][i18n.language.startsWith('en') ? 'en' : 'sv'];
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<SecrecyReasonCategory | ''>(item.decision?.reasonCategory ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `decision-${item.itemId}-${field}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const withhold = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'withhold';
    const found: Problems = {};
    if (!reason.trim()) found.reason = t('registerExtract.review.reasonMissing');
    if (withhold && !category) found.reasonCategory = t('registerExtract.review.categoryMissing');
    setProblems(found);
    setFailure(undefined);
    if (Object.keys(found).length) {
      document.getElementById(id(found.reason ? 'reason' : 'category'))?.focus();
      return;
    }
    setBusy(true);
    try {
      const base = { kind: item.kind, itemId: item.itemId, contentHash: item.contentHash, reason };
      const body: SecrecyDecisionBody =
        withhold && category ? { ...base, decision: 'withhold', reasonCategory: category } : { ...base, decision: 'release' };
      await call(registerExtractApi.decide, { params: { personId }, body });
      setReason('');
      onSaved();
    } catch (error) {
      // The server's message for a field the form shows (already naming it, in the page's language); anything else above the buttons.
      const mapped: Problems = {};
      for (const f of error instanceof ApiError ? error.fields : []) {
        if (f.field === 'reason' || f.field === 'reasonCategory') mapped[f.field] = [mapped[f.field], f.message].filter(Boolean).join(' ');
      }
      if (Object.keys(mapped).length) setProblems(mapped);
      else setFailure(error instanceof ApiError && error.status === 409 ? new Error(t('registerExtract.review.changed')) : error);
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field, help: string) => [help, problems[field] ? id(`${field}-error`) : ''].filter(Boolean).join(' ');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={id('reason')}>{label('reason')}</label>
        <textarea
          id={id('reason')}
          rows={3}
          maxLength={reasonMax}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={describedBy('reason', id('reason-help'))}
          aria-invalid={problems.reason ? true : undefined}
        />
        <p id={id('reason-help')} className="help">
          {t('registerExtract.review.reasonHelp')}
        </p>
        {problems.reason && (
          <p id={id('reason-error')} className="field-error">
            {problems.reason}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={id('category')}>{label('reasonCategory')}</label>
        <select
          id={id('category')}
          value={category}
          onChange={(e) => setCategory(e.target.value as SecrecyReasonCategory | '')}
          aria-describedby={describedBy('reasonCategory', id('category-help'))}
          aria-invalid={problems.reasonCategory ? true : undefined}
        >
          <option value="">{t('registerExtract.review.chooseCategory')}</option>
          {secrecyReasonCategories.map((c) => (
            <option key={c} value={c}>
              {t(`registerExtract.review.categories.${c}`)}
            </option>
          ))}
        </select>
        <p id={id('category-help')} className="help">
          {t('registerExtract.review.categoryHelp')}
        </p>
        {problems.reasonCategory && (
          <p id={id('reasonCategory-error')} className="field-error">
            {problems.reasonCategory}
          </p>
        )}
      </div>
      <p className="filters">
        <button type="submit" name="decision" value="release" disabled={busy}>
          {t('registerExtract.review.release')}
        </button>
        <button type="submit" name="decision" value="withhold" disabled={busy}>
          {t('registerExtract.review.withhold')}
        </button>
      </p>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </form>
  );
}
