package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Yaml;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.openapi_v2.AdditionalPropertiesItem;
import org.openapi_v2.Any;
import org.openapi_v2.ApiKeySecurity;
import org.openapi_v2.BasicAuthenticationSecurity;
import org.openapi_v2.BodyParameter;
import org.openapi_v2.Definitions;
import org.openapi_v2.Document;
import org.openapi_v2.HeaderParameterSubSchema;
import org.openapi_v2.Info;
import org.openapi_v2.ItemsItem;
import org.openapi_v2.JsonReference;
import org.openapi_v2.NamedAny;
import org.openapi_v2.NamedPathItem;
import org.openapi_v2.NamedResponseValue;
import org.openapi_v2.NamedSchema;
import org.openapi_v2.NamedSecurityDefinitionsItem;
import org.openapi_v2.NamedStringArray;
import org.openapi_v2.NonBodyParameter;
import org.openapi_v2.Operation;
import org.openapi_v2.Parameter;
import org.openapi_v2.ParametersItem;
import org.openapi_v2.PathItem;
import org.openapi_v2.PathParameterSubSchema;
import org.openapi_v2.PrimitivesItems;
import org.openapi_v2.Properties;
import org.openapi_v2.QueryParameterSubSchema;
import org.openapi_v2.Response;
import org.openapi_v2.ResponseValue;
import org.openapi_v2.Responses;
import org.openapi_v2.Schema;
import org.openapi_v2.SchemaItem;
import org.openapi_v2.SecurityDefinitions;
import org.openapi_v2.SecurityDefinitionsItem;
import org.openapi_v2.SecurityRequirement;
import org.openapi_v2.StringArray;
import org.openapi_v2.TypeItem;

/**
 * A Swagger 2.0 JSON document as gnostic's {@code openapi_v2.Document} message, by gnostic's
 * mapping: {@code $ref} is {@code _ref}, maps are ordered lists of named pairs, {@code type} and
 * {@code items} are wrapped, and {@code x-} vendor extensions are {@code NamedAny} whose value is
 * the YAML text of the JSON value (what kube-openapi unmarshals back). Covers the parts of
 * Swagger this server publishes: info, paths with operations, parameters and responses,
 * definitions, security.
 */
public final class OpenApiProtobuf {
    private OpenApiProtobuf() {}

    public static Document document(JsonNode doc) {
        Document.Builder b = Document.newBuilder();
        text(doc, "swagger", b::setSwagger);
        if (doc.has("info")) {
            JsonNode i = doc.get("info");
            Info.Builder info = Info.newBuilder();
            text(i, "title", info::setTitle);
            text(i, "version", info::setVersion);
            text(i, "description", info::setDescription);
            b.setInfo(info.addAllVendorExtension(extensions(i)));
        }
        text(doc, "host", b::setHost);
        text(doc, "basePath", b::setBasePath);
        doc.path("schemes").forEach(s -> b.addSchemes(s.asText()));
        doc.path("consumes").forEach(s -> b.addConsumes(s.asText()));
        doc.path("produces").forEach(s -> b.addProduces(s.asText()));
        if (doc.has("paths")) {
            org.openapi_v2.Paths.Builder paths = org.openapi_v2.Paths.newBuilder();
            fields(doc.get("paths"), (name, item) -> {
                if (!name.startsWith("x-")) {
                    paths.addPath(NamedPathItem.newBuilder().setName(name).setValue(pathItem(item)));
                }
            });
            b.setPaths(paths.addAllVendorExtension(extensions(doc.get("paths"))));
        }
        if (doc.has("definitions")) {
            Definitions.Builder defs = Definitions.newBuilder();
            fields(doc.get("definitions"), (name, s) ->
                    defs.addAdditionalProperties(NamedSchema.newBuilder().setName(name).setValue(schema(s))));
            b.setDefinitions(defs);
        }
        doc.path("security").forEach(r -> b.addSecurity(securityRequirement(r)));
        if (doc.has("securityDefinitions")) {
            SecurityDefinitions.Builder sd = SecurityDefinitions.newBuilder();
            fields(doc.get("securityDefinitions"), (name, d) -> sd.addAdditionalProperties(
                    NamedSecurityDefinitionsItem.newBuilder().setName(name).setValue(securityDefinition(d))));
            b.setSecurityDefinitions(sd);
        }
        return b.addAllVendorExtension(extensions(doc)).build();
    }

