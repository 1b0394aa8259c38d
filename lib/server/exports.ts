import 'server-only';
import { buildBrief } from '@/lib/domain/brief';
import { toAif } from '@/lib/domain/exchange/to-aif';
import { toArgdown } from '@/lib/domain/exchange/to-argdown';
import { toMarkdown } from '@/lib/domain/exchange/to-markdown';
import { toWebAnnotations } from '@/lib/domain/exchange/to-web-annotations';
import type { MapView } from '@/lib/domain/views';
import { AppError, httpStatus } from '@/lib/errors';
import { renderBriefPdf } from '@/lib/render/brief-pdf';
import { parseQuery, sideQuery } from '@/lib/schemas/query';

export interface ExportFile {
  body: string | Buffer;
  contentType: string;
  filename: string;
}

const slug = (t: string) =>
  t
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60) || 'map';

/** One map in one export format. `side` picks the thesis (1 or 2) for the brief. */
export async function exportMap(
  map: MapView,
  format: string,
  opts: { side?: number; url?: string } = {},
): Promise<ExportFile> {
  const name = slug(map.title);
  switch (format) {
    case 'markdown':
      return {
        body: toMarkdown(map),
        contentType: 'text/markdown; charset=utf-8',
        filename: `${name}.md`,
      };
    case 'argdown':
      return {
        body: toArgdown(map),
        contentType: 'text/plain; charset=utf-8',
        filename: `${name}.argdown`,
      };
    case 'aif':
      return {
        body: `${JSON.stringify(toAif(map), null, 2)}\n`,
        contentType: 'application/json',
        filename: `${name}.aif.json`,
      };
    case 'annotations':
      return {
        body: `${JSON.stringify(toWebAnnotations(map, opts.url), null, 2)}\n`,
        contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        filename: `${name}.annotations.jsonld`,
      };
    case 'brief-pdf': {
      const thesis = map.debate.theses[(opts.side ?? 1) - 1];
      if (!thesis) throw new AppError('INVALID', 'Choose side 1 or 2 for the brief.');
      const pdf = await renderBriefPdf(buildBrief(map, thesis.id));
      return {
        body: pdf,
        contentType: 'application/pdf',
        filename: `${name}-brief-side-${thesis.position + 1}.pdf`,
      };
    }
    default:
      throw new AppError('NOT_FOUND', `Unknown export format “${format}”.`);
  }
}

/** An export as a download, or a plain-text error with the right status. */
export async function exportResponse(
  load: () => Promise<MapView>,
  format: string,
  opts: { request: Request; url: string },
) {
  try {
    const map = await load();
    // ?side=1|2: the brief's side (sideQuery); anything else is refused (400).
    const { side } = parseQuery(sideQuery, opts.request.url);
    const file = await exportMap(map, format, { side, url: opts.url });
    const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
    return new Response(body, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // A map the caller may not see is reported as missing, not as forbidden.
    return new Response(e.message, {
      status: e.code === 'FORBIDDEN' ? 404 : httpStatus(e.code),
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}
