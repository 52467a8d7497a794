package io.gatedesk.workspace;

import io.gatedesk.ticket.TicketService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


/** Tag autocomplete for the queue's tag fields: {@code <option>}s for their {@code <datalist>}. */
@Controller
class TagController {

    static final int SUGGESTIONS = 10;

    private final TicketService tickets;

    TagController(TicketService tickets) {
        this.tickets = tickets;
    }

    /** {@code <option>}s for a {@code <datalist>}: the tags in use that start with the last tag being typed. */
    @GetMapping("/desk/tags/suggest")
    String suggest(@RequestParam(required = false) String tag, @RequestParam(required = false) String addTags,
                   @RequestParam(required = false) String removeTags, Model model) {
        String typed = tag != null ? tag : addTags != null ? addTags : removeTags == null ? "" : removeTags;
        String before = typed.contains(",") ? typed.substring(0, typed.lastIndexOf(',') + 1) : "";
        String last = typed.substring(before.length());
        model.addAttribute("before", before);
        model.addAttribute("suggestions", tickets.tagsStartingWith(last, SUGGESTIONS));
        return "workspace/tags :: options";
    }
}
