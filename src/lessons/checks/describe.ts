/**
 * The sentence a learner reads for each check, generated from the check itself: the text and
 * what is checked can never disagree. Markdown: `code` spans render as code in the player.
 */
import type { CheckSpec, TextMatch } from '../types';

const q = (s: string) => `“${s}”`;
const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

export function describeText(m: TextMatch): string {
  if (m.equals !== undefined) return m.equals === '' ? 'nothing' : `exactly ${q(m.equals)}`;
  if (m.matches !== undefined) return `text matching ${code('/' + m.matches + '/')}`;
  if (m.contains !== undefined) return q(m.contains);
  return '';
}

function inPod(pod: string, container?: string): string {
  return container ? `container ${code(container)} of pod ${code(pod)}` : `pod ${code(pod)}`;
}

function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

export function describeCheck(c: CheckSpec, byId?: (id: string) => CheckSpec | undefined): string {
  const s = sentence(c);
  if (!c.before) return s;
  const other = byId?.(c.before);
  return `${s}, before ${other ? lowerFirst(sentence(other)) : c.before}`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function sentence(c: CheckSpec): string {
  switch (c.kind) {
    case 'pod': {
      const parts: string[] = [];
      if (c.status !== undefined) parts.push(`STATUS ${c.status}`);
      if (c.ready !== undefined) parts.push(`READY ${c.ready}`);
      if (c.restartsAtLeast !== undefined) parts.push(`RESTARTS of at least ${c.restartsAtLeast}`);
      const shown = parts.length ? `${code(`kubectl get pod ${c.pod}`)} shows ${join(parts)}` : '';
      const phase = c.phase !== undefined ? `Pod ${code(c.pod)} is in phase ${c.phase}` : '';
      return phase && shown ? `${phase} and ${shown}` : phase || shown;
    }
    case 'container': {
      const who = `Container ${code(c.container)} of pod ${code(c.pod)}`;
      const extra: string[] = [];
      if (c.reason) extra.push(`reason ${c.reason}`);
      if (c.exitCode !== undefined) extra.push(`exit code ${c.exitCode}`);
      const tail = extra.length ? ` (${extra.join(', ')})` : '';
      if (c.state === 'running') return `${who} is running${tail}`;
      if (c.state === 'waiting') return `${who} is waiting${c.reason ? ` with reason ${c.reason}` : ''}`;
      return `${who} has terminated${tail}`;
    }
    case 'log':
      return `The log of ${c.previous ? 'the previous instance of ' : ''}${inPod(c.pod, c.container)} ${c.equals !== undefined ? 'is' : 'contains'} ${describeText(c)}`;
    case 'exec': {
      const cmd = code(c.command.map(shellWord).join(' '));
      const text = describeText(c);
      const exit = c.exitCode !== undefined ? `exits with ${c.exitCode}` : '';
      const prints = text ? `prints ${text}` : '';
      return `Running ${cmd} in ${inPod(c.pod, c.container)} ${[prints, exit].filter(Boolean).join(' and ')}`;
    }
    case 'http': {
      const path = c.path ?? '/';
      const target = c.nodePort
        ? `node01 on the NodePort of Service ${code(c.service!)}${c.port ? ` (port ${c.port})` : ''}`
        : c.service
          ? `Service ${code(c.service)}${c.port ? ` on port ${c.port}` : ''}`
          : `pod ${code(c.pod!)} on port ${c.port}`;
      const want = [c.status !== undefined ? `status ${c.status}` : '', describeText(c) ? `a body with ${describeText(c)}` : ''].filter(Boolean);
      return `An HTTP GET of ${code(path)} from ${target} answers${want.length ? ' with ' + want.join(' and ') : ''}`;
    }
    case 'file': {
      const where = c.volume ? `in volume ${code(c.volume)} of pod ${code(c.pod)}` : `in ${inPod(c.pod, c.container)}`;
      if (c.exists === false) return `File ${code(c.path)} ${where} does not exist`;
      const text = describeText(c);
      return `File ${code(c.path)} ${where} ${text ? (c.equals !== undefined ? `holds ${text}` : `contains ${text}`) : 'exists'}`;
    }
    case 'event':
      return `An event with reason ${c.reason} was recorded${c.object ? ` for ${code(c.object)}` : ''}${c.message ? `, its message matching ${code('/' + c.message + '/')}` : ''}`;
    case 'kubectl':
      return `${code('kubectl ' + c.command)} prints ${describeText(c)}`;
    case 'object':
      return `${c.resource} ${code(c.name)} ${c.exists ? 'exists' : 'does not exist'}`;
    case 'ran':
      return c.command ? `You ran ${code(c.command)} in the terminal` : `You ran a command matching ${code('/' + c.matches + '/')} in the terminal`;
  }
}

function join(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : parts.slice(0, -1).join(', ') + ' and ' + parts[parts.length - 1];
}
