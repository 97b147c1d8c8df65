package io.skiff.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;

/** Raw answers of the apiserver (tables, discovery, /version) read as JSON trees. */
public final class Answers {
    private Answers() {}

    public static JsonNode json(byte[] body) {
        try {
            return Json.readTree(body);
        } catch (DecodeException e) {
            throw new CommandException("the server answered something that is not JSON: " + e.getMessage(), e);
        }
    }
}
