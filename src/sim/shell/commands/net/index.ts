/** The network programs, by applet name. `hostname` replaces the plain one to add -i. */
import type { Program } from '../../../runtime/process';
import { wget } from './wget';
import { curl } from './curl';
import { nc } from './nc';
import { nslookup } from './nslookup';
import { ip } from './ip';
import { hostnameNet } from './hostname';

export const NET_PROGRAMS: Record<string, Program> = { wget, curl, nc, nslookup, ip, hostname: hostnameNet };
