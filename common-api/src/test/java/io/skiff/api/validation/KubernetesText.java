package io.skiff.api.validation;

/**
 * Kubernetes' message texts, copied literally from apimachinery's util/validation so the tests
 * compare Skiff's output with what Kubernetes prints, not with Skiff's own builders.
 */
public final class KubernetesText {

    public static final String DNS1123_LABEL =
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
                    + "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
                    + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    public static final String DNS1123_SUBDOMAIN =
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
                    + "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
                    + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    public static final String DNS1035_LABEL =
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
                    + "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
                    + "validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    public static final String QUALIFIED_NAME_PART =
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                    + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                    + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    public static final String QUALIFIED_NAME_TOO_MANY_SLASHES =
            "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                    + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                    + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' "
                    + "(e.g. 'example.com/MyName')";
    public static final String LABEL_VALUE =
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
                    + "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex "
                    + "used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    public static final String C_IDENTIFIER =
            "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric "
                    + "characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is "
                    + "'[A-Za-z_][A-Za-z0-9_]*')";
    public static final String ENV_VAR_NAME =
            "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and "
                    + "must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used "
                    + "for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
    public static final String IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
    public static final String PORT_RANGE = "must be between 1 and 65535, inclusive";

    private KubernetesText() {
    }
}
