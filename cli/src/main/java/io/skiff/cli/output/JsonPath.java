package io.skiff.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's JSONPath templates ({@code k8s.io/client-go/util/jsonpath}), which differ from
 * Jayway's: text with {@code {...}} actions, {@code {range ...}...{end}}, {@code {"\n"}}
 * literals, several results of one action joined by spaces, strings printed raw and objects as
 * JSON. Supported: {@code $ @ .field ..field .* [*] [n] [-n] [a:b:c] ['key'] [a,b]} and filters
 * {@code [?(@.x == "y")]} with {@code == != < > <= >=} or bare existence. Missing keys print
 * nothing, as kubectl's {@code --allow-missing-template-keys=true} default.
 */
public final class JsonPath {
    private final String template;
    private final List<Part> parts;

    private sealed interface Part permits Text, Action, Range {}

    private record Text(String text) implements Part {}

    private record Action(Path path) implements Part {}

    private record Range(Path path, List<Part> body) implements Part {}

    private JsonPath(String template, List<Part> parts) {
        this.template = template;
        this.parts = parts;
    }

    /** Parses a template; a malformed one fails with kubectl's {@code error parsing jsonpath} wording. */
    public static JsonPath parse(String template) {
        List<Part> parts = new ArrayList<>();
        int end = new TemplateParser(template).parseInto(parts, 0, false);
        if (end != template.length()) {
            throw new IllegalArgumentException("error parsing jsonpath " + template + ", not in range, nothing to end");
        }
        return new JsonPath(template, parts);
    }

    /** The template's text for this object. */
    public String execute(JsonNode root) {
        StringBuilder out = new StringBuilder();
        run(parts, root, root, out);
        return out.toString();
    }

