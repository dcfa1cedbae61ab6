import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SearchResult } from '@atlas/search';
import { createApiClient } from './api/index.ts';
import { markDossier, markMapFailed, markMapReady } from './e2e-hooks.ts';
import { useCameraSync } from './features/atlas/use-camera-sync.ts';
import { useAtlasData } from './features/atlas/use-atlas-data.ts';
import { useTileStatus } from './features/atlas/use-tile-status.ts';
import { BasemapSettings } from './features/basemap/BasemapSettings.tsx';
import {
  applyOnlineBasemap,
  loadOnlineSetting,
  saveOnlineSetting,
} from './features/basemap/online-basemap.ts';
import type { OnlineBasemap } from './features/basemap/online-basemap.ts';
import { useBureauBasemap } from './features/basemap/use-bureau-basemap.ts';
import { DistrictView } from './features/district/DistrictView.tsx';
import { Dossier } from './features/dossier/Dossier.tsx';
import { filterFindings } from './features/dossier/filter-findings.ts';
import { showDossier } from './features/dossier/show-dossier.ts';
import { useDossier } from './features/dossier/use-dossier.ts';
import { ImportDialog } from './features/import/ImportDialog.tsx';
import { applyLayerState } from './features/layers/apply-to-map.ts';
import { LayerPanel } from './features/layers/LayerPanel.tsx';
import { PANEL_ITEMS } from './features/layers/panel-items.ts';
import { useViewCounts } from './features/layers/use-view-counts.ts';
import { MapView } from './features/map-view/MapView.tsx';
import { CursorCoords } from './features/measure/CursorCoords.tsx';
import { MeasureTools } from './features/measure/MeasureTools.tsx';
import { useMeasure } from './features/measure/use-measure.ts';
import { PrintDialog } from './features/print/PrintDialog.tsx';
import { FeaturePopup } from './features/popup/FeaturePopup.tsx';
import { refKey, useMapSelection } from './features/popup/use-map-selection.ts';
import { SearchBox } from './features/search/SearchBox.tsx';
import { DemoBanner } from './features/status/DemoBanner.tsx';
import { StatusBar } from './features/status/StatusBar.tsx';
import { useViewState } from './features/url-state/use-view-state.ts';
import type { ViewState } from './features/url-state/url-state.ts';
import { t } from './i18n/index.ts';
import { applyTheme, ATLAS_SOURCE, fitToBounds } from './map/index.ts';
import { STORE_CELL_LEGEND } from './map/layers/stores.ts';

// The atlas page: header (search, tools, demo banner), layer panel, map, school dossier.
// The map draws every layer from the atlas's vector tiles; the API gives the layer list
// (bounds, demo flag), the selected school's dossier and single features for popups. The
// view state (URL) drives what is shown, selected and filtered.

const api = createApiClient();
/** Zoom to which the map flies when a school or store is picked. */
const PICK_ZOOM = 16;

