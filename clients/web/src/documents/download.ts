// Downloads a file the gateway serves (a contract document, a payment certificate). A link cannot carry the access
// token, so the page first asks the gateway for a signed link to that path (valid a minute, for this customer and
// this file only) and follows it: the browser then downloads the PDF itself, as from any plain link.
import { authedFetch } from '../auth/session.ts';

/**
 * Starts the download of `path` (e.g. a document's downloadUrl); false when no link could be had. With `keep`, the
 * same file is also fetched from the signed link and handed over (the offline copy of the attestation): a link
 * clicked by the page is downloaded by the browser, out of the page's (and the service worker's) sight.
 */
export async function download(path: string, keep?: (file: Response) => Promise<void>): Promise<boolean> {
  try {
    const res = await authedFetch('/download-links', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path }),
    });
    if (!res.ok) return false;
    const { url } = (await res.json()) as { url: string };
    const link = document.createElement('a');
    link.href = url;
    link.download = '';
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    if (keep)
      void fetch(url, { credentials: 'same-origin' })
        .then((file) => (file.ok ? keep(file) : undefined))
        .catch(() => {});
    return true;
  } catch {
    return false;
  }
}

/** "45 Ko", "1,2 Mo": sizes as French readers write them. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat('fr-FR').format(Math.max(1, Math.ceil(bytes / 1024)))}\u00a0Ko`;
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))}\u00a0Mo`;
}
