// A list page's filters, kept in the address (?status=failing&q=…) so a filtered view can be shared
// and survives a reload. Only the names given are read; empty values are dropped.
import { useSearchParams } from 'react-router';

export function useUrlFilters<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    names.flatMap((n) => {
      const v = params.get(n);
      return v ? [[n, v]] : [];
    }),
  ) as Partial<Record<K, string>>;
  const set = (name: K, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { values, set, clear };
}
