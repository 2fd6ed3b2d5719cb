// The `--queue` argument: a Redis URL (`redis://HOST:PORT[/DB]`, `rediss://` for TLS, optional
// `user:password@`), checked before any connection is tried, and shown without its password.

export interface RedisTarget {
  /** The URL as ioredis takes it. */
  readonly url: string;
  /** The URL for messages and logs: the password replaced by `***`. */
  readonly display: string;
}

export type RedisUrlResult = { readonly ok: true; readonly target: RedisTarget } | { readonly ok: false; readonly problem: string };

/** Parses `--queue`; the problem names the flag and what was expected. */
export function parseRedisUrl(text: string): RedisUrlResult {
  const fail = (why: string): RedisUrlResult => ({
    ok: false,
    problem: `--queue: ${why}; expected a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS)`,
  });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`\`${text}\` is not a URL`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return fail(`unsupported scheme \`${url.protocol.replace(/:$/, '')}\``);
  if (url.hostname === '') return fail('no host');
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d{1,2}$/.test(url.pathname)) return fail(`\`${url.pathname.slice(1)}\` is not a database number`);
  if (url.search !== '' || url.hash !== '') return fail('query strings and fragments are not supported');
  const shown = new URL(url.href);
  if (shown.password !== '') shown.password = '***';
  return { ok: true, target: { url: url.href, display: shown.href.replace(/\/$/, '') } };
}
