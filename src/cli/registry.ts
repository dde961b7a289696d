/** Every CLI sub-command, by name. Add a command here to expose it. */
import type { CliCommand } from './command.js';
import { askCommand } from './commands/ask.js';
import { evalCommand } from './commands/eval.js';
import { gapsCommand } from './commands/gaps.js';
import { indexCommand } from './commands/index-cmd.js';
import { knowledgeCommand } from './commands/knowledge.js';
import { reportCommand } from './commands/report.js';
import { staffCommand } from './commands/staff.js';
import { thesaurusCommand } from './commands/thesaurus.js';

export const commands: CliCommand[] = [askCommand, indexCommand, evalCommand, staffCommand, gapsCommand, reportCommand, knowledgeCommand, thesaurusCommand];
