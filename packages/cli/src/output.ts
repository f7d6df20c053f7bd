/** The `--output` formats. */
export const OUTPUT_FORMATS = ['table', 'json'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

const BIGINT_MARK = '\u0000bigint:'

/**
 * JSON on one line; bigints (offsets, epochs, versions) are written as exact JSON numbers rather
 * than rounded through a double or quoted.
 */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v) =>
    typeof v === 'bigint' ? `${BIGINT_MARK}${v.toString()}` : v,
  )
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1')
}

/** A plain-text table: a header row, then rows, columns padded to their widest cell. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => cellText(cell)))
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)))
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined || cell === '') return '-'
  if (Array.isArray(cell)) return cell.length === 0 ? '-' : cell.join(',')
  return String(cell)
}
