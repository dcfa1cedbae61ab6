import { t } from '../../i18n/index.ts';

/** Shown whenever the API says its data is the fictional demo district. */
export function DemoBanner() {
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner" title={t.demoBannerHint}>
      <strong>{t.demoBanner}</strong>
      <span className="demo-banner-hint">{t.demoBannerHint}</span>
    </div>
  );
}
