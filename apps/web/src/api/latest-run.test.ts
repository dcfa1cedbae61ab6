import { describe, expect, it } from 'vitest';
import { latestRunTracker } from './latest-run.ts';

// One lookup shared by every caller; it moves on only to a newer run, and tells listeners.

function counting(answers: (string | null | Error)[]) {
  let asked = 0;
  const lookUp = async () => {
    const answer = answers[Math.min(asked++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer ?? null;
  };
  return { lookUp, asked: () => asked };
}

describe('latestRunTracker', () => {
  it('looks the latest run up once for every caller', async () => {
    const runs = counting(['4']);
    const latest = latestRunTracker(runs.lookUp);
    expect(await Promise.all([latest.get(), latest.get()])).toEqual(['4', '4']);
    expect(await latest.get()).toBe('4');
    expect(runs.asked()).toBe(1);
  });

  it('moves on to a newer run it is told of, without asking, and tells its listeners', async () => {
    const runs = counting(['4']);
    const latest = latestRunTracker(runs.lookUp);
    await latest.get();
    let told = 0;
    const stop = latest.subscribe(() => told++);
    latest.saw('3'); // older: an answer about a run already passed
    latest.saw('4');
    expect([told, latest.version()]).toEqual([0, 0]);
    latest.saw('5');
    expect(await latest.get()).toBe('5');
    expect([told, latest.version()]).toEqual([1, 1]);
    stop();
    latest.saw('6');
    expect(told).toBe(1);
    expect(runs.asked()).toBe(1);
  });

  it('asks again after a failed lookup or while there is no run yet', async () => {
    const runs = counting([new Error('offline'), null, '1']);
    const latest = latestRunTracker(runs.lookUp);
    await expect(latest.get()).rejects.toThrow('offline');
    expect(await latest.get()).toBeNull();
    expect(await latest.get()).toBe('1');
    expect(await latest.get()).toBe('1');
    expect(runs.asked()).toBe(3);
  });
});
