import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Popup } from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ApiClient } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { describeError } from '../status/describe-error.ts';
import { attributeRows, featureTitle } from './attributes.ts';
import type { Selection } from './use-map-selection.ts';
import { useFeature } from './use-feature.ts';

// A MapLibre popup whose content React renders through a portal. It takes focus when it
// opens (its close button), and Escape closes it.

const POPUP_MAX_WIDTH = '360px';

type Props = { map: MapLibreMap; api: ApiClient; selection: Selection; onClose: () => void };

export function FeaturePopup({ map, api, selection, onClose }: Props) {
  const [container] = useState(() => document.createElement('div'));
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);
  const [lng, lat] = selection.lngLat;
  const popupRef = useRef<Popup | null>(null);
  // MapLibre picks the side of the point the popup opens on when it is placed; placing it
  // again once the attributes arrive keeps the taller content inside the map.
  const replace = useCallback(() => {
    popupRef.current?.setLngLat([lng, lat]);
  }, [lng, lat]);

  useEffect(() => {
    // closeOnClick off: the map's click handler (use-map-selection.ts) decides what is selected.
    const popup = new Popup({
      maxWidth: POPUP_MAX_WIDTH,
      focusAfterOpen: true,
      closeOnClick: false,
    })
      .setLngLat([lng, lat])
      .setDOMContent(container)
      .addTo(map);
    const close = () => onCloseRef.current();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') popup.remove();
    };
    popupRef.current = popup;
    popup.on('close', close);
    popup.getElement()?.addEventListener('keydown', onKey);
    return () => {
      popup.off('close', close);
      popup.getElement()?.removeEventListener('keydown', onKey);
      popup.remove();
      popupRef.current = null;
    };
  }, [map, container, lng, lat]);

  return createPortal(
    <PopupContent api={api} selection={selection} onContentChange={replace} />,
    container,
  );
}

type ContentProps = { api: ApiClient; selection: Selection; onContentChange: () => void };

function PopupContent({ api, selection, onContentChange }: ContentProps) {
  const load = useFeature(api, selection.layer, selection.ref);
  useEffect(() => onContentChange(), [load.status, onContentChange]);
  const layerLabel = t.layers[selection.layer];
  if (load.status === 'loading') {
    return (
      <p className="popup-status" role="status">
        {t.popup.loading}
      </p>
    );
  }
  if (load.status === 'failed') {
    return (
      <p className="popup-status popup-error" role="alert">
        {t.popup.failed(describeError(load.error))}
      </p>
    );
  }
  const rows = attributeRows(selection.layer, load.feature);
  return (
    <div className="popup" data-layer={selection.layer} data-feature-id={load.feature.id}>
      <p className="popup-layer">{layerLabel}</p>
      <h3 className="popup-title">{featureTitle(load.feature)}</h3>
      <dl className="popup-attributes">
        {rows.map((row) => (
          <div key={row.label} className="popup-row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
