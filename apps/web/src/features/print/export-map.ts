import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LegendItem } from '../../map/index.ts';
import { composePage, layoutPage } from './compose.ts';
import type { PageText } from './compose.ts';
import { CSS_PX_PER_INCH, MM_PER_INCH, pageMm } from './paper.ts';
import type { Orientation, Paper } from './paper.ts';
import { renderMap } from './render-map.ts';

// Print/export the map: render it off screen at the page's size and DPI, compose the page
// (title, legend, scale bar, north arrow, date, sources), and save it as PNG or PDF.

export type PrintOptions = {
  paper: Paper;
  orientation: Orientation;
  dpi: number;
  legend: boolean;
  format: 'png' | 'pdf';
  text: PageText;
};

const cssPx = (mm: number) => Math.round((mm / MM_PER_INCH) * CSS_PX_PER_INCH);

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const toBlob = (canvas: HTMLCanvasElement) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the page could not be encoded as PNG'))),
      'image/png',
    ),
  );

/** Produces the file and starts its download; resolves with the file name. */
export async function exportMap(
  live: MapLibreMap,
  legend: readonly LegendItem[],
  o: PrintOptions,
): Promise<string> {
  const page = pageMm(o.paper, o.orientation);
  const layout = layoutPage(page, o.legend);
  const [mw, mh] = layout.mapMm;
  const rendered = await renderMap(live, cssPx(mw), cssPx(mh), o.dpi);
  try {
    const canvas = composePage(layout, o.dpi, rendered.canvas, rendered.map, legend, o.text);
    const stamp = new Date().toISOString().slice(0, 10);
    const name = `${o.text.title}-${stamp}.${o.format}`;
    if (o.format === 'png') {
      download(await toBlob(canvas), name);
      return name;
    }
    const { jsPDF } = await import('jspdf');
    const pdf = new jsPDF({
      orientation: o.orientation,
      unit: 'mm',
      format: o.paper.toLowerCase(),
    });
    pdf.addImage(canvas.toDataURL('image/png'), 'PNG', 0, 0, page[0], page[1]);
    download(pdf.output('blob'), name);
    return name;
  } finally {
    rendered.dispose();
  }
}
