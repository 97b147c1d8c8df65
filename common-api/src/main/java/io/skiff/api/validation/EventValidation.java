package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.Event;
import io.skiff.api.core.ObjectReference;
import java.util.List;

/**
 * Events of core/v1, as Kubernetes' {@code legacyValidateEvent}, which is all Kubernetes checks
 * for that version on create and update (no metadata rules, for old clients): the namespace
 * agrees with the involved object's, and an event with an eventTime (a new-style event) names
 * its reporter, action and reason within their lengths.
 */
public final class EventValidation {

    static final int REPORTING_INSTANCE_LENGTH_LIMIT = 128;
    static final int ACTION_LENGTH_LIMIT = 128;
    static final int REASON_LENGTH_LIMIT = 128;
    static final int NOTE_LENGTH_LIMIT = 1024;
    private static final String DEFAULT_NAMESPACE = "default";
    private static final String SYSTEM_NAMESPACE = "kube-system";

    private EventValidation() {
    }

    public static List<FieldError> validate(Event event) {
        ErrorList errs = new ErrorList();
        String namespace = str(event.namespace());
        ObjectReference involved = event.involvedObject();
        String involvedNamespace = involved == null ? "" : str(involved.namespace());
        FieldPath involvedPath = FieldPath.root("involvedObject", "namespace");
        if (event.eventTime() == null) {
            boolean matches = involvedNamespace.isEmpty()
                    ? namespace.isEmpty() || namespace.equals(DEFAULT_NAMESPACE)
                    : namespace.equals(involvedNamespace);
            if (!matches) {
                errs.add(FieldError.invalid(involvedPath, involvedNamespace, "does not match event.namespace"));
            }
        } else {
            if (involvedNamespace.isEmpty() && !namespace.equals(DEFAULT_NAMESPACE) && !namespace.equals(SYSTEM_NAMESPACE)) {
                errs.add(FieldError.invalid(involvedPath, involvedNamespace, "does not match event.namespace"));
            }
            // The v1 field is reportingComponent (Kubernetes' internal name is reportingController).
            FieldPath controllerPath = FieldPath.root("reportingComponent");
            String controller = str(event.reportingComponent());
            if (controller.isEmpty()) {
                errs.add(FieldError.required(controllerPath, ""));
            }
            errs.addAll(FieldValidation.validateLabelName(controller, controllerPath));
            required(event.reportingInstance(), "reportingInstance", REPORTING_INSTANCE_LENGTH_LIMIT, errs);
            required(event.action(), "action", ACTION_LENGTH_LIMIT, errs);
            required(event.reason(), "reason", REASON_LENGTH_LIMIT, errs);
            if (Validation.utf8Length(str(event.message())) > NOTE_LENGTH_LIMIT) {
                errs.add(FieldError.invalid(FieldPath.root("message"), "", "can have at most " + NOTE_LENGTH_LIMIT + " characters"));
            }
        }
        errs.addAll(FieldValidation.invalidEach(FieldPath.root("namespace"), namespace, Validation.isDNS1123Subdomain(namespace)));
        return errs.toList();
    }

    /** Kubernetes checks a v1 event update exactly as a create. */
    public static List<FieldError> validateUpdate(Event newEvent, Event oldEvent) {
        return validate(newEvent);
    }

    private static void required(String value, String field, int limit, ErrorList errs) {
        FieldPath path = FieldPath.root(field);
        String v = str(value);
        if (v.isEmpty()) {
            errs.add(FieldError.required(path, ""));
        }
        if (Validation.utf8Length(v) > limit) {
            errs.add(FieldError.invalid(path, "", "can have at most " + limit + " characters"));
        }
    }
}
