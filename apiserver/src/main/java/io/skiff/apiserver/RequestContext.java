package io.skiff.apiserver;

import io.skiff.apiserver.auth.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One request as every layer sees it: what it is about ({@link RequestInfo}), who sent it, its
 * query parameters and headers, and when it started. Built once per request (HTTP or websocket)
 * by {@link ApiServer}, and kept as the {@code skiff.request} attribute of the Javalin context.
 */
public final class RequestContext {
    public static final String ATTRIBUTE = "skiff.request";

    private final RequestInfo info;
    private final UserInfo user;
    private final Map<String, List<String>> query;
    private final Function<String, String> headers;
    private final long startNanos;

    public RequestContext(RequestInfo info, UserInfo user, Map<String, List<String>> query,
            Function<String, String> headers, long startNanos) {
        this.info = info;
        this.user = user;
        this.query = Map.copyOf(query);
        this.headers = headers;
        this.startNanos = startNanos;
    }

    public RequestInfo info() {
        return info;
    }

    /** The authenticated user; {@link UserInfo#ANONYMOUS} until (or unless) authenticated. */
    public UserInfo user() {
        return user;
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> queryParameters() {
        return query;
    }

    /** A request header (case-insensitive name), or null. */
    public String header(String name) {
        return headers.apply(name);
    }

    public long startNanos() {
        return startNanos;
    }

    public RequestContext withUser(UserInfo newUser) {
        return new RequestContext(info, newUser, query, headers, startNanos);
    }

    @Override
    public String toString() {
        return info.verb() + " " + info.path() + " by " + (user == null ? "?" : user.name());
    }
}
