package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.Status;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The Swagger 2.0 document of the served resources, as {@code /openapi/v2} answers it in JSON. */
public final class OpenApiDocument {
    private OpenApiDocument() {}

    /** @param groupVersions the served group versions ({@code v1}, {@code coordination.k8s.io/v1}) */
    public static ObjectNode build(Scheme scheme, Set<String> groupVersions, String version) {
        Definitions definitions = new Definitions();
        Paths paths = new Paths();
        definitions.addKind(Status.class, "", "v1", Status.KIND);
        definitions.addKind(DeleteOptions.class, "", "v1", DeleteOptions.KIND);
        String listMeta = definitions.ensure(ListMeta.class);
        for (ResourceInfo r : scheme.resources()) {
            if (!groupVersions.contains(r.apiVersion())) {
                continue;
            }
            String kind = definitions.addKind(r.type(), r.group(), r.version(), r.kind());
            String list = definitions.addList(kind, listMeta, r.group(), r.version(), r.listKind());
            Map<String, String> subresources = new HashMap<>();
            for (ResourceInfo.Subresource s : r.subresources()) {
                subresources.put(s.name(), s.type() == r.type() ? kind
                        : definitions.addKind(s.type(), s.group(), s.version(), s.kind()));
            }
            paths.add(r, kind, list, subresources);
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode doc = nodes.objectNode();
        doc.put("swagger", "2.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", version);
        ObjectNode p = doc.putObject("paths");
        paths.all().forEach(p::set);
        ObjectNode d = doc.putObject("definitions");
        definitions.all().forEach(d::set);
        doc.putObject("securityDefinitions").putObject("BearerToken").put("description", "Bearer Token authentication")
                .put("in", "header").put("name", "authorization").put("type", "apiKey");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }
}
