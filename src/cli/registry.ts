/** Every CLI sub-command, by name. Add a command here to expose it. */
import type { CliCommand } from './command.js';
import { gapsCommand } from './commands/gaps.js';
import { staffCommand } from './commands/staff.js';

export const commands: CliCommand[] = [
  staffCommand,
  gapsCommand,
];