    static Schema schema(JsonNode s) {
        Schema.Builder b = Schema.newBuilder();
        text(s, "$ref", b::setRef);
        text(s, "format", b::setFormat);
        text(s, "title", b::setTitle);
        text(s, "description", b::setDescription);
        if (s.has("default")) {
            b.setDefault(any(s.get("default")));
        }
        if (s.has("type")) {
            TypeItem.Builder t = TypeItem.newBuilder();
            if (s.get("type").isArray()) {
                s.get("type").forEach(v -> t.addValue(v.asText()));
            } else {
                t.addValue(s.get("type").asText());
            }
            b.setType(t);
        }
        if (s.has("items")) {
            ItemsItem.Builder items = ItemsItem.newBuilder();
            if (s.get("items").isArray()) {
                s.get("items").forEach(i -> items.addSchema(schema(i)));
            } else {
                items.addSchema(schema(s.get("items")));
            }
            b.setItems(items);
        }
        if (s.has("properties")) {
            Properties.Builder props = Properties.newBuilder();
            fields(s.get("properties"), (name, p) ->
                    props.addAdditionalProperties(NamedSchema.newBuilder().setName(name).setValue(schema(p))));
            b.setProperties(props);
        }
        if (s.has("additionalProperties")) {
            JsonNode a = s.get("additionalProperties");
            b.setAdditionalProperties(a.isBoolean() ? AdditionalPropertiesItem.newBuilder().setBoolean(a.asBoolean())
                    : AdditionalPropertiesItem.newBuilder().setSchema(schema(a)));
        }
        s.path("required").forEach(r -> b.addRequired(r.asText()));
        s.path("enum").forEach(e -> b.addEnum(any(e)));
        s.path("allOf").forEach(a -> b.addAllOf(schema(a)));
        if (s.has("readOnly")) {
            b.setReadOnly(s.get("readOnly").asBoolean());
        }
        if (s.has("example")) {
            b.setExample(any(s.get("example")));
        }
        return b.addAllVendorExtension(extensions(s)).build();
    }

    private static PathItem pathItem(JsonNode p) {
        PathItem.Builder b = PathItem.newBuilder();
        text(p, "$ref", b::setRef);
        Map<String, Consumer<Operation>> ops = Map.of("get", b::setGet, "put", b::setPut, "post", b::setPost,
                "delete", b::setDelete, "options", b::setOptions, "head", b::setHead, "patch", b::setPatch);
        ops.forEach((method, set) -> {
            if (p.has(method)) {
                set.accept(operation(p.get(method)));
            }
        });
        p.path("parameters").forEach(param -> b.addParameters(parameter(param)));
        return b.addAllVendorExtension(extensions(p)).build();
    }

    private static Operation operation(JsonNode o) {
        Operation.Builder b = Operation.newBuilder();
        o.path("tags").forEach(t -> b.addTags(t.asText()));
        text(o, "summary", b::setSummary);
        text(o, "description", b::setDescription);
        text(o, "operationId", b::setOperationId);
        o.path("produces").forEach(v -> b.addProduces(v.asText()));
        o.path("consumes").forEach(v -> b.addConsumes(v.asText()));
        o.path("parameters").forEach(param -> b.addParameters(parameter(param)));
        if (o.has("responses")) {
            Responses.Builder r = Responses.newBuilder();
            fields(o.get("responses"), (code, resp) -> {
                if (!code.startsWith("x-")) {
                    r.addResponseCode(NamedResponseValue.newBuilder().setName(code).setValue(responseValue(resp)));
                }
            });
            b.setResponses(r.addAllVendorExtension(extensions(o.get("responses"))));
        }
        o.path("schemes").forEach(v -> b.addSchemes(v.asText()));
        if (o.has("deprecated")) {
            b.setDeprecated(o.get("deprecated").asBoolean());
        }
        o.path("security").forEach(r -> b.addSecurity(securityRequirement(r)));
        return b.addAllVendorExtension(extensions(o)).build();
    }

    private static ResponseValue responseValue(JsonNode r) {
        if (r.has("$ref")) {
            return ResponseValue.newBuilder().setJsonReference(JsonReference.newBuilder()
                    .setRef(r.get("$ref").asText())).build();
        }
        Response.Builder b = Response.newBuilder();
        text(r, "description", b::setDescription);
        if (r.has("schema")) {
            b.setSchema(SchemaItem.newBuilder().setSchema(schema(r.get("schema"))));
        }
        return ResponseValue.newBuilder().setResponse(b.addAllVendorExtension(extensions(r))).build();
    }

