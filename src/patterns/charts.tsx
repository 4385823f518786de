// Server-rendered SVG charts: each has a <title> and <desc> (named by aria-labelledby), sits in a
// <figure> with a caption, and is followed by the same figures as a data table, so nothing
// depends on seeing the picture and no client JavaScript is needed.
import type { Cell } from './stats.ts';

/** One bar: a label and a value (suppressed values draw no bar and say so). */
export interface Bar {
  label: string;
  cell: Cell;
}

const W = 640;
const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

function ChartFrame(props: { id: string; title: string; desc: string; height: number; children: unknown }) {
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${W} ${props.height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

/** A horizontal bar chart; the description lists every value in words. */
export function BarChart(props: { id: string; title: string; unit: string; bars: Bar[] }) {
  const max = Math.max(1, ...props.bars.map((b) => b.cell.value ?? 0));
  const rowH = 26;
  const labelW = 230;
  const barW = W - labelW - 70;
  const desc = props.bars
    .map(
      (b) =>
        `${b.label}: ${b.cell.suppressed ? 'fewer than 5 (not shown)' : `${fmt(b.cell.value)} ${props.unit}`}`,
    )
    .join('; ');
  return (
    <ChartFrame id={props.id} title={props.title} desc={desc} height={rowH * props.bars.length + 10}>
      {props.bars.map((b, i) => {
        const y = 5 + i * rowH;
        const w = b.cell.suppressed ? 0 : (barW * b.cell.value) / max;
        return (
          <g>
            <text x={labelW - 8} y={y + 17} class="chart-label" text-anchor="end">
              {b.label}
            </text>
            <rect x={labelW} y={y + 4} width={Math.max(w, 0)} height={rowH - 8} class="chart-bar" />
            <text x={labelW + w + 6} y={y + 17} class="chart-value">
              {b.cell.suppressed ? 'fewer than 5' : fmt(b.cell.value)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** One line of a line chart: a value per x (suppressed or missing points break the line). */
export interface Series {
  label: string;
  points: { x: number; y: number | null }[];
}

/** A line chart over whole-number x values (years), one line per series. */
export function LineChart(props: { id: string; title: string; unit: string; series: Series[] }) {
  const xs = [...new Set(props.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const ys = props.series.flatMap((s) => s.points.map((p) => p.y ?? 0));
  const maxY = Math.max(1, ...ys);
  const H = 240;
  const left = 50;
  const bottom = H - 30;
  const xAt = (x: number) =>
    xs.length <= 1
      ? left + (W - left - 20) / 2
      : left + ((x - xs[0]!) / (xs[xs.length - 1]! - xs[0]!)) * (W - left - 20);
  const yAt = (y: number) => bottom - (y / maxY) * (bottom - 15);
  const desc = props.series
    .map(
      (s) =>
        `${s.label}: ${s.points.map((p) => `${p.x} ${p.y === null ? 'not shown' : fmt(p.y)}`).join(', ')}`,
    )
    .join('. ');
  return (
    <ChartFrame id={props.id} title={props.title} desc={`${props.unit}. ${desc}`} height={H}>
      <line x1={left} y1={bottom} x2={W - 10} y2={bottom} class="chart-axis" />
      <line x1={left} y1={15} x2={left} y2={bottom} class="chart-axis" />
      <text x={left - 6} y={19} class="chart-value" text-anchor="end">
        {fmt(maxY)}
      </text>
      <text x={left - 6} y={bottom} class="chart-value" text-anchor="end">
        0
      </text>
      {xs.map((x) => (
        <text x={xAt(x)} y={H - 10} class="chart-value" text-anchor="middle">
          {String(x)}
        </text>
      ))}
      {props.series.map((s, i) => {
        const segments: string[][] = [[]];
        for (const p of s.points) {
          if (p.y === null) segments.push([]);
          else segments[segments.length - 1]!.push(`${xAt(p.x).toFixed(1)},${yAt(p.y).toFixed(1)}`);
        }
        return (
          <g class={`chart-series chart-series-${i % 6}`}>
            {segments
              .filter((seg) => seg.length > 0)
              .map((seg) =>
                seg.length === 1 ? (
                  <circle cx={seg[0]!.split(',')[0]} cy={seg[0]!.split(',')[1]} r="3" />
                ) : (
                  <polyline points={seg.join(' ')} />
                ),
              )}
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** A node and an edge of a network drawing. */
export interface NetNode {
  id: string;
  label: string;
  href: string;
}
export interface NetEdge {
  a: string;
  b: string;
  weight: number;
}

/**
 * A network drawn on a circle (nodes in the order given, which the caller sorts by weight), edges
 * as straight lines whose width grows with the number of shared incidents. A circle rather than a
 * force layout: the same data always gives the same picture.
 */
export function NetworkChart(props: { id: string; title: string; nodes: NetNode[]; edges: NetEdge[] }) {
  const H = 560;
  const cx = W / 2;
  const cy = H / 2;
  const r = 200;
  const at = new Map(
    props.nodes.map((n, i) => {
      const t = (2 * Math.PI * i) / Math.max(1, props.nodes.length) - Math.PI / 2;
      return [n.id, { x: cx + r * Math.cos(t), y: cy + r * Math.sin(t), t }];
    }),
  );
  const maxW = Math.max(1, ...props.edges.map((e) => e.weight));
  const desc = `${props.nodes.length} officers and ${props.edges.length} links. ${props.edges
    .slice(0, 40)
    .map(
      (e) =>
        `${label(props.nodes, e.a)} and ${label(props.nodes, e.b)}: ${e.weight} shared incident${e.weight === 1 ? '' : 's'}`,
    )
    .join('; ')}`;
  return (
    <ChartFrame id={props.id} title={props.title} desc={desc} height={H}>
      {props.edges.map((e) => {
        const p = at.get(e.a)!;
        const q = at.get(e.b)!;
        return (
          <line
            x1={p.x.toFixed(1)}
            y1={p.y.toFixed(1)}
            x2={q.x.toFixed(1)}
            y2={q.y.toFixed(1)}
            class="chart-edge"
            stroke-width={(1 + (4 * e.weight) / maxW).toFixed(1)}
          />
        );
      })}
      {props.nodes.map((n) => {
        const p = at.get(n.id)!;
        const right = Math.cos(p.t) >= 0;
        return (
          <a href={n.href}>
            <circle cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r="6" class="chart-node" />
            <text
              x={(p.x + (right ? 10 : -10)).toFixed(1)}
              y={(p.y + 4).toFixed(1)}
              class="chart-label"
              text-anchor={right ? 'start' : 'end'}
            >
              {n.label}
            </text>
          </a>
        );
      })}
    </ChartFrame>
  );
}

function label(nodes: NetNode[], id: string): string {
  return nodes.find((n) => n.id === id)?.label ?? id;
}
