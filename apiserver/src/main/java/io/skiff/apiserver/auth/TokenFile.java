package io.skiff.apiserver.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --token-auth-file}, as Kubernetes reads it: CSV lines {@code token,user,uid,"group1,group2"}
 * (the groups column optional and quoted when it holds commas). A bad line is an error naming
 * its line number; blank lines are skipped.
 */
public final class TokenFile {
    private TokenFile() {}

    public static Map<String, UserInfo> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static Map<String, UserInfo> parse(String text, String source) {
        Map<String, UserInfo> users = new HashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = source + ":" + (i + 1);
            List<String> record = fields(lines[i], where);
            if (record.size() < 3) {
                throw new IllegalArgumentException(where + ": want token,user,uid[,\"groups\"], got "
                        + record.size() + " field(s)");
            }
            String token = record.get(0).trim();
            if (token.isEmpty()) {
                throw new IllegalArgumentException(where + ": the token is empty");
            }
            if (record.get(1).isEmpty()) {
                throw new IllegalArgumentException(where + ": the user name is empty");
            }
            List<String> groups = new ArrayList<>();
            if (record.size() > 3 && !record.get(3).isEmpty()) {
                Arrays.stream(record.get(3).split(",")).map(String::trim).filter(g -> !g.isEmpty()).forEach(groups::add);
            }
            if (users.put(token, new UserInfo(record.get(1), record.get(2), groups)) != null) {
                throw new IllegalArgumentException(where + ": the token of line " + (i + 1) + " appears twice");
            }
        }
        return Map.copyOf(users);
    }

    /** One CSV record (RFC 4180 quoting: {@code "a,b"} and {@code ""} for a quote). */
    private static List<String> fields(String line, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' || wasQuoted) {
                throw new IllegalArgumentException(where + ": bad quote at column " + (i + 1));
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(where + ": unterminated quote");
        }
        out.add(field.toString());
        return out;
    }
}
