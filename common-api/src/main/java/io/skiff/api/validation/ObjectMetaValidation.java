package io.skiff.api.validation;

import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code metadata} of every kind, as Kubernetes' {@code ValidateObjectMeta} and
 * {@code ValidateObjectMetaUpdate} check it (apimachinery plus core's finalizer rule). Absent
 * strings and numbers are Go's zero values: a null name is the empty name.
 */
public final class ObjectMetaValidation {

    /** {@code metadata}, the root of every object's metadata errors. */
    public static final FieldPath METADATA = FieldPath.root("metadata");

    static final String FINALIZER_ORPHAN = "orphan";
    static final String FINALIZER_FOREGROUND = "foregroundDeletion";
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", FINALIZER_ORPHAN, FINALIZER_FOREGROUND);

    private ObjectMetaValidation() {
    }

    /**
     * On create, after any name was generated: name (or generateName) by {@code names}, namespace
     * required and a DNS label for namespaced kinds and absent otherwise, generation, labels,
     * annotations, owner references and finalizers.
     */
    public static List<FieldError> validate(ObjectMeta meta, boolean namespaced, NameValidator names, FieldPath path) {
        ObjectMeta m = meta == null ? ObjectMeta.EMPTY : meta;
        ErrorList errs = new ErrorList();
        errs.addAll(FieldValidation.validateObjectName(m.name(), m.generateName(), names, path));
        errs.addAll(FieldValidation.validateNamespace(m.namespace(), namespaced, path));
        errs.addAll(FieldValidation.validateNonnegative(orZero(m.generation()), path.child("generation")));
        common(m, errs, path);
        FieldPath finalizers = path.child("finalizers");
        validateFinalizers(m.finalizers(), finalizers, errs);
        kubeFinalizerNames(m.finalizers(), finalizers, errs);
        return errs.toList();
    }

    /**
     * On update: a resourceVersion is required (the precondition of the compare-and-swap); name,
     * namespace, uid, creation and deletion fields never change; generation never goes down; no
     * finalizer is added once deletion started; labels, annotations and owners are valid.
     */
    public static List<FieldError> validateUpdate(ObjectMeta newMeta, ObjectMeta oldMeta, FieldPath path) {
        ObjectMeta n = newMeta == null ? ObjectMeta.EMPTY : newMeta;
        ObjectMeta o = oldMeta == null ? ObjectMeta.EMPTY : oldMeta;
        ErrorList errs = new ErrorList();
        if (o.deletionTimestamp() != null) {
            Set<String> added = new TreeSet<>(orEmpty(n.finalizers()));
            added.removeAll(orEmpty(o.finalizers()));
            if (!added.isEmpty()) {
                errs.add(FieldError.forbidden(path.child("finalizers"),
                        "no new finalizers can be added if the object is being deleted, found new finalizers "
                                + GoFormat.value(List.copyOf(added))));
            }
        }
        if (str(n.resourceVersion()).isEmpty()) {
            errs.add(FieldError.invalid(path.child("resourceVersion"), "", "must be specified for an update"));
        }
        if (orZero(n.generation()) < orZero(o.generation())) {
            errs.add(FieldError.invalid(path.child("generation"), orZero(n.generation()), "must not be decremented"));
        }
        immutable(str(n.name()), str(o.name()), path.child("name"), errs);
        immutable(str(n.namespace()), str(o.namespace()), path.child("namespace"), errs);
        immutable(str(n.uid()), str(o.uid()), path.child("uid"), errs);
        immutable(goTime(n.creationTimestamp()), goTime(o.creationTimestamp()), path.child("creationTimestamp"), errs);
        immutable(n.deletionTimestamp(), o.deletionTimestamp(), path.child("deletionTimestamp"), errs);
        immutable(n.deletionGracePeriodSeconds(), o.deletionGracePeriodSeconds(),
                path.child("deletionGracePeriodSeconds"), errs);
        common(n, errs, path);
        kubeFinalizerNames(n.finalizers(), path.child("finalizers"), errs);
        return errs.toList();
    }

    /** Finalizer names (spec.finalizers of a namespace, metadata.finalizers): qualified, and standard when unprefixed. */
    static void validateFinalizerName(String name, FieldPath path, ErrorList errs) {
        errs.addAll(FieldValidation.validateLabelName(name, path));
        kubeFinalizerName(name, path, errs);
    }

    private static void common(ObjectMeta m, ErrorList errs, FieldPath path) {
        errs.addAll(FieldValidation.validateLabels(m.labels(), path.child("labels")));
        errs.addAll(FieldValidation.validateAnnotations(m.annotations(), path.child("annotations")));
        ownerReferences(m.ownerReferences(), path.child("ownerReferences"), errs);
    }

    /** Errors sit at {@code metadata.ownerReferences} itself, unindexed, as Kubernetes reports them. */
    private static void ownerReferences(List<OwnerReference> refs, FieldPath path, ErrorList errs) {
        if (refs == null) {
            return;
        }
        String firstController = "";
        for (OwnerReference ref : refs) {
            String apiVersion = str(ref.apiVersion());
            String version = versionOf(apiVersion);
            if (version.isEmpty()) {
                errs.add(FieldError.invalid(path.child("apiVersion"), apiVersion, "version must not be empty"));
            }
            if (str(ref.kind()).isEmpty()) {
                errs.add(FieldError.invalid(path.child("kind"), "", "must not be empty"));
            }
            if (str(ref.name()).isEmpty()) {
                errs.add(FieldError.invalid(path.child("name"), "", "must not be empty"));
            }
            if (str(ref.uid()).isEmpty()) {
                errs.add(FieldError.invalid(path.child("uid"), "", "must not be empty"));
            }
            // Events may not own anything (Kubernetes' BannedOwners).
            if (apiVersion.equals("v1") && "Event".equals(ref.kind())) {
                errs.add(FieldError.invalid(path, GoFormat.literal(ownerReferenceLiteral(ref)),
                        "/v1, Kind=Event is disallowed from being an owner"));
            }
            if (Boolean.TRUE.equals(ref.controller())) {
                String current = str(ref.kind()) + "/" + str(ref.name());
                if (firstController.isEmpty()) {
                    firstController = current;
                } else {
                    errs.add(FieldError.invalid(path, GoFormat.literal(ownerReferencesLiteral(refs)),
                            "Only one reference can have Controller set to true. Found \"true\" in references for "
                                    + firstController + " and " + current));
                }
            }
        }
    }

    /** schema.ParseGroupVersion: "" and "/" are empty, "v1" is a version, "g/v" a group and version, more slashes nothing. */
    private static String versionOf(String apiVersion) {
        if (apiVersion.isEmpty() || apiVersion.equals("/")) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return apiVersion;
        }
        return apiVersion.indexOf('/', slash + 1) >= 0 ? "" : apiVersion.substring(slash + 1);
    }

    /** apimachinery's ValidateFinalizers: qualified names at the unindexed path, orphan and foreground exclusive. */
    private static void validateFinalizers(List<String> finalizers, FieldPath path, ErrorList errs) {
        if (finalizers == null) {
            return;
        }
        for (String f : finalizers) {
            errs.addAll(FieldValidation.validateLabelName(str(f), path));
        }
        if (finalizers.contains(FINALIZER_ORPHAN) && finalizers.contains(FINALIZER_FOREGROUND)) {
            errs.add(FieldError.invalid(path, finalizers, "finalizer " + FINALIZER_ORPHAN + " and "
                    + FINALIZER_FOREGROUND + " cannot be both set"));
        }
    }

    /** core's rule on top: a finalizer without a '/' must be one Kubernetes defines. */
    private static void kubeFinalizerNames(List<String> finalizers, FieldPath path, ErrorList errs) {
        if (finalizers == null) {
            return;
        }
        for (int i = 0; i < finalizers.size(); i++) {
            kubeFinalizerName(str(finalizers.get(i)), path.index(i), errs);
        }
    }

    private static void kubeFinalizerName(String name, FieldPath path, ErrorList errs) {
        if (name.indexOf('/') < 0 && !STANDARD_FINALIZERS.contains(name)) {
            errs.add(FieldError.invalid(path, name, "name is neither a standard finalizer name nor is it fully qualified"));
        }
    }

    private static void immutable(Object newValue, Object oldValue, FieldPath path, ErrorList errs) {
        if (!Objects.equals(newValue, oldValue)) {
            errs.add(FieldError.invalid(path, newValue, FieldValidation.FIELD_IMMUTABLE_ERROR_MSG));
        }
    }

    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /** A metav1.Time value: absent is Go's zero time (GoFormat prints instants as Go does). */
    private static Instant goTime(Instant t) {
        return t == null ? GO_ZERO_TIME : t;
    }

    private static String ownerReferenceLiteral(OwnerReference ref) {
        return "v1.OwnerReference{APIVersion:" + GoFormat.quote(str(ref.apiVersion())) + ", Kind:" + GoFormat.quote(str(ref.kind()))
                + ", Name:" + GoFormat.quote(str(ref.name())) + ", UID:" + GoFormat.quote(str(ref.uid()))
                + ", Controller:" + boolPointer(ref.controller())
                + ", BlockOwnerDeletion:" + boolPointer(ref.blockOwnerDeletion()) + "}";
    }

    private static String ownerReferencesLiteral(List<OwnerReference> refs) {
        StringBuilder out = new StringBuilder("[]v1.OwnerReference{");
        for (int i = 0; i < refs.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(ownerReferenceLiteral(refs.get(i)));
        }
        return out.append('}').toString();
    }

    /** Go prints a set *bool as its address; Skiff has none to print, so it shows the value instead. */
    private static String boolPointer(Boolean b) {
        return b == null ? "(*bool)(nil)" : "(*bool)(" + b + ")";
    }

    static String str(String s) {
        return s == null ? "" : s;
    }

    static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    static long orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
