/**
 * API object types come from the `kubernetes-types` package (generated from the Kubernetes OpenAPI
 * spec), never hand-written. This module only re-exports the ones the engine uses and adds the
 * envelope type every stored object shares.
 */
export type {
  Pod,
  PodSpec,
  PodStatus,
  Container,
  ContainerStatus,
  ContainerState,
  ContainerPort,
  PodCondition,
  Probe,
  Volume,
  VolumeMount,
  EnvVar,
  ConfigMap,
  Secret,
  Service,
  ServicePort,
  Namespace,
  Event,
  Node,
  ObjectReference,
  ServiceAccount,
  Endpoints,
} from 'kubernetes-types/core/v1';
export type { ObjectMeta } from 'kubernetes-types/meta/v1';

import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** kubernetes-types marks server-set fields readonly; the engine is the server, so it may set them. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Any object the store holds: apiVersion/kind plus metadata; the rest is kind-specific. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: Mutable<ObjectMeta>;
  [key: string]: unknown;
}
