package io.gatedesk.workspace;

import io.gatedesk.ticket.QueueDefaults;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Opens each agent's queue on the default view they chose in the sidebar. */
@Component
class SavedViewDefaults implements QueueDefaults {

    private final SavedViews views;

    SavedViewDefaults(SavedViews views) {
        this.views = views;
    }

    @Override
    public Optional<String> defaultQuery(long userId) {
        return views.defaultQuery(userId);
    }
}
