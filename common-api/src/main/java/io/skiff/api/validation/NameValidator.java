package io.skiff.api.validation;

import java.util.List;

/**
 * The naming rule of a kind (Kubernetes' {@code ValidateNameFunc}): the problems of a name, or of a
 * {@code generateName} prefix when {@code prefix} is true. A prefix may end in '-' since random
 * characters follow it; the rules mask that dash as Kubernetes' {@code maskTrailingDash} does.
 */
@FunctionalInterface
public interface NameValidator {

    List<String> validate(String name, boolean prefix);

    /** Names that are DNS-1123 subdomains: pods, replication controllers, nodes, ... */
    NameValidator DNS_SUBDOMAIN = (name, prefix) -> Validation.isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

    /** Names that are DNS-1123 labels: namespaces. */
    NameValidator DNS_LABEL = (name, prefix) -> Validation.isDNS1123Label(prefix ? maskTrailingDash(name) : name);

    /** Names that are DNS-1035 labels: services. */
    NameValidator DNS_1035_LABEL = (name, prefix) -> Validation.isDNS1035Label(prefix ? maskTrailingDash(name) : name);

    /**
     * Replaces a trailing dash so a prefix like {@code web-} passes the name rule. Kubernetes'
     * version drops the last TWO characters and appends "a" ({@code ab-} is checked as {@code aa});
     * kept as is so the same prefixes pass and fail here as there.
     */
    static String maskTrailingDash(String name) {
        if (name.length() > 1 && name.endsWith("-")) {
            return name.substring(0, name.length() - 2) + "a";
        }
        return name;
    }
}
