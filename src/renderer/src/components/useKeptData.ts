import { useEffect, useState } from 'react';

/**
 * The latest answer, kept while the next one loads: turning a page or typing a search shows the previous
 * rows until the new ones arrive instead of flashing an empty table.
 */
export function useKeptData<T>(data: T | null): T | null {
  const [kept, setKept] = useState<T | null>(data);
  useEffect(() => {
    if (data !== null) setKept(data);
  }, [data]);
  return data ?? kept;
}
