import { loadConfig } from '../server/config.ts';
import { commands } from './commands.ts';

const [name = 'help', ...args] = process.argv.slice(2);
const command = commands[name] ?? commands.help!;
try {
  const code = await command.run(args, loadConfig());
  if (typeof code === 'number') process.exitCode = code;
} catch (err) {
  console.error(`giatja ${name}: ${(err as Error).message}`);
  process.exitCode = 1;
}
