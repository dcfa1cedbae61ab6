import { describe, expect, it } from 'vitest';
import { statusOf } from './classify.ts';

describe('statusOf', () => {
  it('decides a prohibiting rule by margin and uncertainty', () => {
    expect(statusOf(30, 50, true, 'prohibited', 5)).toBe('violation');
    expect(statusOf(47, 50, true, 'prohibited', 5)).toBe('borderline');
    expect(statusOf(54, 50, true, 'no_renewal', 5)).toBe('borderline');
    expect(statusOf(56, 50, true, 'prohibited', 5)).toBe('clear');
  });

  it('lets inclusive decide exactly at the limit when there is no uncertainty', () => {
    expect(statusOf(200, 200, true, 'prohibited', 0)).toBe('violation');
    expect(statusOf(200, 200, false, 'prohibited', 0)).toBe('clear');
    expect(statusOf(200.0004, 200, true, 'prohibited', 0)).toBe('violation'); // within 1 mm
    expect(statusOf(200.01, 200, true, 'prohibited', 0)).toBe('clear');
    expect(statusOf(199.99, 200, false, 'prohibited', 0)).toBe('violation');
  });

  it('calls exactly-at-the-limit borderline when positions are uncertain', () => {
    expect(statusOf(200, 200, true, 'prohibited', 10)).toBe('borderline');
  });

  it('reports a monitoring band as monitor or clear, never borderline', () => {
    expect(statusOf(120, 200, true, 'monitor', 10)).toBe('monitor');
    expect(statusOf(205, 200, true, 'monitor', 10)).toBe('clear');
  });

  it('treats a zero limit as must-not-touch: overlap violates, a gap within u is borderline', () => {
    expect(statusOf(0, 0, true, 'prohibited', 1)).toBe('violation');
    expect(statusOf(0.8, 0, true, 'prohibited', 1)).toBe('borderline');
    expect(statusOf(3, 0, true, 'prohibited', 1)).toBe('clear');
  });
});
