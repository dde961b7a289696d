/** Every CLI sub-command, by name. Add a command here to expose it. */
import type { CliCommand } from './command.js';

export const commands: CliCommand[] = [];
