/**
 * Probe and lifecycle-hook validation (validateProbe, validateLifecycle, handler checks): exactly
 * one handler, non-negative timings, successThreshold 1 except for readiness, and a preStop sleep
 * shorter than the pod's termination grace period.
 */
import type { FieldError } from '../errors';
import { forbidden, invalid, notSupported, required } from './field-errors';
import { isValidPortName, isValidPortNum, NEGATIVE_ERROR } from './names';
import { asObj } from './object-fields';

type Obj = Record<string, unknown>;

export function validateProbe(probe: unknown, path: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!probe || typeof probe !== 'object') return [];
  const p = probe as Obj;
  const errs = validateHandler(p, path, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  for (const key of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = p[key];
    if (typeof v === 'number' && v < 0) errs.push(invalid(`${path}.${key}`, v, NEGATIVE_ERROR));
  }
  if (typeof p.terminationGracePeriodSeconds === 'number' && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (kind === 'readiness' && p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds !== null) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  if (kind !== 'readiness' && p.successThreshold !== 1) errs.push(invalid(`${path}.successThreshold`, p.successThreshold ?? 0, 'must be 1'));
  return errs;
}

export function validateLifecycle(lc: Obj, grace: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    if (lc[hook]) errs.push(...validateHandler(asObj(lc[hook]), `${path}.${hook}`, ['exec', 'httpGet', 'tcpSocket', 'sleep'], grace));
  }
  return errs;
}

function validateHandler(h: Obj, path: string, kinds: string[], grace?: number): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const k of kinds) {
    if (!h[k]) continue;
    if (n > 0) {
      errs.push(forbidden(`${path}.${k}`, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const a = asObj(h[k]);
    const p = `${path}.${k}`;
    if (k === 'exec' && !(Array.isArray(a.command) && a.command.length > 0)) errs.push(required(`${p}.command`));
    if (k === 'httpGet') {
      if (!a.path) errs.push(required(`${p}.path`));
      errs.push(...portNumOrName(a.port, `${p}.port`));
      if (!['HTTP', 'HTTPS'].includes(a.scheme as string)) errs.push(notSupported(`${p}.scheme`, a.scheme ?? '', ['HTTP', 'HTTPS']));
    }
    if (k === 'tcpSocket' || k === 'grpc') errs.push(...portNumOrName(a.port, `${p}.port`));
    if (k === 'sleep' && grace !== undefined) {
      const s = Number(a.seconds ?? 0);
      if (s <= 0 || s > grace) {
        errs.push(invalid(p, s, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`));
      }
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function portNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = typeof port === 'number' ? port : 0;
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}
