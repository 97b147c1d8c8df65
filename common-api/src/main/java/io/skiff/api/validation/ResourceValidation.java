package io.skiff.api.validation;

import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.resource.Quantity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resource names and amounts: a container's {@code resources} and a node's capacity, as
 * Kubernetes' {@code validateResourceRequirements} and {@code ValidateResourceQuantityValue} check
 * them. Quantities arrive parsed (a malformed one is a decode error); what is left to check is
 * their sign, integrality, and requests against limits. Keys are visited in order, where Go's map
 * order is random, so the same object always reports the same list.
 */
public final class ResourceValidation {

    static final String NEGATIVE_QUANTITY = FieldValidation.IS_NEGATIVE_ERROR_MSG;
    private static final String HUGE_PAGES_PREFIX = "hugepages-";
    private static final String REQUESTS_PREFIX = "requests.";

    /** helper.standardResources: what a resource name without a domain may be. */
    private static final Set<String> STANDARD_RESOURCES = Set.of(
            "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services",
            "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "storage",
            "requests.storage", "services.nodeports", "services.loadbalancers");
    /** helper.integerResources: counted things, never fractions. */
    private static final Set<String> INTEGER_RESOURCES = Set.of(
            "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
            "persistentvolumeclaims", "services.nodeports", "services.loadbalancers");
    private static final Set<String> QOS_RESOURCES = Set.of("cpu", "memory");

    private ResourceValidation() {
    }

    /**
     * A container's requests and limits: names a container may ask for, amounts not negative
     * (whole for integer resources), each request no more than its limit; extended resources
     * ({@code example.com/gpu}) cannot be overcommitted, so their request equals their limit.
     */
    public static List<FieldError> validateResourceRequirements(ResourceRequirements requirements, FieldPath path) {
        ErrorList errs = new ErrorList();
        if (requirements == null) {
            return errs.toList();
        }
        FieldPath limPath = path.child("limits");
        FieldPath reqPath = path.child("requests");
        Map<String, Quantity> limits = requirements.limits() == null ? Map.of() : requirements.limits();
        boolean cpuOrMemory = false;
        boolean hugePages = false;
        for (String name : sortedKeys(limits)) {
            FieldPath p = limPath.key(name);
            containerResourceName(name, p, errs);
            quantityValue(name, limits.get(name), p, errs);
            hugePages |= name.startsWith(HUGE_PAGES_PREFIX);
            cpuOrMemory |= QOS_RESOURCES.contains(name);
        }
        Map<String, Quantity> requests = requirements.requests() == null ? Map.of() : requirements.requests();
        for (String name : sortedKeys(requests)) {
            Quantity request = requests.get(name);
            FieldPath p = reqPath.key(name);
            containerResourceName(name, p, errs);
            quantityValue(name, request, p, errs);
            Quantity limit = limits.get(name);
            if (limit != null && request != null) {
                // Errors sit at "requests" itself, not at the key, as Kubernetes reports them.
                if (request.compareTo(limit) != 0 && !isOvercommitAllowed(name)) {
                    errs.add(FieldError.invalid(reqPath, request.toString(),
                            "must be equal to " + name + " limit of " + limit));
                } else if (request.compareTo(limit) > 0) {
                    errs.add(FieldError.invalid(reqPath, request.toString(),
                            "must be less than or equal to " + name + " limit of " + limit));
                }
            } else if (limit == null && !isOvercommitAllowed(name)) {
                errs.add(FieldError.required(limPath, "Limit must be set for non overcommitable resources"));
            }
            hugePages |= name.startsWith(HUGE_PAGES_PREFIX);
            cpuOrMemory |= QOS_RESOURCES.contains(name);
        }
        if (hugePages && !cpuOrMemory) {
            errs.add(FieldError.forbidden(path, "HugePages require cpu or memory"));
        }
        return errs.toList();
    }

    /**
     * A node's capacity or allocatable: each amount not negative and whole for integer resources;
     * errors at {@code status.capacity.pods} (a child, as Kubernetes names it).
     */
    public static List<FieldError> validateResourceList(Map<String, Quantity> resources, FieldPath path) {
        ErrorList errs = new ErrorList();
        if (resources != null) {
            for (String name : sortedKeys(resources)) {
                quantityValue(name, resources.get(name), path.child(name), errs);
            }
        }
        return errs.toList();
    }

    /** ValidateResourceQuantityValue. */
    static void quantityValue(String name, Quantity q, FieldPath path, ErrorList errs) {
        if (q == null) {
            return;
        }
        if (q.signum() < 0) {
            errs.add(FieldError.invalid(path, q.toString(), NEGATIVE_QUANTITY));
        }
        if (isIntegerResource(name) && q.amount().stripTrailingZeros().scale() > 0) {
            // Go prints the Quantity struct here; its canonical string says the same, readably.
            errs.add(FieldError.invalid(path, GoFormat.literal(q.toString()), "must be an integer"));
        }
    }

    /** validateContainerResourceName (which starts with validateResourceName). */
    private static void containerResourceName(String name, FieldPath path, ErrorList errs) {
        List<String> qualified = Validation.isQualifiedName(name);
        errs.addAll(FieldValidation.invalidEach(path, name, qualified));
        boolean unprefixed = name.indexOf('/') < 0;
        if (qualified.isEmpty() && unprefixed && !isStandardResourceName(name)) {
            errs.add(FieldError.invalid(path, name, "must be a standard resource type or fully qualified"));
        }
        if (unprefixed) {
            if (!isStandardContainerResourceName(name)) {
                errs.add(FieldError.invalid(path, name, "must be a standard resource for containers"));
            }
        } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
            errs.add(FieldError.invalid(path, name, "doesn't follow extended resource name standard"));
        }
    }

    static boolean isStandardResourceName(String name) {
        return STANDARD_RESOURCES.contains(name) || name.startsWith(HUGE_PAGES_PREFIX)
                || name.startsWith(REQUESTS_PREFIX + HUGE_PAGES_PREFIX);
    }

    static boolean isStandardContainerResourceName(String name) {
        return QOS_RESOURCES.contains(name) || name.equals("ephemeral-storage") || name.startsWith(HUGE_PAGES_PREFIX);
    }

    /** Kubernetes' own resources: no domain, or the kubernetes.io domain. */
    static boolean isNativeResource(String name) {
        return name.indexOf('/') < 0 || name.contains("kubernetes.io/");
    }

    /** A vendor resource such as {@code example.com/gpu}, whose quota name must also be qualified. */
    static boolean isExtendedResourceName(String name) {
        if (isNativeResource(name) || name.startsWith(REQUESTS_PREFIX)) {
            return false;
        }
        return Validation.isQualifiedName(REQUESTS_PREFIX + name).isEmpty();
    }

    static boolean isIntegerResource(String name) {
        return INTEGER_RESOURCES.contains(name) || isExtendedResourceName(name);
    }

    static boolean isOvercommitAllowed(String name) {
        return isNativeResource(name) && !name.startsWith(HUGE_PAGES_PREFIX);
    }

    private static String[] sortedKeys(Map<String, ?> map) {
        String[] keys = map.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        return keys;
    }
}
