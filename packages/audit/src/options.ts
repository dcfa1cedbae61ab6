// Audit options and their defaults. Every number here is a measurement fact, not law:
// legal distances live in the rule profile.

/**
 * Positional uncertainty of a campus outline, gate or school point, metres. Outlines traced
 * from 不动产登记 parcels or sub-metre imagery are good to about a metre; added to a shop's own
 * uncertaintyM to decide `borderline` (需实地核查).
 */
export const DEFAULT_CAMPUS_UNCERTAINTY_M = 1;

/**
 * A distance within this of the limit is "exactly at the limit", where `inclusive` decides.
 * Geodesics here are good to micrometres; a millimetre absorbs rounding and nothing else.
 */
export const AT_LIMIT_TOLERANCE_M = 1e-3;

/**
 * A straight-line distance may be reported from the local plane (plane-bound.ts) when its
 * proven interval is at most this wide: the figure lies in the interval, so it is within this
 * of the geodesic (in practice micrometres: the mid-latitude plane). Wider intervals, and every
 * pair whose status the interval cannot decide, are measured exactly (GeographicLib). A tenth
 * of the 0.1 m the issue requires; statuses never depend on it.
 */
export const PLANE_DISTANCE_TOLERANCE_M = 0.01;

export interface AuditOptions {
  /** Positional uncertainty of school geometry, metres (see DEFAULT_CAMPUS_UNCERTAINTY_M). */
  campusUncertaintyM: number;
}

export const DEFAULT_AUDIT_OPTIONS: AuditOptions = {
  campusUncertaintyM: DEFAULT_CAMPUS_UNCERTAINTY_M,
};

/** Fill defaults; misuse by our own code (negative or non-finite numbers) throws at once. */
export function auditOptions(partial: Partial<AuditOptions> = {}): AuditOptions {
  const options = { ...DEFAULT_AUDIT_OPTIONS, ...partial };
  if (!Number.isFinite(options.campusUncertaintyM) || options.campusUncertaintyM < 0)
    throw new RangeError(
      `campusUncertaintyM must be a finite number ≥ 0 metres, got ${options.campusUncertaintyM}`,
    );
  return options;
}
