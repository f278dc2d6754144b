/**
 * The economic model as a calculator: it first reproduces the Värmdö and Skövde figures, then applies the model to the
 * organiser's own non-completers (its latest cohort measured within four years): what is at stake and who pays, and —
 * from a method's measured attendance effect and an assumed, changeable link from attendance to completion — how many
 * extra completers an intervention brings, what it must achieve to pay for itself for society and for the municipality
 * alone, and a tornado over the uncertain parameters. Computed in the page with the shared model
 * (src/shared/follow-up/economics.ts, sensitivity.ts); every result is a range. CSV and print.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../shared/api.ts';
import { formatNumber, formatPercent, formatPercentagePoints } from '../../shared/format.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import {
  computeModel,
  defaultParameters,
  defaultUncertainty,
  parameters as parametersSchema,
  payers,
  uncertainty as uncertaintySchema,
  type Parameters,
  type Result,
  type Uncertainty,
} from '../../../shared/follow-up/economics.ts';
import { economicsApi, parameterLabels } from '../../../shared/follow-up/economics-api.ts';
import { jointRange } from '../../../shared/follow-up/sensitivity.ts';
import { downloadCsv, toCsv } from './csv.ts';
import { TornadoSection } from './TornadoSection.tsx';
import './follow-up.css';

const numberFields = [
  'nonCompleters',
  'annualCost',
  'fromAge',
  'toAge',
  'discountRate',
  'shareOutside',
  'costPerParticipant',
  'participants',
  'attendanceEffect',
  'completionPerAttendance',
] as const;
type Field = (typeof numberFields)[number] | 'municipality' | 'effectLow' | 'effectHigh' | 'linkLow' | 'linkHigh';
/** Shown as per cent, or as percentage points, in the form (stored as fractions). */
const percentFields = new Set<Field>(['discountRate', 'shareOutside', 'municipality']);
const pointFields = new Set<Field>(['attendanceEffect', 'effectLow', 'effectHigh']);
const hundredths = (f: Field) => percentFields.has(f) || pointFields.has(f);

