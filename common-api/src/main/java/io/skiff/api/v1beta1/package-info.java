/**
 * {@code v1beta1}: the 2014 Kubernetes API, as Kubernetes v0.5 served it, as a second external
 * version of the hub. {@link io.skiff.api.v1beta1.V1beta1} is the
 * {@link io.skiff.api.codec.VersionConverter}; it is registered in
 * {@link io.skiff.api.codec.Scheme#defaultScheme()}, so a body saying {@code "apiVersion":
 * "v1beta1"} decodes like any other and {@code scheme.encode(obj, "v1beta1")} writes the 2014
 * form. The records ({@link io.skiff.api.v1beta1.PodTypes}, {@link io.skiff.api.v1beta1.ControllerTypes},
 * {@link io.skiff.api.v1beta1.ServiceTypes}, {@link io.skiff.api.v1beta1.MinionTypes},
 * {@link io.skiff.api.v1beta1.EventTypes}, {@link io.skiff.api.v1beta1.StatusTypes}) are the wire
 * shapes, field for field, checked against Kubernetes' {@code pkg/api/v1beta1/types.go} and
 * {@code conversion.go} of late 2014.
 *
 * <h2>Conversion</h2>
 * <ul>
 * <li><b>Metadata.</b> {@code id} is metadata.name, {@code uid}, {@code namespace},
 *     {@code creationTimestamp} and {@code annotations} are the same, {@code labels} sit on the
 *     object (pod, controller, service, minion; events had none). {@code resourceVersion} is a
 *     JSON number: the hub's string revision on the way out, and back to its decimal string on
 *     the way in. 0 meant unset (Go's omitempty) and reads as absent. A hub resourceVersion that
 *     is not a decimal number cannot be written: encoding throws IllegalArgumentException (the
 *     apiserver's revisions are numbers, so this is a caller's bug, not user input).
 *     {@code selfLink} is not kept in the hub and not written: the REST layer knows the request
 *     path and adds it ({@code /api/v1beta1/pods/web?namespace=default}).</li>
 * <li><b>Pod.</b> {@code desiredState.manifest} is the spec: {@code volumes}, {@code containers},
 *     {@code restartPolicy} ({@code {"always":{}}} is Always, {@code onFailure} OnFailure,
 *     {@code never} Never). The manifest's {@code id} and {@code uuid} are the pod's name and uid:
 *     written with them, and read when the top level has none (the top level wins).
 *     {@code version} is written as {@code v1beta1} and not checked on input.
 *     {@code desiredState.host} is spec.nodeName; it is also written as {@code currentState.host}
 *     (read from there when desiredState has none). {@code nodeSelector} is spec.nodeSelector.
 *     {@code currentState} is the status: {@code status} is the phase, Pending as Waiting,
 *     Running as Running, Succeeded and Failed as Terminated, Unknown as Unknown (as later v1beta1
 *     servers wrote it). Terminated reads back as Succeeded when every container in {@code info}
 *     exited 0, else Failed (v0.5 could not tell and chose Failed). {@code hostIP} and
 *     {@code podIP} are the same; {@code info} maps container name to {@code state}
 *     ({@code waiting{reason}}, {@code running{startedAt}}, {@code termination{exitCode, signal,
 *     reason, message, startedAt, finishedAt}}), {@code restartCount}, {@code image} and the pod's
 *     {@code podIP}; it is containerStatuses in the same order. A currentState with no status,
 *     IPs or info is no status.</li>
 * <li><b>Container.</b> {@code memory} (bytes) and {@code cpu} (thousandths of a core) are
 *     resources.limits memory and cpu, as v1beta1's conversion did (memory printed binary, cpu
 *     in millicores); 0 or absent is no limit. {@code command} replaced the image's CMD, so it is
 *     the hub's {@code args}; a hub {@code command} (an ENTRYPOINT override) has no v1beta1 field
 *     and is written prepended to args, the argv that runs for images without an ENTRYPOINT, and
 *     reads back as args. {@code imagePullPolicy} PullAlways / PullNever / PullIfNotPresent are
 *     Always / Never / IfNotPresent; other values pass through for validation to judge.
 *     {@code livenessProbe} keeps {@code httpGet{path, port, host}}, {@code tcpSocket{port}},
 *     {@code exec{command}} and {@code initialDelaySeconds}. {@code name}, {@code image},
 *     {@code workingDir}, {@code ports}, {@code env}, {@code volumeMounts} and
 *     {@code terminationMessagePath} are the same.</li>
 * <li><b>Volume.</b> {@code source.hostDir{path}} is hostPath, {@code source.emptyDir{}}
 *     emptyDir; a volume without a source is an emptyDir, as v1beta1 defined it.</li>
 * <li><b>ReplicationController.</b> {@code desiredState} is the spec: {@code replicas},
 *     {@code replicaSelector} as selector, {@code podTemplate} as template, whose
 *     {@code desiredState} is converted as a pod's and whose {@code labels} are the template's
 *     labels; the template manifest's {@code id}/{@code uuid} are the template's own name and uid
 *     (2014 manifests named the pods they described). {@code currentState.replicas} is
 *     status.replicas.</li>
 * <li><b>Service.</b> {@code port}, {@code containerPort} and {@code protocol} are the first
 *     port's port, targetPort and protocol; {@code portalIP} is clusterIP, {@code publicIPs}
 *     externalIPs, {@code selector} and {@code sessionAffinity} the same, and
 *     {@code createExternalLoadBalancer: true} is type LoadBalancer.</li>
 * <li><b>Minion</b> is the hub's Node (kind Minion, list MinionList; a v1beta1 body that says
 *     Node is refused). {@code hostIP} is the InternalIP address. {@code resources.capacity} is
 *     status.capacity, written as integers: cpu in millicores ({@code "cpu": 1000} is one core),
 *     everything else in units (memory in bytes). Input also takes quantity strings there, e.g.
 *     the cores-as-string {@code "2"} of later v1beta1 servers. {@code status.conditions}
 *     {@code {kind, status, lastProbeTime, lastTransitionTime, reason, message}} are the node
 *     conditions (kind is type, lastProbeTime lastHeartbeatTime) with status Full / None / Unknown
 *     for True / False / Unknown.</li>
 * <li><b>Event.</b> {@code involvedObject} is the same (its id spelled {@code name});
 *     {@code reason}, {@code message} the same; {@code source} is source.component;
 *     {@code timestamp} reads as firstTimestamp and lastTimestamp (one occurrence) and is written
 *     from lastTimestamp, else firstTimestamp; {@code status}, the object's state in a word
 *     ({@code running}), is the hub's {@code action}, the nearest short machine-readable field.</li>
 * <li><b>Status.</b> {@code status}, {@code message}, {@code reason}, {@code code} and
 *     {@code details.kind}, {@code details.causes[{reason, message, field}]} are the same;
 *     {@code details.id} is details.name; {@code Working} (an operation still running, details
 *     {@code {"id":"7","kind":"operation"}}) is carried as the hub's status string.</li>
 * <li><b>Lists</b> ({@code PodList}, {@code ReplicationControllerList}, {@code ServiceList},
 *     {@code MinionList}, {@code EventList}): {@code items} and a numeric
 *     {@code resourceVersion}; items are written with kind and apiVersion and may omit them on
 *     input, but a stated kind must be the list's. Hub lists keep the hub's own v1 kind
 *     ({@code NodeList}) and apiVersion.</li>
 * </ul>
 *
 * <h2>Earlier 2014 spellings, read but never written</h2>
 * Status {@code success} / {@code failure} / {@code working}; pod status {@code Pending}
 * (Waiting), {@code Stopped} (Terminated), any case, and the later {@code Succeeded};
 * {@code restartPolicy} keys in any case or as a plain string ({@code "OnFailure"});
 * {@code memory} / {@code cpu} as quantity strings ({@code "128Mi"}, {@code "500m"},
 * {@code "0.5"}); env {@code key} for {@code name}; volumeMount {@code path} for
 * {@code mountPath}; MinionList {@code minions} for {@code items}; pull policies and condition
 * statuses in their v1 spelling; a pod IP reported only per container in {@code info}.
 *
 * <h2>What v1beta1 cannot say (lost on hub -> v1beta1 -> hub)</h2>
 * <ul>
 * <li>metadata: generateName, generation, deletionTimestamp, deletionGracePeriodSeconds,
 *     ownerReferences, finalizers; an Event's labels; a resourceVersion of "0".</li>
 * <li>pod spec: terminationGracePeriodSeconds, activeDeadlineSeconds, dnsPolicy,
 *     serviceAccountName, hostNetwork, hostname, subdomain, schedulerName, tolerations,
 *     priorityClassName, priority, enableServiceLinks, preemptionPolicy; a restart policy other
 *     than the three; a pod template's annotations, other metadata and nodeSelector.</li>
 * <li>container: command as distinct from args (see above), readinessProbe,
 *     terminationMessagePolicy, resources.requests and limits other than cpu and memory (and
 *     their sub-unit fractions: memory rounds up to a byte, cpu to a millicore), volumeMount
 *     subPath, probe timeoutSeconds / periodSeconds / successThreshold / failureThreshold, httpGet
 *     scheme and httpHeaders, tcpSocket host.</li>
 * <li>volume: hostPath type, emptyDir medium and sizeLimit.</li>
 * <li>pod status: conditions, message, reason, podIPs, startTime, qosClass; a container's
 *     lastState, ready, imageID, containerID, started, waiting message, terminated containerID;
 *     Succeeded versus Failed when the exit codes do not tell them apart; duplicate container
 *     names in status.</li>
 * <li>replication controller: minReadySeconds; status other than replicas.</li>
 * <li>service: ports after the first, port name, nodePort; clusterIPs; type ClusterIP /
 *     NodePort / ExternalName (only LoadBalancer is expressible); loadBalancerIP, externalName;
 *     status.</li>
 * <li>node: spec (podCIDR, providerID, unschedulable, taints); allocatable, addresses other than
 *     the first InternalIP, daemonEndpoints, nodeInfo, images. v0.5's minion
 *     {@code status.phase} has no hub field and is ignored on input.</li>
 * <li>event: source.host, count, type, eventTime, reportingComponent, reportingInstance, a
 *     lastTimestamp different from firstTimestamp.</li>
 * <li>status: details.group, details.uid, details.retryAfterSeconds, metadata other than
 *     resourceVersion.</li>
 * </ul>
 * Fields are written absent rather than as Go's zero values ({@code "id": ""},
 * {@code "volumes": null}); clients of the time treated both alike.
 */
package io.skiff.api.v1beta1;
