package io.gatedesk.incident;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public, read-only status page: current public incidents and those resolved in the last 7 days. */
@Controller
class StatusPageController {

    static final String STATUS_VIEW = "incident/status";

    private final IncidentService incidents;

    StatusPageController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/status")
    String status(Model model) {
        var all = incidents.publicStatus();
        model.addAttribute("current", all.stream().filter(i -> i.status().isOpen()).toList());
        model.addAttribute("recent", all.stream().filter(i -> i.status() == IncidentStatus.RESOLVED).toList());
        return STATUS_VIEW;
    }
}
