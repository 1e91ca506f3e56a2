import type { ConfigFile } from '../config/config-file';
import type { Dispenser } from '../devices/dispenser/dispenser';
import { createCupsDispenser } from '../devices/dispenser/ipp/create-cups-dispenser';
import { SimulatedDispenser } from '../devices/dispenser/simulated-dispenser';
import type { Logger } from '../logger';

/**
 * The dispenser the config names (`dispenser` in ventanilla.json): a CUPS queue, or the
 * simulator with its sheets and, for a demonstration, how its next dispenses end.
 */
export function configuredDispenser(config: ConfigFile['dispenser'], log: Logger): Dispenser {
  if (config.kind === 'cups') {
    const { kind: _kind, ...cups } = config;
    return createCupsDispenser(cups, log);
  }
  const simulator = new SimulatedDispenser(config.sheets);
  for (const step of config.script) {
    if (step === 'jam') simulator.jamNext();
    else if (step === 'no-answer') simulator.loseNextAnswer();
    else simulator.passNext();
  }
  return simulator;
}
