/**
 * The core kinds, shaped exactly as Kubernetes' core/v1 JSON: Pod, ReplicationController,
 * Service, Endpoints, Node, Event, Namespace, Binding. These records are the internal model (the
 * hub) every module works with; the v1 wire form is their Jackson form. Enum-like fields (phase,
 * restartPolicy, protocol, condition types) are Strings with constants, so decoding is lenient and
 * validation can report values it does not support.
 */
package io.skiff.api.core;
