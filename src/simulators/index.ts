// Start simulators by kind; what `psa-hub simulate` and the tests call.
import { createConnectwiseSimulator } from './connectwise/index.ts';
import { createAutotaskSimulator } from './autotask/index.ts';
import { createHalopsaSimulator } from './halopsa/index.ts';
import { startSimServer } from './shared/sim-server.ts';
import type { RunningSimulator, SimKind, SimPsa, SimStartOptions } from './shared/types.ts';

export type { RunningSimulator, SimKind, SimStartOptions } from './shared/types.ts';

export const simulatorKinds: readonly SimKind[] = ['connectwise', 'autotask', 'halopsa'];

const factories: Record<SimKind, (seed?: unknown) => SimPsa> = {
  connectwise: createConnectwiseSimulator,
  autotask: createAutotaskSimulator,
  halopsa: createHalopsaSimulator,
};

export function startSimulator(kind: SimKind, opts: SimStartOptions = {}): Promise<RunningSimulator> {
  return startSimServer(factories[kind](opts.seed), opts);
}
