// PostgreSQL URLs given by users (queue, history): the accepted schemes, and the URL as messages show it.
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** The URL with its password (if any) masked. */
export function displayUrl(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}