    private static ParametersItem parameter(JsonNode p) {
        if (p.has("$ref")) {
            return ParametersItem.newBuilder().setJsonReference(JsonReference.newBuilder()
                    .setRef(p.get("$ref").asText())).build();
        }
        String in = p.path("in").asText();
        Parameter.Builder param = Parameter.newBuilder();
        if (in.equals("body")) {
            BodyParameter.Builder b = BodyParameter.newBuilder();
            text(p, "description", b::setDescription);
            text(p, "name", b::setName);
            b.setIn(in).setRequired(p.path("required").asBoolean());
            if (p.has("schema")) {
                b.setSchema(schema(p.get("schema")));
            }
            param.setBodyParameter(b.addAllVendorExtension(extensions(p)));
        } else {
            param.setNonBodyParameter(nonBody(p, in));
        }
        return ParametersItem.newBuilder().setParameter(param).build();
    }

    /** Path, query and header parameters share their fields; each has its own message. */
    private static NonBodyParameter nonBody(JsonNode p, String in) {
        String description = p.path("description").asText();
        String name = p.path("name").asText();
        String type = p.path("type").asText();
        boolean required = p.path("required").asBoolean();
        boolean unique = p.path("uniqueItems").asBoolean();
        NonBodyParameter.Builder b = NonBodyParameter.newBuilder();
        switch (in) {
            case "path" -> b.setPathParameterSubSchema(PathParameterSubSchema.newBuilder().setIn(in)
                    .setDescription(description).setName(name).setType(type).setRequired(required)
                    .setUniqueItems(unique).addAllVendorExtension(extensions(p)));
            case "header" -> b.setHeaderParameterSubSchema(HeaderParameterSubSchema.newBuilder().setIn(in)
                    .setDescription(description).setName(name).setType(type).setRequired(required)
                    .setUniqueItems(unique).addAllVendorExtension(extensions(p)));
            default -> {
                QueryParameterSubSchema.Builder q = QueryParameterSubSchema.newBuilder().setIn(in)
                        .setDescription(description).setName(name).setType(type).setRequired(required)
                        .setUniqueItems(unique).addAllVendorExtension(extensions(p));
                if (p.has("items")) {
                    q.setItems(PrimitivesItems.newBuilder().setType(p.get("items").path("type").asText()));
                }
                b.setQueryParameterSubSchema(q);
            }
        }
        return b.build();
    }

    private static SecurityRequirement securityRequirement(JsonNode r) {
        SecurityRequirement.Builder b = SecurityRequirement.newBuilder();
        fields(r, (name, scopes) -> {
            StringArray.Builder a = StringArray.newBuilder();
            scopes.forEach(s -> a.addValue(s.asText()));
            b.addAdditionalProperties(NamedStringArray.newBuilder().setName(name).setValue(a));
        });
        return b.build();
    }

    private static SecurityDefinitionsItem securityDefinition(JsonNode d) {
        SecurityDefinitionsItem.Builder b = SecurityDefinitionsItem.newBuilder();
        if (d.path("type").asText().equals("basic")) {
            b.setBasicAuthenticationSecurity(BasicAuthenticationSecurity.newBuilder().setType("basic")
                    .setDescription(d.path("description").asText()).addAllVendorExtension(extensions(d)));
        } else {
            b.setApiKeySecurity(ApiKeySecurity.newBuilder().setType(d.path("type").asText())
                    .setName(d.path("name").asText()).setIn(d.path("in").asText())
                    .setDescription(d.path("description").asText()).addAllVendorExtension(extensions(d)));
        }
        return b.build();
    }

    /** The {@code x-} members of an object, in order, as gnostic keeps them. */
    private static Iterable<NamedAny> extensions(JsonNode node) {
        List<NamedAny> out = new ArrayList<>();
        fields(node, (name, value) -> {
            if (name.startsWith("x-")) {
                out.add(NamedAny.newBuilder().setName(name).setValue(any(value)).build());
            }
        });
        return out;
    }

    private static Any any(JsonNode value) {
        return Any.newBuilder().setYaml(Yaml.toYaml(value)).build();
    }

    private static void text(JsonNode node, String field, Consumer<String> set) {
        JsonNode v = node.get(field);
        if (v != null && !v.isNull()) {
            set.accept(v.asText());
        }
    }

    private static void fields(JsonNode node, BiConsumer<String, JsonNode> each) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            each.accept(e.getKey(), e.getValue());
        }
    }
}
