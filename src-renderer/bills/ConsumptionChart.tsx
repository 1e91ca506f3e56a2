import { formatCount } from '../format/count';
import { formatPeriod, formatPeriodShort } from './bill-words';
import './consumption-chart.css';

interface ConsumptionChartProps {
  /** Oldest first; the last one is the bill's own period. */
  readonly points: readonly { readonly period: string; readonly consumptionM3: number }[];
}

const width = 640;
const height = 250;
const top = 40;
const bottom = 50;
const gap = 24;

/**
 * Bars of m³ for the last six periods, drawn as SVG (no inline styles, which the CSP forbids).
 * Every bar carries its number, so the chart reads without comparing heights.
 */
export function ConsumptionChart({ points }: ConsumptionChartProps) {
  if (points.length === 0) return <p className="bills-muted">No hay consumos registrados para mostrar.</p>;
  const max = Math.max(1, ...points.map((point) => point.consumptionM3));
  const slot = width / points.length;
  const barWidth = Math.min(80, slot - gap);
  const plot = height - top - bottom;
  const summary = points
    .map((point) => `${formatPeriod(point.period)}: ${formatCount(point.consumptionM3)} m³`)
    .join('; ');

  return (
    <svg
      className="consumption-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Consumo por período en metros cúbicos. ${summary}.`}
    >
      <line className="consumption-chart__axis" x1={0} x2={width} y1={height - bottom} y2={height - bottom} />
      {points.map((point, index) => {
        const barHeight = Math.max(2, Math.round((point.consumptionM3 / max) * plot));
        const x = index * slot + (slot - barWidth) / 2;
        const y = height - bottom - barHeight;
        const current = index === points.length - 1;
        return (
          <g
            key={point.period}
            className={current ? 'consumption-chart__bar consumption-chart__bar--current' : 'consumption-chart__bar'}
          >
            <rect x={x} y={y} width={barWidth} height={barHeight} rx={6} />
            <text className="consumption-chart__value" x={x + barWidth / 2} y={y - 10} textAnchor="middle">
              {formatCount(point.consumptionM3)}
            </text>
            <text
              className="consumption-chart__label"
              x={x + barWidth / 2}
              y={height - bottom + 30}
              textAnchor="middle"
            >
              {formatPeriodShort(point.period)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
