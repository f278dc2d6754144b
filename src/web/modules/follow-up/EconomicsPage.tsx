/**
 * The economic model as a calculator: it first reproduces the Värmdö figure, then applies the model to the organiser's
 * own non-completers (its latest cohort measured within four years): what is at stake and who pays, what an
 * intervention must achieve to pay for itself for society and for the municipality alone, and a tornado over the
 * uncertain parameters. Computed in the page with the shared model (src/shared/follow-up/economics.ts); every result
 * is a range. Parameters are explained and sourced; CSV and print.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { call } from '../../shared/api.ts';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import {
  computeModel,
  defaultParameters,
  defaultUncertainty,
  economicsApi,
  parameterLabels,
  parameters as parametersSchema,
  payers,
  sensitivity,
  type Parameters,
  type Uncertain,
} from '../../../shared/follow-up/economics.ts';
import { downloadCsv, toCsv } from './csv.ts';
import './follow-up.css';

type NumberField =
  | 'annualCost'
  | 'fromAge'
  | 'toAge'
  | 'discountRate'
  | 'shareOutside'
  | 'costPerParticipant'
  | 'participants'
  | 'extraCompletersLow'
  | 'extraCompletersHigh'
  | 'nonCompleters';
/** Fields shown as per cent in the form (stored as fractions). */
const percentFields = new Set<string>(['discountRate', 'shareOutside', 'municipality']);

