package io.skiff.apiserver.rest;

import io.skiff.api.meta.ApiObject;

/** What a resource handler answers: an HTTP code and an API object (encoded by {@link ResponseWriter}). */
public record ApiResponse(int code, ApiObject body) {
    public static ApiResponse ok(ApiObject body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse created(ApiObject body) {
        return new ApiResponse(201, body);
    }
}