export function App() {
  const [view, setView] = useViewState();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const { data, retry } = useAtlasData(api);
  const tiles = useTileStatus(map);
  const [online, setOnline] = useState<OnlineBasemap>(loadOnlineSetting);
  const bureau = useBureauBasemap(map);
  const pickSchool = useCallback((id: string) => setView({ school: id }), [setView]);
  const [selection, setSelection] = useMapSelection(map, pickSchool);

  const list = data.phase === 'ready' ? data.list : null;
  const hidden = useMemo(() => new Set(view.hidden), [view.hidden]);
  const onCamera = useCallback(
    (camera: NonNullable<ViewState['camera']>) => setView({ camera }),
    [setView],
  );
  useCameraSync(map, list, view.camera, onCamera);

  // Theme first: it resets paint properties that the switches then narrow (store bubbles).
  useEffect(() => {
    if (map) {
      applyTheme(map, view.theme);
      applyLayerState(map, hidden, view.filters);
    }
    document.documentElement.dataset.theme = view.theme;
  }, [map, hidden, view.filters, view.theme]);
  useEffect(() => {
    if (map) applyOnlineBasemap(map, online);
  }, [map, online]);

  // The selected school's dossier, on the map and beside it.
  const dossier = useDossier(api, view.school);
  const dossierData = dossier?.status === 'loaded' ? dossier.data : null;
  const dossierFindings = useMemo(
    () => (dossierData?.findings ? filterFindings(dossierData.findings, view.filters) : []),
    [dossierData, view.filters],
  );
  useEffect(() => {
    if (!map) return;
    showDossier(map, dossierData, dossierFindings);
    if (!dossierData) return markDossier(null);
    map.once('idle', () => markDossier(dossierData.school.id));
    map.triggerRepaint();
  }, [map, dossierData, dossierFindings]);

  const measure = useMeasure(map);
  const [printing, setPrinting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [shared, setShared] = useState(false);
  const printLegend = useMemo(() => {
    const shown = PANEL_ITEMS.filter((i) => !hidden.has(i.id));
    const stores = shown.some((i) => i.id.startsWith('stores.'));
    return [...shown.flatMap((i) => i.legend), ...(stores ? [STORE_CELL_LEGEND] : [])];
  }, [hidden]);
  const share = useCallback(() => {
    void navigator.clipboard.writeText(window.location.href).then(() => setShared(true));
  }, []);

  const zoneCount = dossierData?.zones?.length ?? 0;
  const counts = useViewCounts(map, view.filters, zoneCount);
  const tilesFailed = tiles.status.state === 'failed';
  const failed = useMemo(
    () =>
      new Set(tilesFailed ? PANEL_ITEMS.filter((i) => i.counts !== 'zones').map((i) => i.id) : []),
    [tilesFailed],
  );

  // Tell end-to-end tests when the map has come to rest on the data's view with its tiles
  // loaded (or why it never will).
  const listReady = list !== null;
  const mapFailed = data.phase === 'list-failed' || tilesFailed;
  useEffect(() => {
    if (!map) return;
    if (mapFailed) {
      markMapFailed();
      return;
    }
    if (!listReady) return;
    const onIdle = () => {
      if (!map.isSourceLoaded(ATLAS_SOURCE)) return;
      map.off('idle', onIdle);
      markMapReady();
    };
    map.on('idle', onIdle);
    map.triggerRepaint();
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, listReady, mapFailed]);

  const toggle = useCallback(
    (item: string, visible: boolean) => {
      const next = new Set(hidden);
      if (visible) next.delete(item);
      else next.add(item);
      setView({ hidden: [...next] });
    },
    [hidden, setView],
  );
  const onPick = useCallback(
    (r: SearchResult) => {
      if (!map) return;
      if (r.bbox) fitToBounds(map, r.bbox);
      else map.jumpTo({ center: r.position, zoom: Math.max(map.getZoom(), PICK_ZOOM) });
      if (r.kind === 'school') setView({ school: r.id });
      if (r.kind === 'store')
        setSelection({ layer: 'stores', ref: { id: r.id }, lngLat: r.position });
    },
    [map, setView, setSelection],
  );
  const closePopup = useCallback(() => setSelection(null), [setSelection]);
  const closeDossier = useCallback(() => setView({ school: null }), [setView]);
  const changeOnline = useCallback((setting: OnlineBasemap) => {
    saveOnlineSetting(setting);
    setOnline(setting);
  }, []);

  return (
    <div className={`app${dossier ? ' with-dossier' : ''}`}>
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <SearchBox api={api} onPick={onPick} />
        <button
          type="button"
          className="tool-button"
          onClick={() => setPrinting(true)}
          disabled={!map}
        >
          {t.tools.print}
        </button>
        <button type="button" className="tool-button" onClick={() => setImporting(true)}>
          {t.import.open}
        </button>
        <button type="button" className="tool-button" onClick={share}>
          {shared ? t.tools.shared : t.tools.share}
        </button>
        {list?.demo && <DemoBanner />}
      </header>
      <aside className="sidebar">
        <div className="tabs" role="tablist" aria-label={t.sidebarTabs}>
          {(['layers', 'district'] as const).map((panel) => (
            <button
              key={panel}
              type="button"
              role="tab"
              aria-selected={view.panel === panel}
              className="tab"
              onClick={() => setView({ panel })}
            >
              {panel === 'layers' ? t.panel.title : t.district.title}
            </button>
          ))}
        </div>
        {view.panel === 'layers' ? (
          <>
            <LayerPanel hidden={hidden} counts={counts} failed={failed} onToggle={toggle} />
            <BasemapSettings
              theme={view.theme}
              onTheme={(theme) => setView({ theme })}
              online={online}
              onOnline={changeOnline}
              bureau={bureau}
            />
          </>
        ) : (
          <DistrictView
            api={api}
            map={map}
            filters={view.filters}
            onFilters={(filters) => setView({ filters })}
            onSchool={pickSchool}
          />
        )}
      </aside>
      <main className="map-area">
        <MapView onLoad={setMap} />
        <MeasureTools measure={measure} />
        <CursorCoords map={map} />
        <StatusBar data={data} tiles={tiles.status} onRetry={retry} onRetryTiles={tiles.retry} />
      </main>
      {dossier && <Dossier load={dossier} filters={view.filters} onClose={closeDossier} />}
      {map && printing && (
        <PrintDialog
          map={map}
          legend={printLegend}
          sources={
            list?.demo ? `${t.print.defaultSources}；${t.demoBanner}` : t.print.defaultSources
          }
          onClose={() => setPrinting(false)}
        />
      )}
      {importing && <ImportDialog map={map} onClose={() => setImporting(false)} />}
      {map && selection && (
        <FeaturePopup
          key={`${selection.layer}/${refKey(selection.ref)}/${selection.lngLat.join(',')}`}
          map={map}
          api={api}
          selection={selection}
          onClose={closePopup}
        />
      )}
    </div>
  );
}
