/**
 * `kubectl describe service`, as kubectl v1.32 prints it (describeService). Endpoints are read
 * from the Service's EndpointSlices (label kubernetes.io/service-name), ready endpoints only,
 * at most three per port then " + N more...".
 */
import type { Endpoints, Event, Service } from '../../api/types.ts';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { formatLabels } from '../printers/table.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, PrefixWriter } from './prefix-writer.ts';

export type { EndpointSlice };

function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * formatEndpointSlices (kubectl v1.32). Note its quirk, kept on purpose: once three addresses are
 * listed, any further endpoint (even a not-ready one, which is not counted) sets "more".
 */
export function formatEndpointSlices(slices: EndpointSlice[], portNames?: Set<string>): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const endpoints = s.endpoints ?? [];
    if ((s.ports ?? []).length === 0) {
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of s.ports ?? []) {
      if (portNames && !portNames.has(port.name ?? '')) continue;
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0], port.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/**
 * The EndpointSlice the endpointslice-mirroring / endpointslice controller would derive from a
 * legacy Endpoints object, for callers that only keep Endpoints.
 */
export function endpointSlicesFromEndpoints(ep: Endpoints | undefined): EndpointSlice[] {
  if (!ep) return [];
  return (ep.subsets ?? []).map((ss) => ({
    addressType: 'IPv4',
    endpoints: [
      ...(ss.addresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: true } })),
      ...(ss.notReadyAddresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: false } })),
    ],
    ports: (ss.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
  }));
}

/** describeService(svc, endpointSlices, events, now); events undefined hides the section. */
export function describeService(svc: Service, endpointSlices: EndpointSlice[], events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${sp.protocol ?? ''}\n`);
    w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? ''}/${sp.protocol ?? ''}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol ?? ''}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(endpointSlices, new Set([sp.name ?? '']))}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
    w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
  }
  describeEvents(events, w, now);
  return w.toString();
}
