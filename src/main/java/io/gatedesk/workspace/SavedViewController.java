package io.gatedesk.workspace;

import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.Locale;

/**
 * The queue's sidebar of views: the list with live counts, saving the queue's current filter under a name, deleting,
 * choosing the default. Every action answers htmx with the sidebar; without htmx it goes back to the queue.
 */
@Controller
class SavedViewController {

    static final String SIDEBAR = "workspace/views :: sidebar";

    private final SavedViews views;
    private final UserService users;
    private final MessageSource messages;

    SavedViewController(SavedViews views, UserService users, MessageSource messages) {
        this.views = views;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/desk/views/sidebar")
    String sidebar(Authentication authentication, Model model) {
        return fill(authentication, model);
    }

    /** Saves the queue's current filter (the filter form's fields, sent along) under {@code name}. */
    @PostMapping("/desk/views")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "false") boolean shared,
                QueueFilter filter, Authentication authentication, Model model, Locale locale,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        StaffMember me = me(authentication);
        try {
            QueueView saved = views.save(name, filter, shared, me.id(), admin(authentication));
            if (htmx == null) {
                return "redirect:/desk?" + saved.query();
            }
        } catch (WorkspaceException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            model.addAttribute("typedName", name);
            response.setStatus(htmx == null ? 422 : 200);
        }
        return fill(authentication, model);
    }

    @PostMapping("/desk/views/{id}/delete")
    String delete(@PathVariable long id, Authentication authentication, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        views.delete(id, me(authentication).id(), admin(authentication));
        return htmx == null ? "redirect:/desk" : fill(authentication, model);
    }

    @PostMapping("/desk/views/default")
    String makeDefault(@RequestParam(defaultValue = "") String ref, Authentication authentication, Model model,
                       @RequestHeader(value = "HX-Request", required = false) String htmx) {
        views.setDefault(me(authentication).id(), ref);
        return htmx == null ? "redirect:/desk" : fill(authentication, model);
    }

    @ExceptionHandler(ViewNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(ViewForbiddenException.class)
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    private String fill(Authentication authentication, Model model) {
        model.addAttribute("views", views.list(me(authentication).id(), admin(authentication)));
        model.addAttribute("admin", admin(authentication));
        return SIDEBAR;
    }

    private StaffMember me(Authentication authentication) {
        return users.findByUsername(authentication.getName()).orElseThrow();
    }

    static boolean admin(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }
}
