package io.skiff.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written matchers accept exactly what Kubernetes' regexes accept, on strings built from
 * the characters that matter at the edges of each grammar (letters of both cases, digits, '-',
 * '_', '.', '/', space, a non-ASCII letter).
 */
class SyntaxPropertiesTest {

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ENV_VAR_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HTTP_HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("aAzZ09-_./ é").ofMinLength(0).ofMaxLength(12);
    }

    @Property(tries = 3000)
    void dnsNamesMatchTheirRegexes(@ForAll("names") String s) {
        assertThat(Syntax.dns1123Label(s)).isEqualTo(DNS1123_LABEL.matcher(s).matches());
        assertThat(Syntax.dns1123Subdomain(s)).isEqualTo(DNS1123_SUBDOMAIN.matcher(s).matches());
        assertThat(Syntax.dns1035Label(s)).isEqualTo(DNS1035_LABEL.matcher(s).matches());
    }

    @Property(tries = 3000)
    void labelGrammarsMatchTheirRegexes(@ForAll("names") String s) {
        assertThat(Syntax.qualifiedNamePart(s, 0, s.length())).isEqualTo(QUALIFIED_NAME_PART.matcher(s).matches());
        assertThat(Syntax.labelValue(s)).isEqualTo(LABEL_VALUE.matcher(s).matches());
    }

    @Property(tries = 3000)
    void otherGrammarsMatchTheirRegexes(@ForAll("names") String s) {
        assertThat(Syntax.cIdentifier(s)).isEqualTo(C_IDENTIFIER.matcher(s).matches());
        assertThat(Syntax.envVarName(s)).isEqualTo(ENV_VAR_NAME.matcher(s).matches());
        assertThat(Syntax.portNameCharset(s)).isEqualTo(PORT_NAME_CHARSET.matcher(s).matches());
        assertThat(Syntax.hasLowerLetter(s)).isEqualTo(Pattern.compile("[a-z]").matcher(s).find());
        assertThat(Syntax.httpHeaderName(s)).isEqualTo(HTTP_HEADER_NAME.matcher(s).matches());
    }

    @Property(tries = 3000)
    void qualifiedNamesAreValidExactlyWhenNoMessageIsReturned(@ForAll("names") String s) {
        String slashed = s.replace(' ', '/');
        boolean fast = Syntax.qualifiedName(slashed, Validation.QUALIFIED_NAME_MAX_LENGTH,
                Validation.DNS1123_SUBDOMAIN_MAX_LENGTH);
        int slash = slashed.indexOf('/');
        String name = slash < 0 ? slashed : slashed.substring(slash + 1);
        boolean slow = QUALIFIED_NAME_PART.matcher(name).matches() && (slash < 0
                || slashed.indexOf('/', slash + 1) < 0 && DNS1123_SUBDOMAIN.matcher(slashed.substring(0, slash)).matches());
        assertThat(fast).isEqualTo(slow);
    }
}
