package io.skiff.api.validation;

/** File path rules of pod volumes: host paths without backsteps, sub-paths that stay inside the volume. */
final class PathRules {

    private PathRules() {
    }

    /** validatePathNoBacksteps: no {@code ..} element; one error however many there are. */
    static void noBacksteps(String path, FieldPath field, ErrorList errs) {
        for (String element : path.split("/", -1)) {
            if (element.equals("..")) {
                errs.add(FieldError.invalid(field, path, "must not contain '..'"));
                return;
            }
        }
    }

    /** validateLocalDescendingPath: relative, and no {@code ..} element. */
    static void localDescendingPath(String path, FieldPath field, ErrorList errs) {
        if (path.startsWith("/")) {
            errs.add(FieldError.invalid(field, path, "must be a relative path"));
        }
        noBacksteps(path, field, errs);
    }
}
