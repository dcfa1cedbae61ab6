// Whether an Accept-Encoding header lets a response go out gzipped: gzip or * listed
// with a non-zero quality (RFC 9110 §12.5.3). No header: identity only.

export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (!q || Number(q.slice(2)) > 0);
  });
}
