/**
 * The benches' `--profile FILE` option: a sampling CPU profile of the
 * measured round, taken in process through the inspector and written as a
 * `.cpuprofile` (open it in Chrome DevTools or speedscope).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** Start profiling when `file` is given; the returned stop writes the profile there (a no-op without a file). */
export async function startCpuProfile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
