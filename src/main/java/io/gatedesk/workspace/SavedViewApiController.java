package io.gatedesk.workspace;

import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** Saved views through the JSON API: list with counts, save, delete, choose the default. */
@RestController
class SavedViewApiController {

    /** {@code query} is the queue's query string, as {@code GET /api/v1/tickets} takes it. */
    record NewView(String name, String query, boolean shared) {
    }

    record DefaultRequest(String ref) {
    }

    private final SavedViews views;
    private final UserService users;
    private final MessageSource messages;

    SavedViewApiController(SavedViews views, UserService users, MessageSource messages) {
        this.views = views;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/api/v1/views")
    List<QueueView> list(Authentication authentication) {
        return views.list(userId(authentication), SavedViewController.admin(authentication));
    }

    @PostMapping("/api/v1/views")
    ResponseEntity<QueueView> save(@RequestBody NewView request, Authentication authentication) {
        return ResponseEntity.status(HttpStatus.CREATED).body(views.save(request.name(),
                QueueFilter.parse(request.query()), request.shared(), userId(authentication),
                SavedViewController.admin(authentication)));
    }

    @DeleteMapping("/api/v1/views/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication authentication) {
        views.delete(id, userId(authentication), SavedViewController.admin(authentication));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/views/default")
    ResponseEntity<Void> setDefault(@RequestBody DefaultRequest request, Authentication authentication) {
        views.setDefault(userId(authentication), request.ref());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(WorkspaceException.class)
    ResponseEntity<ApiError> invalid(WorkspaceException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ApiError.of("INVALID_VIEW",
                messages.getMessage(e.messageKey(), e.arguments(), locale)));
    }

    @ExceptionHandler(ViewNotFoundException.class)
    ResponseEntity<ApiError> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NOT_FOUND",
                messages.getMessage("error.notFound", null, locale)));
    }

    @ExceptionHandler(ViewForbiddenException.class)
    ResponseEntity<ApiError> forbidden(Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("FORBIDDEN",
                messages.getMessage("views.error.sharedAdminsOnly", null, locale)));
    }

    private long userId(Authentication authentication) {
        return users.findByUsername(authentication.getName()).orElseThrow().id();
    }
}
