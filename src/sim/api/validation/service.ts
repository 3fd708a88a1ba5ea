/**
 * Service validation (pkg/apis/core/validation ValidateService), in upstream order. NodePort range
 * and "already allocated" errors come from the port allocator, which the API server runs after
 * validation, so they are not repeated here.
 */
import type { FieldError } from '../errors';
import { forbidden, invalid, notSupported, required, duplicate } from './field-errors';
import { validateLabels, validateObjectMeta } from './meta';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum, maskTrailingDash } from './names';
import { asObj, list } from './object-fields';

type Obj = Record<string, unknown>;

export const serviceNameErrors = (name: string, prefix: boolean): string[] => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

export function validateService(svc: Obj): FieldError[] {
  const errs = validateObjectMeta(svc.metadata as never, true, serviceNameErrors);
  const spec = asObj(svc.spec);
  const ports = list(spec.ports);
  const type = spec.type;
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (type === 'ExternalName') {
    const cname = String(spec.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    const name = typeof p.name === 'string' ? p.name : '';
    if (ports.length > 1 && !name) errs.push(required(`${path}.name`));
    else if (name) {
      for (const m of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, name, m));
      if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
      else names.add(name);
    }
    for (const m of isValidPortNum(Number(p.port ?? 0))) errs.push(invalid(`${path}.port`, Number(p.port ?? 0), m));
    if (!p.protocol) errs.push(required(`${path}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol as string)) errs.push(notSupported(`${path}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    const tp = p.targetPort;
    if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(invalid(`${path}.targetPort`, tp, m));
    else for (const m of isValidPortNum(Number(tp ?? 0))) errs.push(invalid(`${path}.targetPort`, Number(tp ?? 0), m));
    if (typeof p.appProtocol === 'string') for (const m of isQualifiedName(p.appProtocol)) errs.push(invalid(`${path}.appProtocol`, p.appProtocol, m));
  });
  if (spec.selector) errs.push(...validateLabels(spec.selector as Record<string, string>, 'spec.selector'));
  if (!spec.sessionAffinity) errs.push(required('spec.sessionAffinity'));
  else if (!['ClientIP', 'None'].includes(spec.sessionAffinity as string)) errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  if (!type) errs.push(required('spec.type'));
  else if (!['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'].includes(type as string)) {
    errs.push(notSupported('spec.type', type, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']));
  }
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, Number(p.nodePort)));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) {
      // Upstream reports the duplicated (protocol, port) pair as a Go struct literal (%#v).
      errs.push({
        field: `spec.ports[${i}]`,
        type: 'Duplicate value',
        value: `core.ServicePort{Name:"", Protocol:${JSON.stringify(String(p.protocol ?? ''))}, AppProtocol:(*string)(nil), Port:${Number(p.port ?? 0)}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
      });
    }
    seen.add(key);
  });
  const hasExternalIPs = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
  const external = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && hasExternalIPs);
  if (!external) {
    if (spec.externalTrafficPolicy) errs.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!spec.externalTrafficPolicy) errs.push(required('spec.externalTrafficPolicy'));
  else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy as string)) {
    errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  if (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errs.push(required('spec.internalTrafficPolicy'));
  } else if (!['Cluster', 'Local'].includes(spec.internalTrafficPolicy as string)) {
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}
