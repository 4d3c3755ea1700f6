import type { ReactNode } from "react";

/** One column: its header, what a row shows in it, and any class added to the cell (a date that must not wrap). */
export type Column<Row> = { header: ReactNode; cell: (row: Row) => ReactNode; className?: string };

/**
 * A ruled table read row by row: a caption for screen readers, column headers, one line per item.
 * `hidden` keeps an empty table in the page without showing it (the caller says why in words).
 */
export function DataTable<Row extends { id: string }>({
  caption,
  columns,
  rows,
  rowClassName,
  hidden,
}: {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: Row[];
  rowClassName?: string;
  hidden?: boolean;
}) {
  // Space between columns, none after the last.
  const padding = (index: number) => (index < columns.length - 1 ? "py-2 pr-4" : "py-2");
  return (
    <table hidden={hidden} className="w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-line">
          {columns.map((column, index) => (
            <th key={index} scope="col" className={padding(index)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={rowClassName ? `border-b border-line ${rowClassName}` : "border-b border-line"}>
            {columns.map((column, index) => (
              <td key={index} className={column.className ? `${padding(index)} ${column.className}` : padding(index)}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
