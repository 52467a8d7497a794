package io.gatedesk.workspace;

import io.gatedesk.ticket.Tag;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tags in use with their chip colours, and admins choosing a colour. */
@RestController
class TagApiController {

    private final TicketService tickets;
    private final MessageSource messages;

    TagApiController(TicketService tickets, MessageSource messages) {
        this.tickets = tickets;
        this.messages = messages;
    }

    /** A tag as the API shows it: its name and chip colour. */
    record TagView(String name, String colour) {
    }

    record ColourRequest(String colour) {
    }

    @GetMapping("/api/v1/tags")
    List<TagView> list(@RequestParam(defaultValue = "") String prefix) {
        Map<String, String> colours = tickets.tagColours();
        return tickets.tagsStartingWith(prefix, 100).stream()
                .map(name -> new TagView(name, colours.getOrDefault(name, Tag.colourOf(name)))).toList();
    }

    /** Admins set a tag's colour ({@code #rrggbb}), or with {@code null} go back to the one derived from its name. */
    @PutMapping("/api/v1/tags/{tag}/colour")
    ResponseEntity<?> colour(@PathVariable String tag, @RequestBody ColourRequest request, Locale locale) {
        String name = Tag.normalise(tag).orElse(null);
        if (name == null || (request.colour() != null && !Tag.isColour(request.colour()))) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ApiError.of("INVALID_TAG",
                    messages.getMessage("tags.error.colour", null, locale)));
        }
        tickets.setTagColour(name, request.colour());
        return ResponseEntity.ok(new TagView(name, request.colour() == null ? Tag.colourOf(name) : request.colour()));
    }
}