export default function EconomicsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('followUpEconomics.title'));
  const inputs = useLoad(() => call(economicsApi.inputs), 'economics');
  const own = inputs.data?.own ?? null;
  const methods = inputs.data?.methods ?? [];
  const [methodIndex, setMethodIndex] = useState('');
  const method = methodIndex === '' ? null : (methods[Number(methodIndex)] ?? null);
  const [edits, setEdits] = useState<Partial<Record<Field, string>>>({});

  const base: Parameters = {
    ...defaultParameters,
    nonCompleters: own?.nonCompleters ?? defaultParameters.nonCompleters,
    ...(method ? { attendanceEffect: method.effect, participants: method.n } : {}),
  };
  const baseU: Uncertainty = { ...defaultUncertainty, ...(method ? { attendanceEffect: [method.low, method.high] } : {}) };
  const fallback: Record<Field, number> = {
    ...base,
    municipality: base.payerShares.municipality,
    effectLow: baseU.attendanceEffect[0],
    effectHigh: baseU.attendanceEffect[1],
    linkLow: baseU.completionPerAttendance[0],
    linkHigh: baseU.completionPerAttendance[1],
  };
  const raw = (f: Field) =>
    edits[f] ?? String(hundredths(f) ? Math.round(fallback[f] * 10_000) / 100 : Math.round(fallback[f] * 1000) / 1000);
  const value = (f: Field) => {
    if (edits[f] === undefined) return fallback[f];
    const n = Number(edits[f]!.replace(/\s/g, '').replace(',', '.').replace('−', '-'));
    return hundredths(f) ? n / 100 : n;
  };
  const municipality = value('municipality');
  const parsed = parametersSchema.safeParse({
    ...base,
    ...Object.fromEntries(numberFields.map((f) => [f, value(f)])),
    payerShares: { ...base.payerShares, municipality, unspecified: Math.max(0, 1 - municipality) },
  });
  const parsedU = uncertaintySchema.safeParse({
    ...baseU,
    attendanceEffect: [value('effectLow'), value('effectHigh')],
    completionPerAttendance: [value('linkLow'), value('linkHigh')],
  });
  const label = (path: string) =>
    parameterLabels[path as keyof typeof parameterLabels]?.[lang] ??
    parameterLabels[`uncertainty.${path.split('.')[0]}` as keyof typeof parameterLabels]?.[lang] ??
    parameterLabels.parameters[lang];
  const problems = [
    ...(parsed.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message })),
    ...(parsedU.error?.issues ?? []).map((i) => ({ path: String(i.path[0]), message: i.message })),
    ...(parsedU.success
      ? Object.entries(parsedU.data)
          .filter(([, [low, high]]) => high < low)
          .map(([k]) => ({ path: k, message: 'det höga värdet får inte vara lägre än det låga' }))
      : []),
  ].map(({ path, message }) =>
    t('followUpEconomics.invalid', { label: label(path), message: lang === 'sv' ? message : 'is out of range' }),
  );
  const p = parsed.success && problems.length === 0 ? parsed.data : null;
  const u = parsedU.success && problems.length === 0 ? parsedU.data : null;

  // Cheap (2⁸ corners per range): recomputed on every render.
  const model = (() => {
    if (!p || !u) return null;
    const span = (f: (r: Result) => number) => jointRange(p, u, f);
    return {
      central: computeModel(p),
      stake: span((r) => r.atStake.total),
      extra: span((r) => r.intervention.extraCompleters),
      publicBE: span((r) => r.intervention.breakEvenPublic),
      muniBE: span((r) => r.intervention.breakEvenMunicipality),
      netPublic: span((r) => r.intervention.netPublic),
      netMunicipality: span((r) => r.intervention.netMunicipality),
    };
  })();

  const mkr = (kr: number) => t('followUpEconomics.mkr', { value: formatNumber(kr / 1e6, 1) });
  const kr = (v: number) => t('followUpEconomics.kr', { value: formatNumber(v, 0) });
  const count = (v: number) => (Number.isFinite(v) ? formatNumber(v, 1) : '∞');
  const pp = (v: number) => formatPercentagePoints(v, 1);
  const varmdo = computeModel({ ...defaultParameters, shareOutside: 1, nonCompleters: 75 });
  const skovde = computeModel({ ...defaultParameters, shareOutside: 1, nonCompleters: 69 });

  const csv = () => {
    if (!p || !u || !model) return;
    const rows: (string | number)[][] = [
      ...numberFields.map((f) => [parameterLabels[f][lang], formatNumber(p[f], 4)]),
      ...payers.map((k) => [parameterLabels[`payerShares.${k}`][lang], formatPercent(p.payerShares[k], 1)]),
      ...Object.entries(u).map(([k, [lo, hi]]) => [
        parameterLabels[`uncertainty.${k}` as keyof typeof parameterLabels][lang],
        `${formatNumber(lo, 4)}–${formatNumber(hi, 4)}`,
      ]),
      [t('followUpEconomics.atStake'), `${mkr(model.stake[0])}–${mkr(model.stake[1])}`],
      ...payers.map((k) => [
        `${t('followUpEconomics.byPayer')}: ${t(`followUpEconomics.payer.${k}`)}`,
        mkr(model.central.atStake.byPayer[k]),
      ]),
      [t('followUpEconomics.outcome.netPublic'), `${mkr(model.netPublic[0])}–${mkr(model.netPublic[1])}`],
      [t('followUpEconomics.outcome.netMunicipality'), `${mkr(model.netMunicipality[0])}–${mkr(model.netMunicipality[1])}`],
    ];
    downloadCsv(toCsv([t('followUpEconomics.parameter'), t('followUpEconomics.value')], rows), `${t('followUpEconomics.csvName')}.csv`);
  };

  const field = (f: Field, source = '') => {
    const name =
      f === 'municipality'
        ? parameterLabels['payerShares.municipality'][lang]
        : f === 'effectLow' || f === 'effectHigh' || f === 'linkLow' || f === 'linkHigh'
          ? t(`followUpEconomics.${f}`)
          : parameterLabels[f][lang];
    const unit = percentFields.has(f) ? ' (%)' : pointFields.has(f) ? ` (${t('followUpEconomics.points')})` : '';
    return (
      <label key={f}>
        <span>
          {name}
          {unit}
        </span>
        <input inputMode="decimal" value={raw(f)} onChange={(e) => setEdits({ ...edits, [f]: e.target.value })} />
        {source && <small>{source}</small>}
      </label>
    );
  };
  const src = (k: string) => t(`followUpEconomics.sources.${k}`);
  const chooseMethod = (index: string) => {
    setMethodIndex(index);
    const { attendanceEffect: _a, participants: _p, effectLow: _l, effectHigh: _h, ...rest } = edits;
    setEdits(rest);
  };

  return (
    <>
      <h1>{t('followUpEconomics.title')}</h1>
      <p>{t('followUpEconomics.intro')}</p>
      <p className="no-print follow-up-actions">
        <button type="button" onClick={csv} disabled={!model}>
          {t('followUpEconomics.downloadCsv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('followUpEconomics.print')}
        </button>
        <Link to="/uppfoljning">{t('followUpEconomics.back')}</Link>
      </p>
      <section aria-labelledby="anchor-heading">
        <h2 id="anchor-heading">{t('followUpEconomics.anchorHeading')}</h2>
        <p>
          {t('followUpEconomics.anchor', {
            total: kr(varmdo.atStake.total),
            each: mkr(varmdo.lifetimeCostPerPerson),
            municipality: mkr(varmdo.atStake.byPayer.municipality),
          })}
        </p>
        <p>{t('followUpEconomics.anchorSkovde', { total: kr(skovde.atStake.total) })}</p>
      </section>
      {inputs.loading && !inputs.data && <Loading />}
      {inputs.error !== undefined && <ErrorMessage error={inputs.error} />}
      <section aria-labelledby="own-heading">
        <h2 id="own-heading">{t('followUpEconomics.ownHeading')}</h2>
        <p>
          {own
            ? t('followUpEconomics.own', {
                year: own.startYear,
                non: formatNumber(own.nonCompleters, 0),
                starters: formatNumber(own.starters, 0),
                years: own.years,
              })
            : t('followUpEconomics.noOwn')}
        </p>
        {problems.length > 0 && (
          <div role="alert" className="form-problem">
            <ul>
              {problems.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        {model && p && u && (
          <>
            <h3>{t('followUpEconomics.atStake')}</h3>
            <p>
              {t('followUpEconomics.atStakeText', {
                share: formatPercent(p.shareOutside, 0),
                low: mkr(model.stake[0]),
                high: mkr(model.stake[1]),
                mid: mkr(model.central.atStake.total),
              })}
            </p>
            <div className="table-scroll">
              <table>
                <caption>{t('followUpEconomics.byPayer')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('followUpEconomics.payerColumn')}</th>
                    <th scope="col">{t('followUpEconomics.payerShare')}</th>
                    <th scope="col">{t('followUpEconomics.payerAmount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {payers.map((k) => (
                    <tr key={k}>
                      <th scope="row">{t(`followUpEconomics.payer.${k}`)}</th>
                      <td>{formatPercent(p.payerShares[k], 0)}</td>
                      <td>{mkr(model.central.atStake.byPayer[k])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>{t('followUpEconomics.interventionHeading')}</h3>
            <div className="no-print">
              <label className="goal-field">
                <span>{t('followUpEconomics.method')}</span>
                <select value={methodIndex} onChange={(e) => chooseMethod(e.target.value)}>
                  <option value="">{t('followUpEconomics.ownEstimate')}</option>
                  {methods.map((m, i) => (
                    <option key={m.name.sv} value={String(i)}>
                      {t('followUpEconomics.measuredOption', { name: m.name[lang], n: m.n })}
                    </option>
                  ))}
                </select>
              </label>
              {inputs.data && methods.length === 0 && <p>{t('followUpEconomics.noMethods')}</p>}
            </div>
            {method && (
              <p>
                {t('followUpEconomics.measured', {
                  name: method.name[lang],
                  effect: pp(method.effect),
                  low: pp(method.low),
                  high: pp(method.high),
                  n: method.n,
                })}{' '}
                {inputs.data?.caveat[lang]}
              </p>
            )}
            <p>
              {t('followUpEconomics.linkAssumption', {
                link: formatNumber(p.completionPerAttendance, 1),
                linkLow: formatNumber(u.completionPerAttendance[0], 1),
                linkHigh: formatNumber(u.completionPerAttendance[1], 1),
              })}
            </p>
            <p>
              {t('followUpEconomics.extraText', {
                participants: formatNumber(p.participants, 0),
                low: count(model.extra[0]),
                high: count(model.extra[1]),
                mid: count(model.central.intervention.extraCompleters),
              })}
            </p>
            <p>
              {t('followUpEconomics.interventionText', {
                perParticipant: kr(p.costPerParticipant),
                cost: kr(model.central.intervention.cost),
                publicLow: count(model.publicBE[0]),
                publicHigh: count(model.publicBE[1]),
                municipalityLow: count(model.muniBE[0]),
                municipalityHigh: count(model.muniBE[1]),
                effect: Number.isFinite(model.central.intervention.breakEvenEffect) ? pp(model.central.intervention.breakEvenEffect) : '∞',
              })}
            </p>
            <p>
              {t('followUpEconomics.netText', {
                publicLow: mkr(model.netPublic[0]),
                publicHigh: mkr(model.netPublic[1]),
                municipalityLow: mkr(model.netMunicipality[0]),
                municipalityHigh: mkr(model.netMunicipality[1]),
              })}
            </p>
            <p>{t('followUpEconomics.incentive')}</p>
            <TornadoSection
              p={p}
              u={u}
              central={{
                atStake: model.central.atStake.total,
                netPublic: model.central.intervention.netPublic,
                netMunicipality: model.central.intervention.netMunicipality,
              }}
            />
          </>
        )}
      </section>
      <section aria-labelledby="parameters-heading" className="no-print">
        <h2 id="parameters-heading">{t('followUpEconomics.parametersHeading')}</h2>
        <p>{t('followUpEconomics.parametersIntro')}</p>
        <div className="calculator-grid">
          {field('nonCompleters')}
          {field('annualCost', src('annualCost'))}
          {field('fromAge', src('fromAge'))}
          {field('toAge', src('toAge'))}
          {field('discountRate', src('discountRate'))}
          {field('shareOutside', src('shareOutside'))}
          {field('municipality', src('municipality'))}
          {field('costPerParticipant', src('intervention'))}
          {field('participants')}
          {field('attendanceEffect', src('effect'))}
          {field('effectLow')}
          {field('effectHigh')}
          {field('completionPerAttendance', src('link'))}
          {field('linkLow')}
          {field('linkHigh')}
        </div>
      </section>
    </>
  );
}
