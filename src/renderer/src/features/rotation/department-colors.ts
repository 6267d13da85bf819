/** Mantine palette names, far enough apart to tell neighbouring blocks apart. */
const PALETTE = ['blue', 'teal', 'grape', 'orange', 'cyan', 'lime', 'pink', 'indigo', 'yellow', 'green', 'violet', 'red'];
const SHADES = [3, 5];

/** A stable colour per department (by its position in the department list, so the legend matches). */
export function departmentColor(index: number): string {
  const name = PALETTE[index % PALETTE.length]!;
  const shade = SHADES[Math.floor(index / PALETTE.length) % SHADES.length]!;
  return `var(--mantine-color-${name}-${shade})`;
}
