import type { Child } from 'hono/jsx';

/** A column of a data table; numeric columns are right-aligned with tabular figures. */
export interface Column {
  label: string;
  numeric?: boolean;
}

/** A row: its header cell (the thing the row is about), then one cell per remaining column. */
export interface Row {
  header: Child;
  cells: Child[];
}

/**
 * A server-rendered data table with a caption, column headers and row headers (scope set), inside
 * a wrapper that scrolls on its own if a table is ever wider than a phone screen.
 */
export function DataTable(props: { caption: string; columns: Column[]; rows: Row[] }) {
  const num = (i: number) => (props.columns[i]?.numeric ? 'num' : undefined);
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th scope="col" class={num(i)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.header}</th>
              {r.cells.map((cell, i) => (
                <td class={num(i + 1)}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