    /** The values one path selects (for custom columns). */
    public List<JsonNode> values(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Action a) {
                out.addAll(a.path().select(root, root));
            }
        }
        return out;
    }

    public String template() {
        return template;
    }

    private static void run(List<Part> parts, JsonNode root, JsonNode current, StringBuilder out) {
        for (Part p : parts) {
            switch (p) {
                case Text t -> out.append(t.text());
                case Action a -> {
                    List<JsonNode> values = a.path().select(root, current);
                    for (int i = 0; i < values.size(); i++) {
                        out.append(i == 0 ? "" : " ").append(text(values.get(i)));
                    }
                }
                case Range r -> {
                    for (JsonNode item : r.path().select(root, current)) {
                        if (item.isArray()) {
                            // {range .items} iterates the list itself, as {range .items[*]} does.
                            item.forEach(i -> run(r.body(), root, i, out));
                        } else {
                            run(r.body(), root, item, out);
                        }
                    }
                }
            }
        }
    }

    /** A value as kubectl prints it: strings raw, other scalars as written, objects and lists as JSON. */
    public static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    // ---- the template --------------------------------------------------------------------

    private static final class TemplateParser {
        private final String s;

        TemplateParser(String s) {
            this.s = s;
        }

        /** Parses text and actions from {@code pos}; inside a range, stops after its {@code {end}}. */
        int parseInto(List<Part> parts, int pos, boolean inRange) {
            StringBuilder text = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != '{') {
                    text.append(c);
                    pos++;
                    continue;
                }
                int close = closingBrace(pos);
                String action = s.substring(pos + 1, close).strip();
                pos = close + 1;
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                if (action.equals("end")) {
                    if (!inRange) {
                        throw new IllegalArgumentException("error parsing jsonpath " + s + ", not in range, nothing to end");
                    }
                    return pos;
                }
                if (action.startsWith("range ") || action.equals("range")) {
                    List<Part> body = new ArrayList<>();
                    Path path = Path.parse(action.substring(5).strip(), s);
                    pos = parseInto(body, pos, true);
                    parts.add(new Range(path, body));
                    continue;
                }
                parseActionInto(action, parts);
            }
            if (inRange) {
                throw new IllegalArgumentException("error parsing jsonpath " + s + ", unclosed range");
            }
            if (!text.isEmpty()) {
                parts.add(new Text(text.toString()));
            }
            return pos;
        }

        /** One action may hold quoted literals and paths side by side: {@code {.a}{"\n"}} or {@code {"x"}}. */
        private void parseActionInto(String action, List<Part> parts) {
            if (action.startsWith("\"")) {
                parts.add(new Text(unquote(action)));
            } else {
                parts.add(new Action(Path.parse(action, s)));
            }
        }

        private String unquote(String quoted) {
            if (quoted.length() < 2 || !quoted.endsWith("\"")) {
                throw new IllegalArgumentException("error parsing jsonpath " + s + ", unclosed quote in " + quoted);
            }
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < quoted.length() - 1; i++) {
                char c = quoted.charAt(i);
                if (c == '\\' && i + 1 < quoted.length() - 1) {
                    char n = quoted.charAt(++i);
                    out.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private int closingBrace(int open) {
            boolean quoted = false;
            for (int i = open + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && quoted) {
                    i++;
                } else if (c == '"' || c == '\'') {
                    quoted = !quoted;
                } else if (c == '}' && !quoted) {
                    return i;
                }
            }
            throw new IllegalArgumentException("error parsing jsonpath " + s + ", unclosed action");
        }
    }

    // ---- paths -------------------------------------------------------------------------

    /** A path: steps from the root ({@code $}) or the current item ({@code @}, or a leading dot). */
    record Path(boolean fromRoot, List<Step> steps) {
        static Path parse(String expr, String template) {
            return new PathParser(expr, template).parse();
        }

        List<JsonNode> select(JsonNode root, JsonNode current) {
            List<JsonNode> values = List.of(fromRoot ? root : current);
            for (Step step : steps) {
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode v : values) {
                    step.apply(v, root, next);
                }
                values = next;
            }
            return values;
        }
    }

    sealed interface Step permits Field, Recursive, Wildcard, Indices, Slice, Filter {
        void apply(JsonNode v, JsonNode root, List<JsonNode> out);
    }

    record Field(List<String> names) implements Step {
        public void apply(JsonNode v, JsonNode root, List<JsonNode> out) {
            if (v.isObject()) {
                for (String n : names) {
                    JsonNode child = v.get(n);
                    if (child != null) {
                        out.add(child);
                    }
                }
            }
        }
    }

    /** {@code ..name}: that field of the value and of every value below it; {@code ..*}: every value below. */
    record Recursive(String name) implements Step {
        public void apply(JsonNode v, JsonNode root, List<JsonNode> out) {
            if (name != null && v.isObject() && v.has(name)) {
                out.add(v.get(name));
            }
            for (JsonNode child : v) {
                if (name == null) {
                    out.add(child);
                }
                if (child.isContainerNode()) {
                    apply(child, root, out);
                }
            }
        }
    }

    record Wildcard() implements Step {
        public void apply(JsonNode v, JsonNode root, List<JsonNode> out) {
            if (v.isContainerNode()) {
                v.forEach(out::add);
            }
        }
    }

    record Indices(List<Integer> indices) implements Step {
        public void apply(JsonNode v, JsonNode root, List<JsonNode> out) {
            if (!v.isArray()) {
                return;
            }
            for (int i : indices) {
                int at = i < 0 ? v.size() + i : i;
                if (at >= 0 && at < v.size()) {
                    out.add(v.get(at));
                }
            }
        }
    }

    record Slice(Integer start, Integer end, Integer step) implements Step {
        public void apply(JsonNode v, JsonNode root, List<JsonNode> out) {
            if (!v.isArray()) {
                return;
            }
            int n = v.size();
            int from = clamp(start == null ? 0 : start, n);
            int to = clamp(end == null ? n : end, n);
            int by = step == null || step <= 0 ? 1 : step;
            for (int i = from; i < to; i += by) {
                out.add(v.get(i));
            }
        }

        private static int clamp(int i, int n) {
            return Math.max(0, Math.min(n, i < 0 ? n + i : i));
        }
    }

    /** {@code [?(@.a == "x")]}: the elements (or object values) for which the condition holds. */
    record Filter(Path left, String op, Path rightPath, JsonNode rightValue) implements Step {
        public void apply(JsonNode v, JsonNode root, List<JsonNode> out) {
            if (!v.isContainerNode()) {
                return;
            }
            for (JsonNode item : v) {
                List<JsonNode> l = left.select(root, item);
                if (op == null) {
                    if (!l.isEmpty()) {
                        out.add(item);
                    }
                    continue;
                }
                List<JsonNode> r = rightPath != null ? rightPath.select(root, item) : List.of(rightValue);
                if (!l.isEmpty() && !r.isEmpty() && holds(l.getFirst(), r.getFirst())) {
                    out.add(item);
                }
            }
        }

        private boolean holds(JsonNode a, JsonNode b) {
            int cmp;
            if (a.isNumber() && b.isNumber()) {
                cmp = new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
            } else if (a.isValueNode() && b.isValueNode()) {
                cmp = a.asText().compareTo(b.asText());
                if (!op.equals("==") && !op.equals("!=") && !(a.isTextual() && b.isTextual())) {
                    return false;
                }
            } else {
                cmp = a.equals(b) ? 0 : 1;
            }
            return switch (op) {
                case "==" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case ">" -> cmp > 0;
                case "<=" -> cmp <= 0;
                case ">=" -> cmp >= 0;
                default -> false;
            };
        }
    }

    private static final class PathParser {
        private final String s;
        private final String template;
        private int pos;

        PathParser(String s, String template) {
            this.s = s;
            this.template = template;
        }

        Path parse() {
            boolean fromRoot = false;
            if (pos < s.length() && s.charAt(pos) == '$') {
                fromRoot = true;
                pos++;
            } else if (pos < s.length() && s.charAt(pos) == '@') {
                pos++;
            }
            List<Step> steps = new ArrayList<>();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '.') {
                    if (pos + 1 < s.length() && s.charAt(pos + 1) == '.') {
                        pos += 2;
                        String name = peek('*') ? skip("*") : name();
                        steps.add(new Recursive(name));
                    } else {
                        pos++;
                        if (pos >= s.length()) {
                            break; // "." alone is the current value
                        }
                        if (peek('*')) {
                            pos++;
                            steps.add(new Wildcard());
                        } else if (!peek('[')) {
                            steps.add(new Field(List.of(name())));
                        }
                    }
                } else if (c == '[') {
                    steps.add(bracket());
                } else {
                    throw error("unrecognized character '" + c + "' in " + s);
                }
            }
            return new Path(fromRoot, List.copyOf(steps));
        }

        private boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        private String skip(String what) {
            pos += what.length();
            return null;
        }

        /** A field name; {@code \.} keeps a dot in it ({@code kubectl\.kubernetes\.io/last-applied-configuration}). */
        private String name() {
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\' && pos + 1 < s.length()) {
                    sb.append(s.charAt(pos + 1));
                    pos += 2;
                } else if (c == '.' || c == '[' || c == ' ') {
                    break;
                } else {
                    sb.append(c);
                    pos++;
                }
            }
            if (sb.isEmpty()) {
                throw error("empty field name in " + s);
            }
            return sb.toString();
        }

        private Step bracket() {
            int close = closing(pos);
            String inner = s.substring(pos + 1, close).strip();
            pos = close + 1;
            if (inner.equals("*")) {
                return new Wildcard();
            }
            if (inner.startsWith("?(") && inner.endsWith(")")) {
                return filter(inner.substring(2, inner.length() - 1).strip());
            }
            if (inner.startsWith("'") || inner.startsWith("\"")) {
                List<String> keys = new ArrayList<>();
                for (String k : inner.split(",")) {
                    String t = k.strip();
                    if (t.length() < 2 || t.charAt(t.length() - 1) != t.charAt(0)) {
                        throw error("unclosed quote in [" + inner + "]");
                    }
                    keys.add(t.substring(1, t.length() - 1));
                }
                return new Field(List.copyOf(keys));
            }
            try {
                if (inner.contains(":")) {
                    String[] p = inner.split(":", -1);
                    if (p.length > 3) {
                        throw error("invalid slice [" + inner + "]");
                    }
                    return new Slice(intOrNull(p[0]), intOrNull(p[1]), p.length == 3 ? intOrNull(p[2]) : null);
                }
                List<Integer> indices = new ArrayList<>();
                for (String i : inner.split(",")) {
                    indices.add(Integer.parseInt(i.strip()));
                }
                return new Indices(List.copyOf(indices));
            } catch (NumberFormatException e) {
                throw error("invalid array index [" + inner + "]");
            }
        }

        private Filter filter(String cond) {
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                int at = indexOutsideQuotes(cond, op);
                if (at > 0) {
                    Path left = new PathParser(cond.substring(0, at).strip(), template).parse();
                    String right = cond.substring(at + op.length()).strip();
                    if (right.startsWith("@") || right.startsWith("$") || right.startsWith(".")) {
                        return new Filter(left, op, new PathParser(right, template).parse(), null);
                    }
                    return new Filter(left, op, null, literal(right));
                }
            }
            return new Filter(new PathParser(cond, template).parse(), null, null, null);
        }

        private JsonNode literal(String text) {
            var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            if (text.length() >= 2 && (text.startsWith("\"") || text.startsWith("'"))) {
                return f.textNode(text.substring(1, text.length() - 1));
            }
            if (text.equals("true") || text.equals("false")) {
                return f.booleanNode(Boolean.parseBoolean(text));
            }
            try {
                return f.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw error("unrecognized literal " + text + " in filter");
            }
        }

        private static int indexOutsideQuotes(String s, String op) {
            boolean quoted = false;
            for (int i = 0; i + op.length() <= s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && s.startsWith(op, i)) {
                    return i;
                }
            }
            return -1;
        }

        private int closing(int open) {
            int depth = 0;
            boolean quoted = false;
            for (int i = open; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && c == '[') {
                    depth++;
                } else if (!quoted && c == ']' && --depth == 0) {
                    return i;
                }
            }
            throw error("unterminated array in " + s);
        }

        private static Integer intOrNull(String s) {
            return s.isBlank() ? null : Integer.parseInt(s.strip());
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("error parsing jsonpath " + template + ", " + what);
        }
    }
}
