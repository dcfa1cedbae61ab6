import type { Finding } from '@atlas/audit';
import type { AuditRun, FindingQuery, FindingRowPage } from '@atlas/store';
import { DRAWN_STATUSES, setSchoolType, violationRecord } from './audit-records.ts';
import type { WorldBox } from './mercator.ts';
import type { ShapeRecord } from './records.ts';
import type { TileData } from './tile-data.ts';

// The violations layer: the lines of the latest audit run's findings, read from the store
// page by page and swapped in whole, so a tile never mixes two runs. A swap reports where
// the old and the new lines are, each from the zoom it is first drawn at, so that the
// cache evicts exactly the tiles that drew or will draw one. Each line carries its school's
// type as stored now (typeOf, asked when a run is swapped in and again when the school
// changes: retagSchool), as the district counts join it.

/**
 * Findings read per page from the store. Small pages die young: with 2,000 a page, a
 * province run (77,772 lines) took the process from 1,235 to 1,683 MB RSS while reading.
 */
export const FINDING_PAGE_SIZE = 250;

/** What the layer reads of a store (AtlasStore has it). */
export interface FindingSource {
  queryFindingRows<F>(runId: number, q: FindingQuery): Promise<FindingRowPage<F>>;
}

/** Boxes touched by a change, each with the lowest zoom whose tiles it can touch. */
export interface Touched {
  boxes: WorldBox[];
  fromZooms: number[];
}

/** A violation line and the school whose finding it draws (the line's props do not say). */
export interface ViolationLine {
  record: ShapeRecord;
  schoolId: string;
}

/** The violation lines of a run's findings (those with a drawn status). */
export async function readViolations(
  store: FindingSource,
  run: AuditRun,
): Promise<ViolationLine[]> {
  const lines: ViolationLine[] = [];
  let cursor: string | null = null;
  do {
    const page: FindingRowPage<Finding> = await store.queryFindingRows<Finding>(run.id, {
      statuses: [...DRAWN_STATUSES],
      limit: FINDING_PAGE_SIZE,
      cursor,
    });
    for (const { finding, township } of page.rows) {
      const record = violationRecord(finding, township);
      if (record) lines.push({ record, schoolId: finding.schoolId });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return lines;
}

function sameLine(a: ShapeRecord, b: ShapeRecord): boolean {
  if (a.coords.length !== b.coords.length) return false;
  for (let i = 0; i < a.coords.length; i++) if (a.coords[i] !== b.coords[i]) return false;
  const keys = Object.keys(a.props);
  return (
    keys.length === Object.keys(b.props).length && keys.every((k) => a.props[k] === b.props[k])
  );
}

type Drawn = { record: ShapeRecord; zoom: number; schoolId: string };

export class ViolationLayer {
  /** The lines drawn now, by finding id, with the zoom each is searched from. */
  private drawn = new Map<string, Drawn>();
  /** The lines drawn now by school id. */
  private bySchool = new Map<string, Drawn[]>();

  /** typeOf: the type of a stored school (undefined when it is not stored). */
  constructor(
    private readonly data: TileData,
    private readonly typeOf: (schoolId: string) => string | undefined,
  ) {}

  get size(): number {
    return this.drawn.size;
  }

  /**
   * Draw these lines instead of the current ones; returns where the lines that went, came
   * or changed are (a finding the same in both runs touches no tile).
   */
  replace(lines: readonly ViolationLine[]): Touched {
    const touched: Touched = { boxes: [], fromZooms: [] };
    const touch = (box: WorldBox, zoom: number) => {
      touched.boxes.push(box);
      touched.fromZooms.push(zoom);
    };
    const next = new Map<string, Drawn>();
    for (const { record, schoolId } of lines) {
      setSchoolType(record.props, this.typeOf(schoolId));
      const old = this.drawn.get(record.id);
      if (old && sameLine(old.record, record)) {
        next.set(record.id, old);
        continue;
      }
      if (old) touch(old.record.box, old.zoom);
      const zoom = this.data.putRecord('violations', record);
      next.set(record.id, { record, zoom, schoolId });
      touch(record.box, zoom);
    }
    for (const [id, old] of this.drawn) {
      if (next.has(id)) continue;
      this.data.removeRecord('violations', id);
      touch(old.record.box, old.zoom);
    }
    this.drawn = next;
    this.bySchool = new Map();
    for (const line of next.values()) {
      const ofSchool = this.bySchool.get(line.schoolId);
      if (ofSchool) ofSchool.push(line);
      else this.bySchool.set(line.schoolId, [line]);
    }
    return touched;
  }

  /** Where one of the lines starts (world units), or null when none is drawn. */
  anyLineStart(): [number, number] | null {
    for (const { record } of this.drawn.values()) return [record.coords[0]!, record.coords[1]!];
    return null;
  }

  /** Give the school's lines its type as stored now; returns where the lines that changed are. */
  retagSchool(schoolId: string): Touched {
    const touched: Touched = { boxes: [], fromZooms: [] };
    const type = this.typeOf(schoolId);
    for (const { record, zoom } of this.bySchool.get(schoolId) ?? []) {
      if (record.props.schoolType === type) continue;
      setSchoolType(record.props, type); // the indexed record itself: tiles cut later read it
      touched.boxes.push(record.box);
      touched.fromZooms.push(zoom);
    }
    return touched;
  }
}
