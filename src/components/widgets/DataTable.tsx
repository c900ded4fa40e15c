/**
 * The widgets' one data table: column headers, one row per item, optionally a caption for
 * screen readers and a box that scrolls sideways when the table is wider than the page.
 */
import type { Key, ReactNode } from 'react';

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** The cell names its row (`<th scope="row">`), so screen readers announce it with each value. @default false */
  rowHeader?: boolean;
  className?: string;
  /** Needed when `header` is not a string. */
  key?: Key;
}

export interface DataTableProps<Row> {
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** Read by screen readers only. */
  caption?: string;
  /** Added to `kp-table kp-table--compact`. */
  className?: string;
  /**
   * Wraps the table in a box that scrolls sideways. A string names the box as a region and makes
   * it focusable, so keyboard users can scroll it too (for tables long or wide enough to need it).
   * @default false
   * @example <DataTable scroll="Recent requests" … />
   */
  scroll?: boolean | string;
  /** Added to the scrolling box's `kp-table-scroll`. */
  scrollClassName?: string;
  /** A tooltip for a row. */
  rowTitle?: (row: Row) => string | undefined;
}

export default function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  className,
  scroll = false,
  scrollClassName,
  rowTitle,
}: DataTableProps<Row>) {
  const table = (
    <table className={`kp-table kp-table--compact${className ? ` ${className}` : ''}`}>
      {caption && <caption className="kp-sr-only">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={column.key ?? (typeof column.header === 'string' ? column.header : i)} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} title={rowTitle?.(row)}>
            {columns.map((column, i) => {
              const key = column.key ?? (typeof column.header === 'string' ? column.header : i);
              return column.rowHeader ? (
                <th key={key} scope="row" className={column.className}>
                  {column.cell(row, index)}
                </th>
              ) : (
                <td key={key} className={column.className}>
                  {column.cell(row, index)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (scroll === false) return table;
  const boxClass = `kp-table-scroll${scrollClassName ? ` ${scrollClassName}` : ''}`;
  return typeof scroll === 'string' ? (
    <div className={boxClass} role="region" aria-label={scroll} tabIndex={0}>
      {table}
    </div>
  ) : (
    <div className={boxClass}>{table}</div>
  );
}
