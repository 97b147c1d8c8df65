package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.METADATA;
import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.NodeStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Nodes, as Kubernetes' {@code ValidateNode} and {@code ValidateNodeUpdate} (which also guards
 * {@code /status}) check them: name, taints, capacity and allocatable amounts, pod CIDRs that
 * are only ever set once, a provider ID that never changes once set, no duplicate addresses.
 */
public final class NodeValidation {

    private static final String CIDR_CHANGE = "node updates may not change podCIDR except from \"\" to valid";

    private NodeValidation() {
    }

    public static List<FieldError> validate(Node node) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validate(node.metadata(), false, NameValidator.DNS_SUBDOMAIN, METADATA));
        NodeSpec spec = spec(node);
        // Kubernetes names taint errors metadata.taints[i] (its path starts at metadata).
        taints(spec.taints(), METADATA.child("taints"), errs);
        resources(node, errs);
        List<String> cidrs = podCIDRs(spec);
        FieldPath path = FieldPath.root("spec", "podCIDRs");
        for (int i = 0; i < cidrs.size(); i++) {
            errs.addAll(FieldValidation.invalidEach(path.index(i), cidrs.get(i), Validation.isValidCIDR(cidrs.get(i))));
        }
        if (cidrs.size() > 1) {
            long v6 = cidrs.stream().filter(c -> c.indexOf(':') >= 0).count();
            if (cidrs.size() > 2 || v6 != 1) {
                errs.add(FieldError.invalid(path, cidrs, "may specify no more than one CIDR for each IP family"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cidrs.size(); i++) {
                if (!seen.add(cidrs.get(i))) {
                    errs.add(FieldError.duplicate(path.index(i), cidrs.get(i)));
                }
            }
        }
        return errs.toList();
    }

    /** Both spec updates and status updates of a node. */
    public static List<FieldError> validateUpdate(Node newNode, Node oldNode) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newNode.metadata(), oldNode.metadata(), METADATA));
        resources(newNode, errs);
        NodeStatus status = newNode.status();
        if (status != null && status.addresses() != null) {
            Set<NodeStatus.NodeAddress> seen = new HashSet<>();
            for (int i = 0; i < status.addresses().size(); i++) {
                NodeStatus.NodeAddress a = status.addresses().get(i);
                if (!seen.add(new NodeStatus.NodeAddress(str(a.type()), str(a.address())))) {
                    errs.add(FieldError.duplicate(FieldPath.root("status", "addresses").index(i), GoFormat.literal(
                            "core.NodeAddress{Type:" + GoFormat.quote(str(a.type())) + ", Address:"
                                    + GoFormat.quote(str(a.address())) + "}")));
                }
            }
        }
        NodeSpec n = spec(newNode);
        NodeSpec o = spec(oldNode);
        List<String> oldCidrs = podCIDRs(o);
        List<String> newCidrs = podCIDRs(n);
        if (!oldCidrs.isEmpty()) {
            FieldPath path = FieldPath.root("spec", "podCIDRs");
            if (oldCidrs.size() != newCidrs.size()) {
                errs.add(FieldError.forbidden(path, CIDR_CHANGE));
            } else {
                for (int i = 0; i < oldCidrs.size(); i++) {
                    if (!oldCidrs.get(i).equals(newCidrs.get(i))) {
                        errs.add(FieldError.forbidden(path, CIDR_CHANGE));
                    }
                }
            }
        }
        if (!str(o.providerID()).isEmpty() && !Objects.equals(o.providerID(), n.providerID())) {
            errs.add(FieldError.forbidden(FieldPath.root("spec", "providerID"),
                    "node updates may not change providerID except from \"\" to valid"));
        }
        taints(n.taints(), METADATA.child("taints"), errs);
        return errs.toList();
    }

    private static void resources(Node node, ErrorList errs) {
        NodeStatus status = node.status();
        if (status != null) {
            errs.addAll(ResourceValidation.validateResourceList(status.capacity(), FieldPath.root("status", "capacity")));
            errs.addAll(ResourceValidation.validateResourceList(status.allocatable(), FieldPath.root("status", "allocatable")));
        }
    }

    /** validateNodeTaints: key and value label-like, an effect, one taint per key and effect. */
    private static void taints(List<NodeSpec.Taint> taints, FieldPath path, ErrorList errs) {
        if (taints == null) {
            return;
        }
        Map<String, Set<String>> keysByEffect = new HashMap<>();
        for (int i = 0; i < taints.size(); i++) {
            NodeSpec.Taint t = taints.get(i);
            FieldPath p = path.index(i);
            String key = str(t.key());
            String value = str(t.value());
            String effect = str(t.effect());
            errs.addAll(FieldValidation.validateLabelName(key, p.child("key")));
            List<String> msgs = Validation.isValidLabelValue(value);
            if (!msgs.isEmpty()) {
                errs.add(FieldError.invalid(p.child("value"), value, String.join(";", msgs)));
            }
            if (effect.isEmpty()) {
                errs.add(FieldError.required(p.child("effect"), ""));
            } else if (!PodSpecValidation.TAINT_EFFECTS.contains(effect)) {
                errs.add(FieldError.notSupported(p.child("effect"), effect, PodSpecValidation.TAINT_EFFECTS));
            }
            if (!keysByEffect.computeIfAbsent(effect, e -> new HashSet<>()).add(key)) {
                errs.add(new FieldError(FieldError.Type.DUPLICATE, p.toString(), GoFormat.literal(
                        "core.Taint{Key:" + GoFormat.quote(key) + ", Value:" + GoFormat.quote(value) + ", Effect:"
                                + GoFormat.quote(effect) + ", TimeAdded:(*v1.Time)(nil)}"),
                        "taints must be unique by key and effect pair"));
            }
        }
    }

    /** v1's podCIDR is podCIDRs[0] in Kubernetes' internal form, where the rules apply. */
    private static List<String> podCIDRs(NodeSpec spec) {
        if (spec.podCIDRs() != null && !spec.podCIDRs().isEmpty()) {
            return new ArrayList<>(spec.podCIDRs().stream().map(ObjectMetaValidation::str).toList());
        }
        return str(spec.podCIDR()).isEmpty() ? List.of() : List.of(spec.podCIDR());
    }

    private static NodeSpec spec(Node node) {
        return node.spec() == null ? new NodeSpec(null, null, null, null, null) : node.spec();
    }
}
