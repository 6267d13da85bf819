const pad = (n: number) => String(n).padStart(2, '0');

/** Local time as 2024-07-01 09:30:05: unambiguous in both languages and sorts as text. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
