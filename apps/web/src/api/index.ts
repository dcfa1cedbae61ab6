// Typed client for the atlas API (same origin).
export { ApiError } from './http.ts'; // failures, with the problem+json body when there is one
export type { ApiErrorKind, Fetch } from './http.ts';
export { createApiClient, PAGE_SIZE_FEATURES } from './layers.ts'; // the layer endpoints
export type { ApiClient, FeaturePage, FeaturePageRequest } from './layers.ts';
export type { LayerInfo, LayerList } from './layers.ts';
export { searchClient } from './search.ts'; // GET /api/search
export type { SearchResponse } from './search.ts';
export { auditClient } from './audit.ts'; // findings, zones and runs of the perimeter audit
export type { AuditRunSummary, Finding, Zones, ZoneProperties } from './audit.ts';
export { summaryQuery } from './summary.ts'; // the district summary's query string
export type { FindingSummary, FindingsPage, SummaryRequest } from './summary.ts';
