/** The header row of a data table in an island: one `th scope="col"` per column, numeric columns right-aligned by their class. */
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** "num" for figures (right-aligned, tabular), plus any class the table's CSS keys on. */
  className?: string;
}

/** A column of figures. */
export const numericColumn = (label: ReactNode): Column => ({ label, className: 'num' });

export default function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th scope="col" className={column.className} key={index}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
