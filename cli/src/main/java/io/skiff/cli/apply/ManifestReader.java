package io.skiff.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.api.codec.Yaml;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.CommandException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code -f} arguments: files, directories (their {@code .json}, {@code .yaml} and
 * {@code .yml} files in name order; with {@code -R} also below) and {@code -} for stdin; each
 * holds JSON or multi-document YAML, and a {@code kind: List} contributes its items. Everything
 * is read and decoded before anything is sent, so a typo in the third file changes nothing.
 */
public final class ManifestReader {
    private final Scheme scheme;
    private final InputStream stdin;

    public ManifestReader(Scheme scheme, InputStream stdin) {
        this.scheme = scheme;
        this.stdin = stdin;
    }

    public List<Manifest> read(List<String> filenames, boolean recursive) {
        if (filenames == null || filenames.isEmpty()) {
            throw new CommandException("must specify one of -f and -k");
        }
        List<Manifest> out = new ArrayList<>();
        for (String f : filenames) {
            if (f.equals("-")) {
                out.addAll(parse("STDIN", readStdin()));
                continue;
            }
            Path path = Path.of(f);
            if (Files.isDirectory(path)) {
                for (Path file : filesIn(path, recursive)) {
                    out.addAll(parse(file.toString(), readFile(file)));
                }
            } else if (Files.exists(path)) {
                out.addAll(parse(f, readFile(path)));
            } else {
                throw new CommandException("the path \"" + f + "\" does not exist");
            }
        }
        if (out.isEmpty()) {
            throw new CommandException("no objects passed to create");
        }
        return out;
    }

    /** The objects of one file's text. */
    List<Manifest> parse(String source, String text) {
        List<JsonNode> docs;
        try {
            docs = text.stripLeading().startsWith("{") ? List.of(Json.readTree(text)) : Yaml.readDocuments(text);
        } catch (DecodeException e) {
            throw new CommandException("error parsing " + source + ": " + e.getMessage(), e);
        }
        List<Manifest> out = new ArrayList<>();
        for (JsonNode doc : docs) {
            if ("List".equals(doc.path("kind").asText()) && doc.path("items").isArray()) {
                for (JsonNode item : doc.get("items")) {
                    out.add(decode(source, item));
                }
            } else {
                out.add(decode(source, doc));
            }
        }
        return out;
    }

    private Manifest decode(String source, JsonNode doc) {
        ApiObject obj;
        try {
            obj = scheme.decode(doc);
        } catch (DecodeException e) {
            String msg = e.getMessage();
            if (msg != null && msg.startsWith("no kind ")) {
                throw new CommandException("unable to recognize \"" + source + "\": no matches for kind \""
                        + doc.path("kind").asText() + "\" in version \"" + doc.path("apiVersion").asText() + "\"", e);
            }
            throw new CommandException("error validating \"" + source + "\": " + msg, e);
        }
        ResourceInfo type = scheme.resourceForKind(obj.kind()).filter(r -> obj instanceof KubeObject)
                .orElseThrow(() -> new CommandException("unable to recognize \"" + source + "\": no matches for kind \""
                        + obj.kind() + "\" in version \"" + obj.apiVersion() + "\""));
        // A manifest in another version (v1beta1) is merged and stored in the resource's own.
        JsonNode tree = doc.path("apiVersion").asText().equals(type.apiVersion()) ? doc
                : scheme.toJson(obj, type.apiVersion());
        return new Manifest(source, type, tree, (KubeObject) obj);
    }

    private static List<Path> filesIn(Path dir, boolean recursive) {
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")
                            || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CommandException("cannot read the directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private String readStdin() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot read stdin: " + e.getMessage(), e);
        }
    }
}
