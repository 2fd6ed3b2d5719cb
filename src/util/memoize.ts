// A function's answers kept by argument: each distinct key is computed once (Map lookups after).

/**
 * `compute` wrapped so that each distinct key (compared as Map keys: by value for strings) is
 * computed once; the cache lives as long as the returned function. Answers may be `null`, never
 * `undefined` (which marks "not computed yet").
 */
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