export default function EconomicsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('followUpEconomics.title'));
  const inputs = useLoad(() => call(economicsApi.inputs), 'economics');
  const own = inputs.data?.own ?? null;
  const [edits, setEdits] = useState<Record<string, string>>({});
  const base: Parameters = { ...defaultParameters, nonCompleters: own?.nonCompleters ?? defaultParameters.nonCompleters };
  const raw = (k: string, fallback: number) => edits[k] ?? String(percentFields.has(k) ? Math.round(fallback * 1000) / 10 : fallback);
  const num = (s: string) => Number(s.replace(/\s/g, '').replace(',', '.'));
  const candidate = {
    ...base,
    ...Object.fromEntries(
      (
        [
          'annualCost',
          'fromAge',
          'toAge',
          'discountRate',
          'shareOutside',
          'costPerParticipant',
          'participants',
          'extraCompletersLow',
          'extraCompletersHigh',
          'nonCompleters',
        ] as NumberField[]
      )
        .filter((k) => edits[k] !== undefined)
        .map((k) => [k, percentFields.has(k) ? num(edits[k]!) / 100 : num(edits[k]!)]),
    ),
    payerShares:
      edits.municipality === undefined
        ? base.payerShares
        : { ...base.payerShares, municipality: num(edits.municipality) / 100, unspecified: Math.max(0, 1 - num(edits.municipality) / 100) },
  };
  const parsed = parametersSchema.safeParse(candidate);
  const p = parsed.success ? parsed.data : null;
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const key = i.path.join('.') as keyof typeof parameterLabels;
        const label = parameterLabels[key]?.[lang] ?? parameterLabels.parameters[lang];
        return t('followUpEconomics.invalid', { label, message: lang === 'sv' ? i.message : 'is out of range' });
      });

  const mkr = (kr: number) => t('followUpEconomics.mkr', { value: formatNumber(kr / 1e6, 1) });
  const kr = (v: number) => t('followUpEconomics.kr', { value: formatNumber(v, 0) });
  const model = useMemo(() => {
    if (!p) return null;
    const central = computeModel(p);
    const s = sensitivity(p, defaultUncertainty);
    // Break-even as a range over the same box of uncertain parameters.
    const keys = Object.keys(defaultUncertainty) as Uncertain[];
    const corners = Array.from({ length: 1 << keys.length }, (_, mask) => {
      const q = { ...p };
      keys.forEach((k, i) => Object.assign(q, { [k]: defaultUncertainty[k][(mask >> i) & 1] }));
      return computeModel(q).intervention;
    });
    const span = (f: (x: (typeof corners)[number]) => number) => [Math.min(...corners.map(f)), Math.max(...corners.map(f))] as const;
    return {
      central,
      s,
      publicBE: span((x) => x.breakEvenPublic),
      muniBE: span((x) => x.breakEvenMunicipality),
      ratioLow: span((x) => x.ratioLow),
      ratioHigh: span((x) => x.ratioHigh),
    };
  }, [p]);
  const varmdo = computeModel({ ...defaultParameters, shareOutside: 1, nonCompleters: 75 });
  const paramName = (k: Uncertain) => parameterLabels[k][lang];
  const paramValue = (k: Uncertain, v: number) => (k === 'annualCost' ? kr(v) : k === 'toAge' ? formatNumber(v, 0) : formatPercent(v, 1));

  const option = useMemo<ChartOption | null>(() => {
    if (!model) return null;
    const bars = [...model.s.bars].reverse();
    return {
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? mkr(v * 1e6) : ''),
      },
      grid: { left: 220, right: 30, top: 20, bottom: 40 },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatNumber(v, 0) },
        name: lang === 'sv' ? 'mnkr' : 'MSEK',
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'category', data: bars.map((b) => paramName(b.parameter)), axisLabel: { width: 200, overflow: 'break' } },
      series: [
        { type: 'bar', stack: 'range', itemStyle: { color: 'transparent' }, data: bars.map((b) => b.low / 1e6), tooltip: { show: false } },
        {
          name: t('followUpEconomics.atStake'),
          type: 'bar',
          stack: 'range',
          itemStyle: { color: '#005a8c' },
          data: bars.map((b) => (b.high - b.low) / 1e6),
        },
      ],
    };
  }, [model, lang, t]);

  const csv = () => {
    if (!p || !model) return;
    const rows: (string | number)[][] = [
      ...Object.entries(p).flatMap(([k, v]) =>
        typeof v === 'number' ? [[parameterLabels[k as keyof typeof parameterLabels]?.[lang] ?? k, formatNumber(v, 4)]] : [],
      ),
      ...payers.map((k) => [parameterLabels[`payerShares.${k}`][lang], formatPercent(p.payerShares[k], 1)]),
      [t('followUpEconomics.atStake'), `${mkr(model.s.range[0])}–${mkr(model.s.range[1])}`],
      ...model.s.bars.map((b) => [`${t('followUpEconomics.tornadoHeading')}: ${paramName(b.parameter)}`, `${mkr(b.low)}–${mkr(b.high)}`]),
    ];
    downloadCsv(
      toCsv([t('followUpEconomics.parameter'), lang === 'sv' ? 'Värde' : 'Value'], rows),
      `${t('followUpEconomics.csvName')}.csv`,
    );
  };

  const field = (k: NumberField | 'municipality', fallback: number, source: string) => {
    const label = k === 'municipality' ? parameterLabels['payerShares.municipality'][lang] : parameterLabels[k][lang];
    return (
      <label key={k}>
        <span>
          {label}
          {percentFields.has(k) ? ' (%)' : ''}
        </span>
        <input inputMode="decimal" value={raw(k, fallback)} onChange={(e) => setEdits({ ...edits, [k]: e.target.value })} />
        <small>{source}</small>
      </label>
    );
  };
  const src = (k: string) => t(`followUpEconomics.sources.${k}`);

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
        {model && p && (
          <>
            <h3>{t('followUpEconomics.atStake')}</h3>
            <p>
              {t('followUpEconomics.atStakeText', {
                share: formatPercent(p.shareOutside, 0),
                low: mkr(model.s.range[0]),
                high: mkr(model.s.range[1]),
                mid: mkr(model.central.atStake.total),
              })}
            </p>
            <table>
              <caption>{t('followUpEconomics.byPayer')}</caption>
              <tbody>
                {payers
                  .filter((k) => p.payerShares[k] > 0)
                  .map((k) => (
                    <tr key={k}>
                      <th scope="row">{t(`followUpEconomics.payer.${k}`)}</th>
                      <td>{formatPercent(p.payerShares[k], 0)}</td>
                      <td>{mkr(model.central.atStake.byPayer[k])}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <h3>{t('followUpEconomics.interventionHeading')}</h3>
            <p>
              {t('followUpEconomics.interventionText', {
                participants: formatNumber(p.participants, 0),
                perParticipant: kr(p.costPerParticipant),
                cost: kr(model.central.intervention.cost),
                publicLow: formatNumber(model.publicBE[0], 1),
                publicHigh: formatNumber(model.publicBE[1], 1),
                municipalityLow: formatNumber(model.muniBE[0], 1),
                municipalityHigh: formatNumber(model.muniBE[1], 1),
              })}
            </p>
            {model.central.intervention.cost > 0 && (
              <p>
                {t('followUpEconomics.ratioText', {
                  low: formatNumber(p.extraCompletersLow, 1),
                  high: formatNumber(p.extraCompletersHigh, 1),
                  ratioLow: formatNumber(model.ratioLow[0], 1),
                  ratioHigh: formatNumber(model.ratioHigh[1], 1),
                })}
              </p>
            )}
            <p>{t('followUpEconomics.incentive')}</p>
            <h3>{t('followUpEconomics.tornadoHeading')}</h3>
            {option && <EChart option={option} label={t('followUpEconomics.tornadoChart')} />}
            <div className="table-scroll">
              <table>
                <caption>{t('followUpEconomics.tornadoCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('followUpEconomics.parameter')}</th>
                    <th scope="col">{t('followUpEconomics.lowValue')}</th>
                    <th scope="col">{t('followUpEconomics.highValue')}</th>
                    <th scope="col">{t('followUpEconomics.resultLow')}</th>
                    <th scope="col">{t('followUpEconomics.resultHigh')}</th>
                  </tr>
                </thead>
                <tbody>
                  {model.s.bars.map((b) => (
                    <tr key={b.parameter}>
                      <th scope="row">{paramName(b.parameter)}</th>
                      <td>{paramValue(b.parameter, b.values[0])}</td>
                      <td>{paramValue(b.parameter, b.values[1])}</td>
                      <td>{mkr(b.low)}</td>
                      <td>{mkr(b.high)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="parameters-heading" className="no-print">
        <h2 id="parameters-heading">{t('followUpEconomics.parametersHeading')}</h2>
        <p>{t('followUpEconomics.parametersIntro')}</p>
        <div className="calculator-grid">
          {field('nonCompleters', base.nonCompleters, '')}
          {field('annualCost', base.annualCost, src('annualCost'))}
          {field('fromAge', base.fromAge, src('fromAge'))}
          {field('toAge', base.toAge, src('toAge'))}
          {field('discountRate', base.discountRate, src('discountRate'))}
          {field('shareOutside', base.shareOutside, src('shareOutside'))}
          {field('municipality', base.payerShares.municipality, src('municipality'))}
          {field('costPerParticipant', base.costPerParticipant, src('intervention'))}
          {field('participants', base.participants, '')}
          {field('extraCompletersLow', base.extraCompletersLow, '')}
          {field('extraCompletersHigh', base.extraCompletersHigh, '')}
        </div>
      </section>
    </>
  );
}
