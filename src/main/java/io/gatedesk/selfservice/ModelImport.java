package io.gatedesk.selfservice;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the model ids of a gateway's {@code GET /v1/models} answer ({@code {"object":"list","data":[{"id":…}]}}); a bare
 * array of such objects or of names is accepted too, since that is what people copy out of a browser.
 */
public final class ModelImport {

    static final int MAX_TEXT = 2_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelImport() {
    }

    /** @throws ImportException with a message code when the text is not such a list */
    static List<String> modelIds(String text) {
        if (text == null || text.isBlank()) {
            throw new ImportException("selfservice.import.empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new ImportException("selfservice.import.tooLarge");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.strip());
        } catch (JacksonException e) {
            throw new ImportException("selfservice.import.notJson");
        }
        JsonNode list = root != null && root.isObject() ? root.get("data") : root;
        if (list == null || !list.isArray()) {
            throw new ImportException("selfservice.import.noData");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode entry : list) {
            JsonNode id = entry.isObject() ? entry.get("id") : entry;
            if (id != null && id.isString() && !id.asString().isBlank()) {
                ids.add(id.asString().strip());
            }
        }
        if (ids.isEmpty()) {
            throw new ImportException("selfservice.import.noModels");
        }
        return new ArrayList<>(ids);
    }

    /** {@code found} ids in the text, {@code added} new to the catalogue, {@code skipped} not usable as names. */
    public record Result(int found, int added, List<String> skipped) implements java.io.Serializable {
    }

    /** The pasted text is not a model list; {@link #getMessage()} is a message code. */
    public static class ImportException extends RuntimeException {
        ImportException(String messageCode) {
            super(messageCode);
        }
    }
}
