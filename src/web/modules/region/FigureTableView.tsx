/** A protected table of counts from the region's contract: a hidden count reads «dolt», never a number. */
import { useTranslation } from 'react-i18next';
import type { FigureTable } from '../../../shared/region/contract.ts';
import { formatNumber } from '../../shared/format.ts';

export function FigureTableView({ table }: { table: FigureTable }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  return (
    <div className="table-scroll">
      <table>
        <caption>{table.caption[language]}</caption>
        <thead>
          <tr>
            <td />
            {table.columns.map((c) => (
              <th scope="col" key={c.sv}>
                {c[language]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.label.sv} className={r.total ? 'total' : undefined}>
              <th scope="row">{r.label[language]}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c.text ? c.text[language] : c.value === null ? t('region.hidden') : formatNumber(c.value, 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
