package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.orZero;
import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.Probe;
import io.skiff.api.meta.IntOrString;
import java.util.List;

/**
 * Liveness and readiness probes, as Kubernetes' {@code validateProbe}: exactly one handler
 * (exec, httpGet, tcpSocket, checked in that order), timings not negative, and a liveness probe
 * that succeeds after exactly one success. Absent numbers are Go's zero.
 */
final class ProbeValidation {

    static final List<String> HTTP_SCHEMES = List.of(Probe.HTTPGetAction.SCHEME_HTTP, Probe.HTTPGetAction.SCHEME_HTTPS);
    private static final String MORE_THAN_ONE_HANDLER = "may not specify more than 1 handler type";

    private ProbeValidation() {
    }

    static void validateLivenessProbe(Probe probe, FieldPath path, ErrorList errs) {
        if (probe == null) {
            return;
        }
        validateProbe(probe, path, errs);
        if (orZero(probe.successThreshold()) != 1) {
            errs.add(FieldError.invalid(path.child("successThreshold"), orZero(probe.successThreshold()), "must be 1"));
        }
    }

    static void validateReadinessProbe(Probe probe, FieldPath path, ErrorList errs) {
        if (probe != null) {
            validateProbe(probe, path, errs);
        }
    }

    private static void validateProbe(Probe probe, FieldPath path, ErrorList errs) {
        handler(probe, path, errs);
        nonnegative(probe.initialDelaySeconds(), path.child("initialDelaySeconds"), errs);
        nonnegative(probe.timeoutSeconds(), path.child("timeoutSeconds"), errs);
        nonnegative(probe.periodSeconds(), path.child("periodSeconds"), errs);
        nonnegative(probe.successThreshold(), path.child("successThreshold"), errs);
        nonnegative(probe.failureThreshold(), path.child("failureThreshold"), errs);
    }

    /** validateHandler: the first handler set counts, every further one is Forbidden. */
    private static void handler(Probe probe, FieldPath path, ErrorList errs) {
        int handlers = 0;
        if (probe.exec() != null) {
            handlers++;
            List<String> command = probe.exec().command();
            if (command == null || command.isEmpty()) {
                errs.add(FieldError.required(path.child("exec").child("command"), ""));
            }
        }
        if (probe.httpGet() != null) {
            FieldPath p = path.child("httpGet");
            if (handlers++ > 0) {
                errs.add(FieldError.forbidden(p, MORE_THAN_ONE_HANDLER));
            } else {
                httpGet(probe.httpGet(), p, errs);
            }
        }
        if (probe.tcpSocket() != null) {
            FieldPath p = path.child("tcpSocket");
            if (handlers++ > 0) {
                errs.add(FieldError.forbidden(p, MORE_THAN_ONE_HANDLER));
            } else {
                validatePortNumOrName(probe.tcpSocket().port(), p.child("port"), errs);
            }
        }
        if (handlers == 0) {
            errs.add(FieldError.required(path, "must specify a handler type"));
        }
    }

    private static void httpGet(Probe.HTTPGetAction http, FieldPath path, ErrorList errs) {
        if (str(http.path()).isEmpty()) {
            errs.add(FieldError.required(path.child("path"), ""));
        }
        validatePortNumOrName(http.port(), path.child("port"), errs);
        if (!HTTP_SCHEMES.contains(str(http.scheme()))) {
            errs.add(FieldError.notSupported(path.child("scheme"), str(http.scheme()), HTTP_SCHEMES));
        }
        if (http.httpHeaders() != null) {
            for (Probe.HTTPHeader header : http.httpHeaders()) {
                String name = str(header.name());
                errs.addAll(FieldValidation.invalidEach(path.child("httpHeaders"), name, Validation.isHTTPHeaderName(name)));
            }
        }
    }

    /** ValidatePortNumOrName: a number 1-65535 or an IANA_SVC_NAME; absent is the number 0. */
    static void validatePortNumOrName(IntOrString port, FieldPath path, ErrorList errs) {
        if (port == null || port.holdsInt()) {
            long n = port == null ? 0 : port.intValue();
            errs.addAll(FieldValidation.validatePortNumber(n, path));
        } else {
            errs.addAll(FieldValidation.invalidEach(path, port.stringValue(), Validation.isValidPortName(port.stringValue())));
        }
    }

    private static void nonnegative(Integer value, FieldPath path, ErrorList errs) {
        if (value != null && value < 0) {
            errs.add(FieldError.invalid(path, value, FieldValidation.IS_NEGATIVE_ERROR_MSG));
        }
    }
}
