/** `coderouter` from source (bin/coderouter.js runs dist, which needs a build): `node --import tsx cli.ts <args>`. */
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
