package io.skiff.api.selector;

import io.skiff.api.validation.ErrorList;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The label selector grammar, lexed and parsed as Kubernetes' {@code labels.Parse} does, token for
 * token, so the same inputs fail with the same messages:
 * <pre>
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= [!] KEY [ set-based | exact-match ]
 *   set-based   ::= ( "in" | "notin" ) "(" VALUE { "," VALUE } ")"
 *   exact-match ::= ( "=" | "==" | "!=" | ">" | "<" ) VALUE
 * </pre>
 * Whitespace is space, tab, CR and LF. "in" and "notin" are keywords only where an operator goes.
 */
final class LabelSelectorParser {

    private enum Token {
        END, CLOSED_PAR, COMMA, DOES_NOT_EXIST, DOUBLE_EQUALS, EQUALS, GREATER_THAN, IDENTIFIER, IN, LESS_THAN,
        NOT_EQUALS, NOT_IN, OPEN_PAR
    }

    /** Where the parser is: after a key an "in" is an operator; among values it is a value. */
    private enum Context { KEY_AND_OPERATOR, VALUES }

    private record Item(Token token, String literal) {
    }

    private static final Map<String, Token> LITERALS = Map.ofEntries(
            Map.entry(")", Token.CLOSED_PAR), Map.entry(",", Token.COMMA), Map.entry("!", Token.DOES_NOT_EXIST),
            Map.entry("==", Token.DOUBLE_EQUALS), Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER_THAN),
            Map.entry("in", Token.IN), Map.entry("<", Token.LESS_THAN), Map.entry("!=", Token.NOT_EQUALS),
            Map.entry("notin", Token.NOT_IN), Map.entry("(", Token.OPEN_PAR));

    /** Kubernetes' binaryOperators, as its "expected:" message lists them. */
    private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    private final List<Item> items;
    private int position;

    private LabelSelectorParser(String selector) {
        this.items = scan(selector);
    }

    /** The requirements in the order written; the caller sorts them. */
    static List<LabelRequirement> parse(String selector) throws InvalidSelectorException {
        return new LabelSelectorParser(selector).parseSelector();
    }

    // ---- lexer ----

    private static boolean isWhitespace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    }

    private static boolean isSpecialSymbol(char ch) {
        return switch (ch) {
            case '=', '!', '(', ')', ',', '>', '<' -> true;
            default -> false;
        };
    }

    private static List<Item> scan(String s) {
        List<Item> items = new ArrayList<>();
        int pos = 0;
        while (true) {
            while (pos < s.length() && isWhitespace(s.charAt(pos))) {
                pos++;
            }
            if (pos == s.length()) {
                items.add(new Item(Token.END, ""));
                return items;
            }
            int start = pos;
            if (isSpecialSymbol(s.charAt(pos))) {
                // The longest run of symbols that is an operator: "!=" over "!", "==" over "=".
                Item last = null;
                while (pos < s.length() && isSpecialSymbol(s.charAt(pos))) {
                    String candidate = s.substring(start, pos + 1);
                    Token token = LITERALS.get(candidate);
                    if (token == null && last != null) {
                        break;
                    }
                    if (token != null) {
                        last = new Item(token, candidate);
                    }
                    pos++;
                }
                // Every symbol alone is a token, so the first one always matched.
                items.add(last);
                pos = start + last.literal().length();
            } else {
                while (pos < s.length() && !isSpecialSymbol(s.charAt(pos)) && !isWhitespace(s.charAt(pos))) {
                    pos++;
                }
                String literal = s.substring(start, pos);
                items.add(new Item(LITERALS.getOrDefault(literal, Token.IDENTIFIER), literal));
            }
        }
    }

    // ---- parser ----

    private Item lookahead(Context context) {
        return inContext(items.get(position), context);
    }

    private Item consume(Context context) {
        return inContext(items.get(position++), context);
    }

    private static Item inContext(Item item, Context context) {
        if (context == Context.VALUES && (item.token() == Token.IN || item.token() == Token.NOT_IN)) {
            return new Item(Token.IDENTIFIER, item.literal());
        }
        return item;
    }

    private List<LabelRequirement> parseSelector() throws InvalidSelectorException {
        List<LabelRequirement> requirements = new ArrayList<>();
        while (true) {
            Item next = lookahead(Context.VALUES);
            switch (next.token()) {
                case IDENTIFIER, DOES_NOT_EXIST -> {
                    try {
                        requirements.add(parseRequirement());
                    } catch (InvalidSelectorException e) {
                        throw new InvalidSelectorException("unable to parse requirement: " + e.getMessage());
                    }
                    Item after = consume(Context.VALUES);
                    switch (after.token()) {
                        case END -> {
                            return requirements;
                        }
                        case COMMA -> {
                            Item following = lookahead(Context.VALUES);
                            if (following.token() != Token.IDENTIFIER && following.token() != Token.DOES_NOT_EXIST) {
                                throw error("found '%s', expected: identifier after ','", following.literal());
                            }
                        }
                        default -> throw error("found '%s', expected: ',' or 'end of string'", after.literal());
                    }
                }
                case END -> {
                    return requirements;
                }
                default -> throw error("found '%s', expected: !, identifier, or 'end of string'", next.literal());
            }
        }
    }

    private LabelRequirement parseRequirement() throws InvalidSelectorException {
        Operator operator = null;
        Item item = consume(Context.VALUES);
        if (item.token() == Token.DOES_NOT_EXIST) {
            operator = Operator.DOES_NOT_EXIST;
            item = consume(Context.VALUES);
        }
        if (item.token() != Token.IDENTIFIER) {
            throw error("found '%s', expected: identifier", item.literal());
        }
        String key = item.literal();
        List<String> keyProblems = Validation.isQualifiedName(key);
        if (!keyProblems.isEmpty()) {
            // Kubernetes validates the key here with a nil field path, hence "<nil>: Invalid value: ...".
            throw new InvalidSelectorException(FieldError.invalid(null, key, String.join("; ", keyProblems)).message());
        }
        Token next = lookahead(Context.VALUES).token();
        if (next == Token.END || next == Token.COMMA) {
            return requirement(key, operator == null ? Operator.EXISTS : operator, List.of());
        }
        if (operator == Operator.DOES_NOT_EXIST) {
            return requirement(key, operator, List.of());
        }
        operator = parseOperator();
        List<String> values = switch (operator) {
            case IN, NOT_IN -> parseValues();
            default -> parseExactValue();
        };
        return requirement(key, operator, values);
    }

    private static LabelRequirement requirement(String key, Operator operator, List<String> values)
            throws InvalidSelectorException {
        ErrorList errors = LabelRequirement.validate(key, operator, values, null);
        if (!errors.isEmpty()) {
            throw new InvalidSelectorException(errors.aggregateMessage());
        }
        return new LabelRequirement(key, operator, values);
    }

    private Operator parseOperator() throws InvalidSelectorException {
        Item item = consume(Context.KEY_AND_OPERATOR);
        return switch (item.token()) {
            case IN -> Operator.IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case GREATER_THAN -> Operator.GREATER_THAN;
            case LESS_THAN -> Operator.LESS_THAN;
            case NOT_IN -> Operator.NOT_IN;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            default -> throw error("found '%s', expected: %s", item.literal(), BINARY_OPERATORS);
        };
    }

    /** {@code (a,b,c)}; empty values are allowed: {@code ()} and {@code (,a)} hold "". */
    private List<String> parseValues() throws InvalidSelectorException {
        Item open = consume(Context.VALUES);
        if (open.token() != Token.OPEN_PAR) {
            throw error("found '%s' expected: '('", open.literal());
        }
        Item first = lookahead(Context.VALUES);
        switch (first.token()) {
            case IDENTIFIER, COMMA -> {
                List<String> values = parseIdentifiersList();
                if (consume(Context.VALUES).token() != Token.CLOSED_PAR) {
                    throw error("found '%s', expected: ')'", first.literal());
                }
                return values;
            }
            case CLOSED_PAR -> {
                consume(Context.VALUES);
                return List.of("");
            }
            default -> throw error("found '%s', expected: ',', ')' or identifier", first.literal());
        }
    }

    private List<String> parseIdentifiersList() throws InvalidSelectorException {
        TreeSet<String> values = new TreeSet<>(Utf8Order.COMPARATOR);
        while (true) {
            Item item = consume(Context.VALUES);
            switch (item.token()) {
                case IDENTIFIER -> {
                    values.add(item.literal());
                    Item next = lookahead(Context.VALUES);
                    switch (next.token()) {
                        case COMMA -> {
                        }
                        case CLOSED_PAR -> {
                            return List.copyOf(values);
                        }
                        default -> throw error("found '%s', expected: ',' or ')'", next.literal());
                    }
                }
                case COMMA -> {
                    if (values.isEmpty()) {
                        values.add(""); // "(,"
                    }
                    Token next = lookahead(Context.VALUES).token();
                    if (next == Token.CLOSED_PAR) {
                        values.add(""); // ",)"
                        return List.copyOf(values);
                    }
                    if (next == Token.COMMA) {
                        values.add(""); // ",,"
                    }
                }
                default -> throw error("found '%s', expected: ',', or identifier", item.literal());
            }
        }
    }

    /** The one value after =, ==, !=, >, <; nothing (end or ',') is the empty value. */
    private List<String> parseExactValue() throws InvalidSelectorException {
        Token next = lookahead(Context.VALUES).token();
        if (next == Token.END || next == Token.COMMA) {
            return List.of("");
        }
        Item item = consume(Context.VALUES);
        if (item.token() == Token.IDENTIFIER) {
            return List.of(item.literal());
        }
        throw error("found '%s', expected: identifier", item.literal());
    }

    private static InvalidSelectorException error(String format, Object... args) {
        return new InvalidSelectorException(String.format(format, args));
    }
}
